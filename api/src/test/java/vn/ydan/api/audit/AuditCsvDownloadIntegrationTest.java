package vn.ydan.api.audit;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ydan.api.ApiIntegrationTest;
import vn.ydan.api.GraphQlHttp;
import vn.ydan.api.csv.CsvText;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log downloaded over HTTP GET ({@code /exports/audit/entries.csv}): the file
 * of {@code auditEntriesCsv}, filtered by query parameters, for administrators only,
 * written as it is read. Three changes by an administrator of its own name are the
 * entries the filters are tried on.
 */
class AuditCsvDownloadIntegrationTest extends ApiIntegrationTest {

	private static final String PATH = "/exports/audit/entries.csv";

	private static final String ACTOR = "quantri-tai-csv";

	private static boolean changed;

	private final String admin = issuer.tokenFor("quantri", "Nguyễn Văn An", "admin");

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@LocalServerPort
	private int port;

	@BeforeEach
	void threeChanges() {
		if (changed) {
			return;
		}
		Map<String, Object> unit = this.api
			.query("{ unitByCode(code: \"00004\", level: COMMUNE) { id households } }", null)
			.read("$.data.unitByCode");
		String token = issuer.tokenFor(ACTOR, "Lê Thị Tải", "admin");
		for (int i = 0; i < 3; i++) {
			// Sets the households to what they are: audited, changes nothing.
			GraphQlHttp.Response response = this.api
				.query("mutation { updateUnit(input: {id: \"%s\", households: %s}) { unit { id } } }"
					.formatted(unit.get("id"), unit.get("households")), token);
			assertThat(response.<Object>read("$.errors")).as(response.toString()).isNull();
		}
		changed = true;
	}

	@Test
	void anAdministratorDownloadsTheEntriesAsCsvWithAByteOrderMarkAndAFileName() {
		Download download = get(PATH + "?actor=" + ACTOR, this.admin);

		assertThat(download.status()).as(download.text()).isEqualTo(200);
		assertThat(download.header("Content-Type")).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
		assertThat(download.header("Content-Disposition")).startsWith("attachment")
			.containsPattern("filename=\"nhat-ky-kiem-toan-\\d{4}-\\d{2}-\\d{2}\\.csv\"");
		assertThat(download.body()[0]).as("UTF-8 byte-order mark").isEqualTo((byte) 0xEF);
		assertThat(download.text()).startsWith("\uFEFFSTT,Thời điểm (giờ Việt Nam),Tài khoản,Họ tên");
		List<CsvText.Record> records = CsvText.parse(CsvText.decode(download.body()));
		assertThat(records).hasSize(4);
		assertThat(records.get(0).fields()).containsExactlyElementsOf(AuditCsv.HEADINGS);
		for (CsvText.Record row : records.subList(1, 4)) {
			assertThat(row.fields().get(2)).isEqualTo(ACTOR);
			assertThat(row.fields().get(3)).isEqualTo("Lê Thị Tải");
			assertThat(row.fields().get(7)).isEqualTo("mutation:updateUnit");
		}
		assertThat(Long.parseLong(records.get(1).fields().get(0))).as("oldest first")
			.isLessThan(Long.parseLong(records.get(3).fields().get(0)));
	}

	@Test
	void theFilterAndTheLimitApply() {
		assertThat(rows(get(PATH + "?actor=" + ACTOR + "&limit=2", this.admin))).hasSize(2);
		assertThat(rows(get(PATH + "?actor=" + ACTOR + "&kind=mutation:", this.admin))).hasSize(3);
		assertThat(rows(get(PATH + "?actor=" + ACTOR + "&kind=" + encoded("read:"), this.admin))).isEmpty();
		assertThat(rows(get(PATH + "?actor=" + ACTOR + "&from=2000-01-01&to=2000-12-31", this.admin)))
			.as("a year before the changes")
			.isEmpty();
		assertThat(rows(get(PATH + "?actor=someone-else-entirely", this.admin))).isEmpty();
	}

	@Test
	void theFileIsWrittenAsItIsReadWithoutALengthKnownBeforehand() {
		Download download = get(PATH + "?actor=" + ACTOR, this.admin);

		assertThat(download.status()).isEqualTo(200);
		assertThat(download.header("Content-Length")).as("a length means the file was built before it was sent")
			.isNull();
		assertThat(download.header("Transfer-Encoding")).isEqualToIgnoringCase("chunked");
	}

	@Test
	void othersThanAdministratorsAreRefusedBeforeTheFileStarts() {
		Download anonymous = get(PATH, null);
		Download official = get(PATH, issuer.tokenFor("canbo-csv", "Trần Thị Bình", "official"));

		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
		assertThat(anonymous.header("Content-Disposition")).isNull();
		assertThat(get(PATH, "not-a-token").status()).isEqualTo(401);
		assertThat(official.status()).isEqualTo(403);
		assertThat(official.header("Content-Disposition")).isNull();
		assertThat(official.text()).doesNotContain("STT");
	}

	@Test
	void aLimitOutOfRangeOrABadDateIs400() {
		for (String query : List.of("limit=0", "limit=100001", "limit=many", "from=03-12-2026", "to=2026-13-01")) {
			Download download = get(PATH + "?" + query, this.admin);

			assertThat(download.status()).as(query).isEqualTo(400);
			assertThat(download.header("Content-Disposition")).as(query).isNull();
		}
		assertThat(get(PATH + "?limit=100000&actor=" + ACTOR, this.admin).status()).isEqualTo(200);
	}

	/** The rows after the headings. */
	private static List<CsvText.Record> rows(Download download) {
		assertThat(download.status()).as(download.text()).isEqualTo(200);
		List<CsvText.Record> records = CsvText.parse(CsvText.decode(download.body()));
		assertThat(records.get(0).fields()).containsExactlyElementsOf(AuditCsv.HEADINGS);
		return records.subList(1, records.size());
	}

	private static String encoded(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private Download get(String path, @Nullable String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			HttpResponse<byte[]> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Download(response.statusCode(), response.body(), response.headers().map());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private record Download(int status, byte[] body, Map<String, List<String>> headers) {

		@Nullable String header(String name) {
			for (Map.Entry<String, List<String>> header : this.headers.entrySet()) {
				if (header.getKey().equalsIgnoreCase(name)) {
					return header.getValue().get(0);
				}
			}
			return null;
		}

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

}
