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
		if (length >= 0) {
			// The connector reads no more than Content-Length.
			chain.doFilter(request, response);
			return;
		}
		Counted counted = new Counted(request, limit);
		try {
			chain.doFilter(counted, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			// Whoever read the body did not answer (HttpStatuses does for GraphQL).
			if (counted.exceeded() && !response.isCommitted()) {
				response.reset();
				refuse(request, response, limit, null);
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

	/** Whether the exception, or one of its causes, is a body read past its limit. */
	static @Nullable TooLarge tooLarge(@Nullable Throwable thrown) {
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			if (cause instanceof TooLarge tooLarge) {
				return tooLarge;
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
		String message = ("Yêu cầu quá lớn: tối đa %d byte. (The request body is larger than the %d bytes accepted"
				+ " from this caller.)")
			.formatted(limit, limit);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("errors", List.of(ErrorCode.REQUEST_TOO_LARGE.error(message, limit, actual).toSpecification()));
		byte[] json = JSON.writeValueAsBytes(body);
		response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
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

	/** Thrown by the counting stream once the body passes its limit. */
	static final class TooLarge extends IOException {

		private final long limit;

		TooLarge(long limit) {
			super("The request body passed its limit of " + limit + " bytes");
			this.limit = limit;
		}

		long limit() {
			return this.limit;
		}

	}

	/** A request whose body fails once more than {@code limit} bytes are read. */
	private static final class Counted extends HttpServletRequestWrapper {

		private final long limit;

		private @Nullable Counting stream;

		Counted(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			Counting current = this.stream;
			if (current == null) {
				current = new Counting(super.getInputStream(), this.limit);
				this.stream = current;
			}
			return current;
		}

		@Override
		public java.io.BufferedReader getReader() throws IOException {
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
					(getCharacterEncoding() != null) ? getCharacterEncoding() : StandardCharsets.UTF_8.name()));
		}

		boolean exceeded() {
			Counting current = this.stream;
			return current != null && current.exceeded;
		}

	}

	private static final class Counting extends ServletInputStream {

		private final ServletInputStream delegate;

		private final long limit;

		private long count;

		private boolean exceeded;

		Counting(ServletInputStream delegate, long limit) {
			this.delegate = delegate;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			check(0);
			int read = this.delegate.read();
			if (read >= 0) {
				check(1);
			}
			return read;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			check(0);
			// Never more than one byte past the limit: enough to know it was passed.
			int wanted = (int) Math.min(length, Math.max(1, this.limit - this.count + 1));
			int read = this.delegate.read(buffer, offset, wanted);
			if (read > 0) {
				check(read);
			}
			return read;
		}

		private void check(int read) throws TooLarge {
			this.count += read;
			if (this.count > this.limit) {
				this.exceeded = true;
				throw new TooLarge(this.limit);
			}
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
