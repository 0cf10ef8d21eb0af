package vn.ydan.api.audit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import vn.ydan.api.ApiIntegrationTest;
import vn.ydan.api.GraphQlHttp.Response;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.MongoDatabaseFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log in the running API: real mutations over HTTP with signed tokens produce
 * entries with the caller, client, request id and outcome; only administrators read and
 * verify the log; an entry changed directly in the store is found. Each test acts as its
 * own user, so that the entries of other tests sharing the API do not get in the way.
 */
class AuditIntegrationTest extends ApiIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Configuration LENIENT = Configuration.defaultConfiguration()
		.addOptions(Option.SUPPRESS_EXCEPTIONS);

	private static final String ENTRY_FIELDS = """
			seq at actor displayName roles clientId requestId kind unitIds summary input before after
			outcome codes prevHash hash""";

	private final String admin = issuer.tokenFor("quantri", "Nguyễn Văn An", "admin");

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private MongoDatabaseFactory databases;

	@Test
	void anAdminsChangeIsRecordedWithCallerClientRequestIdAndOutcome() {
		Map<String, Object> unit = unit("00004");
		String token = issuer.tokenFor("quantri-ghi", "Nguyễn Văn An", "admin");

		Exchange response = post(updateHouseholds(unit), token, "yeu-cau-123");

		assertThat(response.header()).isEqualTo("yeu-cau-123");
		assertThat(response.json().<List<Object>>read("$.data.updateUnit.userErrors")).as(response.body()).isEmpty();
		Map<String, Object> entry = newestOf("quantri-ghi");
		assertThat(entry).containsEntry("actor", "quantri-ghi")
			.containsEntry("displayName", "Nguyễn Văn An")
			.containsEntry("roles", List.of("admin"))
			.containsEntry("clientId", "ydan-console")
			.containsEntry("requestId", "yeu-cau-123")
			.containsEntry("kind", "mutation:updateUnit")
			.containsEntry("unitIds", List.of(unit.get("id")))
			.containsEntry("outcome", "OK")
			.containsEntry("codes", List.of());
		assertThat((String) entry.get("input")).contains("\"households\": " + unit.get("households"))
			.contains((String) unit.get("id"));
		assertThat((String) entry.get("hash")).hasSize(64);
	}

	@Test
	void anAnonymousAttemptIsRecordedAsDeniedWithAGeneratedRequestId() {
		Map<String, Object> unit = unit("00004");
		long before = head();

		Exchange response = post(updateHouseholds(unit), null, null);

		assertThat(response.json().<String>read("$.errors[0].extensions.code")).isEqualTo("UNAUTHORIZED");
		assertThat(response.header()).matches("[0-9a-f-]{36}");
		Map<String, Object> entry = entries("{actor: \"(anonymous)\"}", 1).get(0);
		assertThat(((Number) entry.get("seq")).longValue()).isGreaterThan(before);
		assertThat(entry).containsEntry("outcome", "DENIED")
			.containsEntry("codes", List.of("UNAUTHORIZED"))
			.containsEntry("requestId", response.header())
			.containsEntry("roles", List.of())
			.containsEntry("clientId", null);
	}

	@Test
	void anOfficialOutsideTheirScopeIsRecordedAsForbidden() {
		String token = issuer.token((claims) -> claims.claim("preferred_username", "canbo-ngoai")
			.claim("realm_access", Map.of("roles", List.of("official")))
			.claim("ydan_scope", List.of("02")));

		post(updateHouseholds(unit("00004")), token, "khong-duoc-phep");

		assertThat(newestOf("canbo-ngoai")).containsEntry("outcome", "DENIED")
			.containsEntry("codes", List.of("FORBIDDEN"))
			.containsEntry("roles", List.of("official"))
			.containsEntry("requestId", "khong-duoc-phep");
	}

	@Test
	void refusedInputIsRecordedWithItsUserErrorCodes() {
		String token = issuer.tokenFor("quantri-sai", "Nguyễn Văn An", "admin");

		Exchange response = post(
				"mutation { updateUnit(input: {id: \"%s\", name: \" \", population: -1}) { unit { id } } }"
					.formatted(unit("00004").get("id")),
				token, null);

		assertThat(response.json().<Object>read("$.data.updateUnit.unit")).as(response.body()).isNull();
		assertThat(newestOf("quantri-sai")).containsEntry("outcome", "USER_ERRORS")
			.containsEntry("codes", List.of("NAME_EMPTY", "VALUE_INVALID"));
	}

	@Test
	void queriesAreNotRecordedAndAnUnreasonableRequestIdIsReplaced() {
		long before = head();

		Exchange response = post("{ me { username } }", this.admin, "hai tu \"va ngoac\"");

		assertThat(response.header()).matches("[0-9a-f-]{36}");
		assertThat(head()).isEqualTo(before);
	}

	@Test
	void onlyAdministratorsReadOrVerifyTheLog() {
		String official = issuer.tokenFor("canbo", "Trần Thị Bình", "official");
		for (String query : List.of("{ auditEntries { edges { cursor } } }", "{ verifyAuditLog { verified } }",
				"{ auditHead { seq } }", "{ auditEntriesCsv }", "{ auditKinds }")) {
			assertThat(this.api.query(query, official).<String>read("$.errors[0].extensions.code")).as(query)
				.isEqualTo("FORBIDDEN");
			assertThat(this.api.query(query, null).<String>read("$.errors[0].extensions.code")).as(query)
				.isEqualTo("UNAUTHORIZED");
		}
	}

	@Test
	void verificationPassesAndFindsAnEntryChangedInTheStoreUntilItIsPutBack() {
		post(updateHouseholds(unit("00004")), issuer.tokenFor("quantri-kiemtra", "Nguyễn Văn An", "admin"), null);
		long seq = ((Number) newestOf("quantri-kiemtra").get("seq")).longValue();
		assertThat(this.api.query("{ verifyAuditLog { verified entries headSeq } }", this.admin)
			.<Boolean>read("$.data.verifyAuditLog.verified")).isTrue();
		MongoCollection<Document> stored = this.databases.getMongoDatabase().getCollection(AuditLog.COLLECTION);
		Document original = stored.find(Filters.eq("_id", seq)).first();

		try {
			stored.updateOne(Filters.eq("_id", seq), Updates.set("actor", "nguoi-khac"));
			Response broken = this.api.query("{ verifyAuditLog { verified firstBrokenSeq reason entries } }",
					this.admin);

			assertThat(broken.<Boolean>read("$.data.verifyAuditLog.verified")).as(broken.toString()).isFalse();
			assertThat(broken.<Integer>read("$.data.verifyAuditLog.firstBrokenSeq")).isEqualTo((int) seq);
			assertThat(broken.<Integer>read("$.data.verifyAuditLog.entries")).isEqualTo((int) seq - 1);
			assertThat(broken.<String>read("$.data.verifyAuditLog.reason")).contains("đã bị sửa");
		}
		finally {
			stored.replaceOne(Filters.eq("_id", seq), original);
		}
		assertThat(this.api.query("{ verifyAuditLog { verified } }", this.admin)
			.<Boolean>read("$.data.verifyAuditLog.verified")).isTrue();
	}

	@Test
	void theHeadIsAnAnchorToVerifyAgainst() {
		post(updateHouseholds(unit("00004")), this.admin, null);
		Response head = this.api.query("{ auditHead { seq hash at } }", this.admin);
		int seq = head.read("$.data.auditHead.seq");
		String hash = head.read("$.data.auditHead.hash");

		Response good = this.api
			.query("{ verifyAuditLog(anchor: {seq: %d, hash: \"%s\"}) { verified } }".formatted(seq, hash), this.admin);
		Response wrong = this.api
			.query("{ verifyAuditLog(anchor: {seq: %d, hash: \"%s\"}) { verified firstBrokenSeq } }".formatted(seq,
					"f".repeat(64)), this.admin);

		assertThat(good.<Boolean>read("$.data.verifyAuditLog.verified")).as(good.toString()).isTrue();
		assertThat(wrong.<Integer>read("$.data.verifyAuditLog.firstBrokenSeq")).isEqualTo(seq);
	}

	@Test
	void csvExportKeepsVietnameseAndStartsWithAByteOrderMark() {
		post(updateHouseholds(unit("00004")), issuer.tokenFor("quantri-csv", "Nguyễn Văn An", "admin"), null);

		Response response = this.api.query("{ auditEntriesCsv(filter: {actor: \"quantri-csv\"}) }", this.admin);

		String csv = response.read("$.data.auditEntriesCsv");
		assertThat(csv).as(response.toString()).startsWith("\uFEFFSTT,Thời điểm (giờ Việt Nam),Tài khoản,Họ tên");
		String[] lines = csv.split("\r\n");
		assertThat(lines).hasSize(2);
		assertThat(lines[1]).contains(",quantri-csv,Nguyễn Văn An,admin,ydan-console,", ",mutation:updateUnit,");
	}

	@Test
	void pagesGoBackInTime() {
		String token = issuer.tokenFor("quantri-trang", "Nguyễn Văn An", "admin");
		for (int i = 0; i < 3; i++) {
			post(updateHouseholds(unit("00004")), token, "trang-" + i);
		}

		Response first = this.api.query(
				"{ auditEntries(filter: {actor: \"quantri-trang\"}, first: 2) { edges { cursor node { requestId } } pageInfo { hasNextPage endCursor } } }",
				this.admin);
		String after = first.read("$.data.auditEntries.pageInfo.endCursor");
		Response second = this.api.query(
				"{ auditEntries(filter: {actor: \"quantri-trang\"}, first: 2, after: \"%s\") { edges { node { requestId } } pageInfo { hasNextPage hasPreviousPage } } }"
					.formatted(after),
				this.admin);

		assertThat(first.<List<String>>read("$.data.auditEntries.edges[*].node.requestId")).as(first.toString())
			.containsExactly("trang-2", "trang-1");
		assertThat(first.<Boolean>read("$.data.auditEntries.pageInfo.hasNextPage")).isTrue();
		assertThat(second.<List<String>>read("$.data.auditEntries.edges[*].node.requestId")).containsExactly("trang-0");
		assertThat(second.<Boolean>read("$.data.auditEntries.pageInfo.hasNextPage")).isFalse();
		assertThat(second.<Boolean>read("$.data.auditEntries.pageInfo.hasPreviousPage")).isTrue();
	}

	@Test
	void kindsNameEveryMutation() {
		assertThat(this.api.query("{ auditKinds }", this.admin).<List<String>>read("$.data.auditKinds"))
			.contains("mutation:updateUnit", "mutation:importUnits", "mutation:addResidentialGroup");
	}

	private Map<String, Object> unit(String code) {
		return this.api.query("{ unitByCode(code: \"%s\", level: COMMUNE) { id households } }".formatted(code), null)
			.read("$.data.unitByCode");
	}

	/** Sets the unit's households to what they are: audited, changes nothing. */
	private static String updateHouseholds(Map<String, Object> unit) {
		return "mutation { updateUnit(input: {id: \"%s\", households: %s}) { unit { id } userErrors { code } } }"
			.formatted(unit.get("id"), unit.get("households"));
	}

	private long head() {
		return ((Number) this.api.query("{ auditHead { seq } }", this.admin).read("$.data.auditHead.seq")).longValue();
	}

	private Map<String, Object> newestOf(String actor) {
		List<Map<String, Object>> entries = entries("{actor: \"%s\"}".formatted(actor), 1);
		assertThat(entries).as("entries of " + actor).isNotEmpty();
		return entries.get(0);
	}

	private List<Map<String, Object>> entries(String filter, int first) {
		Response response = this.api.query("{ auditEntries(filter: %s, first: %d) { edges { node { %s } } } }"
			.formatted(filter, first, ENTRY_FIELDS), this.admin);
		assertThat(response.<Object>read("$.errors")).as(response.toString()).isNull();
		return response.read("$.data.auditEntries.edges[*].node");
	}

	private Exchange post(String query, @Nullable String token, @Nullable String requestId) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query))));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (requestId != null) {
			request.header(RequestIds.HEADER, requestId);
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Exchange(response.body(), response.headers().firstValue(RequestIds.HEADER).orElse(""));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private record Exchange(String body, String header) {

		DocumentContext json() {
			return JsonPath.using(LENIENT).parse(this.body);
		}

	}

}
