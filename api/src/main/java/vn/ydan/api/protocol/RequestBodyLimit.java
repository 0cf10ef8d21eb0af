package vn.ydan.api.protocol;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The limit on the size of a request's body, enforced before anything parses or buffers
 * it: a {@code Content-Length} above the limit is refused without reading a byte, and a
 * body without one (chunked) is read through a counting stream that fails as soon as it
 * passes the limit. A refusal is HTTP 413 with a GraphQL-shaped error of code
 * {@link ErrorCode#REQUEST_TOO_LARGE} and {@code Connection: close}, so the rest of the
 * body is never read.
 * <p>
 * The same stream counts the JSON values (see {@link Counting}): past
 * {@code maxBodyValues}, the body is refused with HTTP 400 and
 * {@link ErrorCode#VARIABLES_TOO_LARGE} before a parser has built them, whatever their
 * size in bytes.
 * <p>
 * Signed-in callers (a valid token; an invalid one was answered 401 by security, which
 * runs first) may send {@code maxBodySize}, the console's largest file import and its
 * JSON escaping; anonymous ones {@code maxAnonymousBodySize}. The engine's own limits
 * (document size, variables) apply after, to what is left.
 */
class RequestBodyLimit extends OncePerRequestFilter {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

	private final ApiLimits limits;

	RequestBodyLimit(ApiLimits limits) {
		this.limits = limits;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!this.limits.enabled()) {
			chain.doFilter(request, response);
			return;
		}
		long limit = limitFor(request);
		long length = request.getContentLengthLong();
		if (length > limit) {
			refuse(request, response, limit, length);
			return;
		}
		Counted counted = new Counted(request, limit, this.limits.maxBodyValues());
		try {
			chain.doFilter(counted, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			// Whoever read the body did not answer (HttpStatuses does for GraphQL).
			Refused refused = counted.refused();
			if (refused != null && !response.isCommitted()) {
				response.reset();
				refuse(request, response, refused);
				return;
			}
			throw ex;
		}
	}

	private long limitFor(HttpServletRequest request) {
		BudgetKey.Kind kind = BudgetKey
			.of(SecurityContextHolder.getContext().getAuthentication(), null, this.limits.rate().consoleClientId())
			.kind();
		return ((kind == BudgetKey.Kind.ANONYMOUS) ? this.limits.maxAnonymousBodySize() : this.limits.maxBodySize())
			.toBytes();
	}

	/** Whether the exception, or one of its causes, is a body refused while read. */
	static @Nullable Refused refused(@Nullable Throwable thrown) {
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			if (cause instanceof Refused refused) {
				return refused;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

	/**
	 * Answers HTTP 413 with one {@link ErrorCode#REQUEST_TOO_LARGE} error, in
	 * {@code application/graphql-response+json} unless the caller accepts only
	 * {@code application/json}.
	 * @param actual the declared length, when there was one
	 */
	static void refuse(HttpServletRequest request, HttpServletResponse response, long limit, @Nullable Long actual)
			throws IOException {
		refuse(request, response, Refused.tooLarge(limit, actual));
	}

	/** Answers with the refusal's status and its one error. */
	static void refuse(HttpServletRequest request, HttpServletResponse response, Refused refused) throws IOException {
		Map<String, Object> error = new LinkedHashMap<>(
				refused.code.error(refused.getMessage(), refused.limit, refused.actual).toSpecification());
		// A refusal of the whole request has no place in a document.
		error.remove("locations");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("errors", List.of(error));
		byte[] json = JSON.writeValueAsBytes(body);
		response.setStatus(refused.status.value());
		response.setHeader(HttpHeaders.CONNECTION, "close");
		response.setContentType(mediaType(request).toString());
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setContentLength(json.length);
		response.getOutputStream().write(json);
		response.flushBuffer();
	}

	private static MediaType mediaType(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept != null) {
			try {
				List<MediaType> accepted = MediaType.parseMediaTypes(accept);
				org.springframework.util.MimeTypeUtils.sortBySpecificity(accepted);
				for (MediaType type : accepted) {
					if (type.isCompatibleWith(GRAPHQL_RESPONSE)) {
						return GRAPHQL_RESPONSE;
					}
					if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
						return MediaType.APPLICATION_JSON;
					}
				}
			}
			catch (RuntimeException ex) {
				// An unreadable Accept: the specification's media type.
			}
		}
		return GRAPHQL_RESPONSE;
	}

	/**
	 * Thrown by the counting stream when the body passes a limit, and answered with its
	 * status and code.
	 */
	static final class Refused extends IOException {

		private final ErrorCode code;

		private final HttpStatus status;

		private final @Nullable Long limit;

		private final @Nullable Long actual;

		private Refused(ErrorCode code, HttpStatus status, String message, @Nullable Long limit,
				@Nullable Long actual) {
			super(message, null);
			this.code = code;
			this.status = status;
			this.limit = limit;
			this.actual = actual;
		}

		static Refused tooLarge(long limit, @Nullable Long actual) {
			return new Refused(ErrorCode.REQUEST_TOO_LARGE, HttpStatus.CONTENT_TOO_LARGE,
					"Yêu cầu quá lớn: tối đa %d byte. (The request body is larger than the %d bytes accepted from this caller.)"
						.formatted(limit, limit),
					limit, actual);
		}

		static Refused tooManyValues(long limit) {
			return new Refused(ErrorCode.VARIABLES_TOO_LARGE, HttpStatus.BAD_REQUEST,
					"Yêu cầu chứa quá nhiều giá trị JSON: hơn %d. (The request holds more than %d JSON values.)"
						.formatted(limit, limit),
					limit, null);
		}

		static Refused identityProviderDown() {
			return new Refused(ErrorCode.KEYCLOAK_UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE,
					"Không kiểm tra được mã truy cập: Keycloak không trả lời, hãy thử lại sau ít giây. (The access token could not be checked: Keycloak did not answer; retry in a few seconds.)",
					null, null);
		}

		static Refused notUtf8() {
			return new Refused(ErrorCode.BAD_REQUEST, HttpStatus.BAD_REQUEST,
					"Yêu cầu phải là JSON mã hoá UTF-8. (The request body must be JSON encoded in UTF-8.)", null, null);
		}

		HttpStatus status() {
			return this.status;
		}

	}

	/** A request whose body fails once it passes a limit. */
	private static final class Counted extends HttpServletRequestWrapper {

		private final long limit;

		private final long maxValues;

		private @Nullable Counting stream;

		Counted(HttpServletRequest request, long limit, long maxValues) {
			super(request);
			this.limit = limit;
			this.maxValues = maxValues;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			Counting current = this.stream;
			if (current == null) {
				current = new Counting(super.getInputStream(), this.limit, this.maxValues);
				this.stream = current;
			}
			return current;
		}

		@Override
		public java.io.BufferedReader getReader() throws IOException {
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
					(getCharacterEncoding() != null) ? getCharacterEncoding() : StandardCharsets.UTF_8.name()));
		}

		@Nullable Refused refused() {
			Counting current = this.stream;
			return (current != null) ? current.refused : null;
		}

	}

	/**
	 * Counts the bytes, and the JSON values as it goes (each {@code [}, <code>{</code>
	 * and {@code ,} outside strings), so that a body of many tiny values (an array of
	 * millions of empty objects) is refused while it is read, before a parser has built
	 * them. Only UTF-8 is followed: a NUL byte (UTF-16 or UTF-32, which would hide the
	 * structure from this count) is refused; JSON in UTF-8 has none.
	 */
	private static final class Counting extends ServletInputStream {

		private final ServletInputStream delegate;

		private final long limit;

		private final long maxValues;

		private long count;

		private long values;

		private boolean inString;

		private boolean escaped;

		private @Nullable Refused refused;

		Counting(ServletInputStream delegate, long limit, long maxValues) {
			this.delegate = delegate;
			this.limit = limit;
			this.maxValues = maxValues;
		}

		@Override
		public int read() throws IOException {
			failIfRefused();
			int read = this.delegate.read();
			if (read >= 0) {
				count(1);
				scan((byte) read);
			}
			return read;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			failIfRefused();
			// Never more than one byte past the limit: enough to know it was passed.
			int wanted = (int) Math.min(length, Math.max(1, this.limit - this.count + 1));
			int read = this.delegate.read(buffer, offset, wanted);
			if (read > 0) {
				count(read);
				for (int i = offset; i < offset + read; i++) {
					scan(buffer[i]);
				}
			}
			return read;
		}

		private void failIfRefused() throws Refused {
			if (this.refused != null) {
				throw this.refused;
			}
		}

		private void count(int read) throws Refused {
			this.count += read;
			if (this.count > this.limit) {
				fail(Refused.tooLarge(this.limit, null));
			}
		}

		private void scan(byte b) throws Refused {
			if (b == 0) {
				fail(Refused.notUtf8());
			}
			if (this.inString) {
				if (this.escaped) {
					this.escaped = false;
				}
				else if (b == '\\') {
					this.escaped = true;
				}
				else if (b == '"') {
					this.inString = false;
				}
			}
			else if (b == '"') {
				this.inString = true;
			}
			else if ((b == ',' || b == '[' || b == '{') && ++this.values > this.maxValues) {
				fail(Refused.tooManyValues(this.maxValues));
			}
		}

		private void fail(Refused refused) throws Refused {
			this.refused = refused;
			throw refused;
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

	}

}
