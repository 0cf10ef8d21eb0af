package vn.ydan.api.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.ydan.api.access.Caller;
import vn.ydan.api.access.Roles;
import vn.ydan.api.protocol.BadRequestException;
import vn.ydan.api.protocol.VietnamTime;

/**
 * The audit log as a CSV file over HTTP GET, for administrators (the console passes on
 * its user's token): the same file as {@code Query.auditEntriesCsv}, but written to the
 * response row by row while the log is read in chunks, so that neither the API nor the
 * console holds 100,000 rows at once. The filter is given as query parameters, like
 * {@code AuditFilter} ({@code from} and {@code to} as {@code YYYY-MM-DD}); {@code limit}
 * 1 to 100,000, all by default. 401 without a token, 403 for anyone but an administrator,
 * 400 for a bad parameter — all before the file starts. Reading the log is not itself
 * recorded, as with the GraphQL field.
 */
@RestController
class AuditExports {

	static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final AuditReading reading;

	private final Clock clock;

	AuditExports(AuditReading reading, Clock clock) {
		this.reading = reading;
		this.clock = clock;
	}

	@GetMapping("/exports/audit/entries.csv")
	void entries(@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String unitId,
			@RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String limit, HttpServletResponse response) throws IOException {
		if (Caller.signedIn() == null) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
			text(response, HttpStatus.UNAUTHORIZED, "Nhật ký kiểm toán chỉ dành cho quản trị viên: hãy đăng nhập");
			return;
		}
		if (!Caller.hasRole(Caller.signedIn(), Roles.ADMIN)) {
			text(response, HttpStatus.FORBIDDEN, "Chỉ quản trị viên được tải nhật ký kiểm toán");
			return;
		}
		AuditReading.CsvExport export;
		try {
			AuditFilter filter = new AuditFilter(actor, unitId, kind, date("from", from), date("to", to));
			export = this.reading.csvExport(filter, rows(limit));
		}
		catch (BadRequestException ex) {
			text(response, HttpStatus.BAD_REQUEST, ex.getMessage());
			return;
		}
		String filename = "nhat-ky-kiem-toan-" + VietnamTime.today(this.clock) + ".csv";
		response.setContentType(CSV.toString());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
		// Written on this request's thread (not an async StreamingResponseBody, whose
		// container timeout would cut a long export short); the writer's buffer goes out
		// as HTTP chunks, the headings at once (CsvExport flushes them) so that the
		// download starts while the log is read.
		Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
		export.writeTo(out);
		out.flush();
	}

	private static @Nullable LocalDate date(String name, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new BadRequestException(name + " phải có dạng YYYY-MM-DD, không phải " + value);
		}
	}

	private static int rows(@Nullable String limit) {
		if (limit == null || limit.isBlank()) {
			return AuditReading.MAX_CSV_ROWS;
		}
		try {
			return Integer.parseInt(limit.strip());
		}
		catch (NumberFormatException ex) {
			throw new BadRequestException(
					"limit phải là số từ 1 đến " + AuditReading.MAX_CSV_ROWS + ", không phải " + limit);
		}
	}

	private static void text(HttpServletResponse response, HttpStatus status, @Nullable String message)
			throws IOException {
		response.setStatus(status.value());
		response.setContentType("text/plain;charset=UTF-8");
		response.getOutputStream().write(String.valueOf(message).getBytes(StandardCharsets.UTF_8));
	}

}
