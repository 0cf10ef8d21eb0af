package vn.ydan.api.protocol;

import java.util.Map;

import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Spring's GraphQL over HTTP handler (statuses per the GraphQL over HTTP specification),
 * except that a request refused for its budget is answered with HTTP 429, whatever the
 * media type, so that HTTP clients and proxies back off on their own.
 */
class HttpStatuses extends GraphQlHttpHandler {

	HttpStatuses(WebGraphQlHandler handler) {
		super(handler);
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
