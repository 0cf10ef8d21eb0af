package vn.ydan.api.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Profile;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The lower rungs of the benchmark ladder ({@code bench/ladder/}), only with the
 * {@code bench} profile: a static answer (what the server, security filters and HTTP cost
 * alone) and a unit by global id read straight from the driver (what a minimal handler
 * costs), to compare the GraphQL rungs with in the same run. Not part of the product: no
 * dates, no security.
 */
@RestController
@Profile(Bench.PROFILE)
class BenchLadder {

	/** The size and shape of a GraphQL answer for a unit by id. */
	private static final String STATIC_ANSWER = """
			{"data":{"unit":{"id":"VW5pdDpDT01NVU5FOjAwMDA0OjA","code":"00004","name":"Trúc Bạch",\
			"fullName":"Phường Trúc Bạch","type":"PHUONG"}}}""";

	private final MongoCollection<Document> units;

	BenchLadder(MongoDatabaseFactory databases) {
		// The registry's collection, read as stored: a baseline, not a second way in.
		this.units = databases.getMongoDatabase().getCollection("units");
	}

	@GetMapping(path = "/bench/ladder/static", produces = MediaType.APPLICATION_JSON_VALUE)
	String staticAnswer() {
		return STATIC_ANSWER;
	}

	/** Like {@code unit(id:) { id code name fullName type }}, on the stored document. */
	@GetMapping("/bench/ladder/raw-unit")
	ResponseEntity<Map<String, Object>> rawUnit(@RequestParam String id) {
		String decoded = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
		Document unit = this.units.find(Filters.eq("_id", decoded.substring(decoded.indexOf(':') + 1))).first();
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("unit", (unit != null) ? summary(id, unit) : null);
		return ResponseEntity.ok(Map.of("data", answer));
	}

	private static Map<String, @Nullable Object> summary(String id, Document unit) {
		List<Document> versions = unit.getList("versions", Document.class);
		Document version = versions.get(versions.size() - 1);
		Map<String, @Nullable Object> summary = new LinkedHashMap<>();
		summary.put("id", id);
		summary.put("code", version.getString("code"));
		summary.put("name", version.getString("name"));
		summary.put("fullName", version.getString("fullName"));
		summary.put("type", version.getString("type"));
		return summary;
	}

}
