package vn.ydan.admin.audit;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.RestClient;

import vn.ydan.admin.api.ApiClient;
import vn.ydan.admin.security.AccessTokens;

/**
 * The audit log as a CSV file from the api's download
 * ({@code /exports/audit/entries.csv}), with the signed-in administrator's token: handed
 * on as the api's open response stream, so that a file of 100,000 entries passes through
 * the console without being held in it (the GraphQL {@code auditEntriesCsv} would be one
 * string of all of them).
 */
@Component
public class AuditExportsApi {

	static final String PATH = "/exports/audit/entries.csv";

	private final RestClient http;

	private final String base;

	private final AccessTokens tokens;

	AuditExportsApi(RestClient.Builder clients, @Value("${ydan.api.url}") URI graphQl, AccessTokens tokens) {
		this.http = clients.build();
		// The exports live beside /graphql on the same server.
		this.base = graphQl.resolve("/").toString().replaceAll("/$", "");
		this.tokens = tokens;
	}

	/**
	 * The entries of {@code filter}, oldest first, as the api writes them (UTF-8 with a
	 * byte-order mark, at most {@link AuditApi#CSV_ROWS}); the caller reads and closes
	 * the stream, which closes the connection.
	 * @throws vn.ydan.admin.api.ApiException when the api refuses or does not answer
	 */
	public InputStream openCsv(AuditFilter filter) {
		try {
			String token = this.tokens.current();
			return this.http.get()
				.uri(URI.create(url(filter)))
				.headers((headers) -> headers.setBearerAuth(token))
				.exchange((request, response) -> open(response), false);
		}
		catch (RuntimeException ex) {
			throw ApiClient.translate(ex);
		}
	}

	/** Where the file of {@code filter} is asked for (for tests). */
	String url(AuditFilter filter) {
		StringBuilder url = new StringBuilder(this.base).append(PATH).append("?limit=").append(AuditApi.CSV_ROWS);
		for (Map.Entry<String, Object> condition : filter.toInput().entrySet()) {
			url.append('&')
				.append(condition.getKey())
				.append('=')
				.append(URLEncoder.encode(String.valueOf(condition.getValue()), StandardCharsets.UTF_8));
		}
		return url.toString();
	}

	private static InputStream open(ClientHttpResponse response) throws IOException {
		int status = response.getStatusCode().value();
		if (status >= 400) {
			// A refusal is a short text: read, then the connection is done with.
			try (response) {
				byte[] body = response.getBody().readAllBytes();
				throw (status < 500)
						? HttpClientErrorException.create(response.getStatusCode(), response.getStatusText(),
								response.getHeaders(), body, StandardCharsets.UTF_8)
						: HttpServerErrorException.create(response.getStatusCode(), response.getStatusText(),
								response.getHeaders(), body, StandardCharsets.UTF_8);
			}
		}
		return new FilterInputStream(response.getBody()) {

			@Override
			public void close() throws IOException {
				try {
					super.close();
				}
				finally {
					response.close();
				}
			}

		};
	}

}
