package vn.ydan.admin.consultations;

import java.net.URI;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import vn.ydan.admin.api.ApiClient;
import vn.ydan.admin.security.AccessTokens;

/**
 * The api's file exports of a consultation ({@code /exports/consultations/{id}/…}),
 * fetched with the signed-in user's token and handed to the page as bytes to download:
 * the browser never holds a token.
 * <p>
 * The api's export endpoints are being added separately (issue 5, live progress and
 * exports). Until they are there the api answers 404, which this adapter reports as "not
 * available yet" ({@link Optional#empty()}) rather than as a failure; only the paths
 * below would change if the api's do.
 */
@Component
public class ConsultationExportsApi {

	private final RestClient http;

	private final String base;

	private final AccessTokens tokens;

	ConsultationExportsApi(RestClient.Builder clients, @Value("${ydan.api.url}") URI graphQl, AccessTokens tokens) {
		this.http = clients.build();
		// The exports live beside /graphql on the same server.
		this.base = graphQl.resolve("/").toString().replaceAll("/$", "");
		this.tokens = tokens;
	}

	/**
	 * The results as CSV (UTF-8, with a byte-order mark for Excel).
	 * @param stem what the file is of, e.g. {@code ha-noi-2025-04-20}: the file is
	 * {@code ket-qua-ha-noi-2025-04-20.csv}
	 */
	public Optional<File> resultsCsv(String consultationId, String stem) {
		return fetch("/exports/consultations/" + consultationId + "/results.csv", "ket-qua-" + stem + ".csv",
				"text/csv; charset=UTF-8");
	}

	/** The results as an Excel workbook ({@code ket-qua-<stem>.xlsx}). */
	public Optional<File> resultsXlsx(String consultationId, String stem) {
		return fetch("/exports/consultations/" + consultationId + "/results.xlsx", "ket-qua-" + stem + ".xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	}

	/** The summary minutes (biên bản tổng hợp) of one commune as PDF. */
	public Optional<File> minutesPdf(String consultationId, String unitGlobalId, String fileStem) {
		return fetch("/exports/consultations/" + consultationId + "/communes/" + unitGlobalId + "/minutes.pdf",
				"bien-ban-" + fileStem + ".pdf", MediaType.APPLICATION_PDF_VALUE);
	}

	/** Where a file is asked for (for messages and tests). */
	public String url(String path) {
		return this.base + path;
	}

	private Optional<File> fetch(String path, String name, String contentType) {
		try {
			String token = this.tokens.current();
			ResponseEntity<byte[]> response = this.http.get()
				.uri(url(path))
				.headers((headers) -> headers.setBearerAuth(token))
				.retrieve()
				.toEntity(byte[].class);
			byte[] body = (response.getBody() != null) ? response.getBody() : new byte[0];
			MediaType type = response.getHeaders().getContentType();
			return Optional.of(new File(name, (type != null) ? type.toString() : contentType, body));
		}
		catch (HttpClientErrorException ex) {
			if (ex.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
				return Optional.empty();
			}
			throw ApiClient.translate(ex);
		}
		catch (RuntimeException ex) {
			throw ApiClient.translate(ex);
		}
	}

	/**
	 * A file to hand to the browser.
	 *
	 * @param name file name
	 * @param contentType its media type
	 * @param bytes its content
	 */
	public record File(String name, String contentType, byte[] bytes) {
	}

}
