package vn.ydan.api.audit;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every HTTP request an id: the caller's {@code X-Request-Id} when it is a
 * reasonable one, else a new UUID. It is echoed in the response header (also on 401s: the
 * filter runs before security), kept as a request attribute for the audit log, and put in
 * the logging context as {@code requestId}.
 */
class RequestIds extends OncePerRequestFilter {

	static final String HEADER = "X-Request-Id";

	static final String ATTRIBUTE = RequestIds.class.getName() + ".id";

	/** What a proxy or client would send: no spaces, quotes or control characters. */
	private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:/+=@-]{1,128}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = accepted(request.getHeader(HEADER));
		request.setAttribute(ATTRIBUTE, id);
		response.setHeader(HEADER, id);
		MDC.put("requestId", id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove("requestId");
		}
	}

	static String accepted(@Nullable String given) {
		return (given != null && ACCEPTED.matcher(given).matches()) ? given : UUID.randomUUID().toString();
	}

}
