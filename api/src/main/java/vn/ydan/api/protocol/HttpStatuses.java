package vn.ydan.api.protocol;

import java.util.Map;

import jakarta.servlet.ServletException;
import tools.jackson.databind.ObjectMapper;

import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Spring's GraphQL over HTTP handler (statuses per the GraphQL over HTTP specification),
 * except that a request refused for its budget is answered with HTTP 429, whatever the
 * media type, so that HTTP clients and proxies back off on their own; and that a body
 * refused while it is read ({@link RequestBodyLimit}: past its limit without
 * {@code Content-Length}, too many JSON values) is answered with that refusal's status
 * and code instead of Spring's 400 for an unreadable body. The response is written by
 * {@link ResponseJson}.
 */
class HttpStatuses extends GraphQlHttpHandler {

	private final ObjectMapper json;

	HttpStatuses(WebGraphQlHandler handler, ObjectMapper json) {
		super(handler);
		this.json = json;
	}

	@Override
	protected ServerResponse.HeadersBuilder.WriteFunction getWriteFunction(Map<String, Object> resultMap,
			MediaType mediaType) {
		return (servletRequest, servletResponse) -> {
			ResponseJson.write(resultMap, servletResponse.getOutputStream(), this.json);
			return null;
		};
	}

	@Override
	public ServerResponse handleRequest(ServerRequest request) throws ServletException {
		try {
			return super.handleRequest(request);
		}
		catch (ServletException | RuntimeException ex) {
			RequestBodyLimit.Refused refused = RequestBodyLimit.refused(ex);
			if (refused == null) {
				throw ex;
			}
			return ServerResponse.status(refused.status()).build((servletRequest, servletResponse) -> {
				RequestBodyLimit.refuse(servletRequest, servletResponse, refused);
				return null;
			});
		}
	}

	@Override
	protected HttpStatus selectResponseStatus(WebGraphQlResponse response, MediaType mediaType) {
		boolean rateLimited = response.getExecutionResult()
			.getErrors()
			.stream()
			.map((error) -> (error.getExtensions() != null) ? error.getExtensions() : Map.of())
			.anyMatch((extensions) -> ErrorCode.RATE_LIMITED.name().equals(extensions.get(ErrorCode.EXTENSION)));
		return rateLimited ? HttpStatus.TOO_MANY_REQUESTS : super.selectResponseStatus(response, mediaType);
	}

}
