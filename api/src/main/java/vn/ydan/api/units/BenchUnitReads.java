package vn.ydan.api.units;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import vn.ydan.api.protocol.Bench;

import org.springframework.context.annotation.Profile;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Benchmark baseline, only with the {@code bench} profile: the registry reads of the
 * GraphQL API done by a minimal handler straight on the driver, to compare in the same
 * run ({@code bench/units/}). Not part of the product: no security, no dates.
 */
@RestController
@Profile(Bench.PROFILE)
class BenchUnitReads {

	private final MongoCollection<Document> units;

	BenchUnitReads(MongoDatabaseFactory databases) {
		this.units = databases.getMongoDatabase().getCollection(Units.COLLECTION);
	}

	/** Like {@code unitByCode(code:)}. */
	@GetMapping("/bench/raw/unit-by-code")
	@Nullable Map<String, Object> unitByCode(@RequestParam String code) {
		Document unit = this.units.find(Filters.eq("codes", code)).first();
		return (unit != null) ? summary(unit) : null;
	}

	/** Like {@code units(level: COMMUNE, first:, after:) { … parent { … parent } }}. */
	@GetMapping("/bench/raw/communes")
	List<Map<String, Object>> communes(@RequestParam(defaultValue = "100") int first,
			@RequestParam(required = false) @Nullable String after) {
		Bson filter = Filters.eq("level", UnitLevel.COMMUNE.name());
		if (after != null) {
			filter = Filters.and(filter, Filters.gt("sortKey", after));
		}
		List<Document> page = this.units.find(filter)
			.sort(Sorts.ascending("sortKey"))
			.limit(first)
			.into(new ArrayList<>());
		Map<String, Document> districts = byId(parentIds(page));
		Map<String, Document> provinces = byId(parentIds(districts.values()));
		List<Map<String, Object>> result = new ArrayList<>(page.size());
		for (Document commune : page) {
			Map<String, Object> item = summary(commune);
			Document district = districts.get(parentId(commune));
			if (district != null) {
				Map<String, Object> parent = summary(district);
				Document province = provinces.get(parentId(district));
				parent.put("parent", (province != null) ? summary(province) : null);
				item.put("parent", parent);
			}
			result.add(item);
		}
		return result;
	}

	/**
	 * Like {@code units(search:, first:)}: the folded names, matched from a word start.
	 */
	@GetMapping("/bench/raw/search")
	List<Map<String, Object>> search(@RequestParam String q, @RequestParam(defaultValue = "20") int first) {
		Pattern pattern = Pattern.compile("(^| )" + Pattern.quote(SearchKey.fold(q)));
		List<Map<String, Object>> result = new ArrayList<>();
		for (Document unit : this.units.find(Filters.regex("search", pattern))
			.sort(Sorts.ascending("sortKey"))
			.limit(first)) {
			result.add(summary(unit));
		}
		return result;
	}

	private Map<String, Document> byId(Set<String> ids) {
		Map<String, Document> found = new HashMap<>();
		if (!ids.isEmpty()) {
			for (Document unit : this.units.find(Filters.in("_id", ids))) {
				found.put(unit.getString("_id"), unit);
			}
		}
		return found;
	}

	private static Set<String> parentIds(Iterable<Document> units) {
		Set<String> ids = new LinkedHashSet<>();
		for (Document unit : units) {
			String parent = parentId(unit);
			if (parent != null) {
				ids.add(parent);
			}
		}
		return ids;
	}

	private static @Nullable String parentId(Document unit) {
		return latest(unit).getString("parentId");
	}

	private static Document latest(Document unit) {
		List<Document> versions = unit.getList("versions", Document.class);
		return versions.get(versions.size() - 1);
	}

	private static Map<String, Object> summary(Document unit) {
		Document version = latest(unit);
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("id", GlobalId.unit(unit.getString("_id")));
		summary.put("code", version.getString("code"));
		summary.put("name", version.getString("name"));
		summary.put("fullName", version.getString("fullName"));
		summary.put("type", version.getString("type"));
		return summary;
	}

}
