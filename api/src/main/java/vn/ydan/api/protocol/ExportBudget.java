package vn.ydan.api.protocol;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Downloads ({@code /exports/**}: results as CSV, XLSX, PDF minutes, registry tables)
 * take their cost from the same budget as the caller's GraphQL requests: a file is built
 * from hundreds of rows, and a loop of downloads must not cost less than the queries that
 * would read the same. Over budget: HTTP 429 with {@code Retry-After}, before anything is
 * built.
 */
class ExportBudget implements HandlerInterceptor {

	private final RateBudgets budgets;

	private final String consoleClientId;

	private final long cost;

	ExportBudget(RateBudgets budgets, String consoleClientId, long cost) {
		this.budgets = budgets;
		this.consoleClientId = consoleClientId;
		this.cost = cost;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		BudgetKey client = BudgetKey.of(SecurityContextHolder.getContext().getAuthentication(),
				new InetSocketAddress(request.getRemoteAddr(), request.getRemotePort()), this.consoleClientId);
		RateBudgets.Charge charge = this.budgets.charge(client, this.cost);
		if (charge == null) {
			return true;
		}
		response.setHeader("X-RateLimit-Limit", String.valueOf(charge.limit()));
		response.setHeader("X-RateLimit-Remaining", String.valueOf(charge.remaining()));
		response.setHeader("X-RateLimit-Reset", String.valueOf(charge.resetAt().getEpochSecond()));
		if (charge.allowed()) {
			return true;
		}
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(charge.retryAfterSeconds()));
		response.setContentType("text/plain;charset=UTF-8");
		response.getOutputStream()
			.write(("Đã dùng hết hạn mức: mỗi tệp tải về cần %d điểm, còn %d; hạn mức được làm mới lúc %s.%n"
					+ "Rate limit reached: a download costs %d points, %d left; the budget resets at %s.%n")
				.formatted(this.cost, charge.remaining(), charge.resetAt(), this.cost, charge.remaining(),
						charge.resetAt())
				.getBytes(StandardCharsets.UTF_8));
		return false;
	}

}
