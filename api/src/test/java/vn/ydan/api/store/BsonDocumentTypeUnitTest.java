package vn.ydan.api.store;

import java.util.List;

import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BsonDocumentTypeUnitTest {

	@Test
	void aDocumentsCacheEstimateCountsWhatItsNestedVersionsHold() {
		Document oneVersion = unit(version("Thôn mẫu 01"));
		Document twoVersions = unit(version("Thôn mẫu 01"), version("Thôn mẫu 02"));
		int perVersion = BsonDocumentType.INSTANCE.getMemory(twoVersions)
				- BsonDocumentType.INSTANCE.getMemory(oneVersion);

		// A version of ten fields holds some hundreds of bytes once decoded: ten map
		// entries, ten names and their values.
		assertThat(perVersion).isGreaterThan(10 * 80);
		assertThat(BsonDocumentType.INSTANCE.getMemory(oneVersion)).isGreaterThan(4 * 80 + perVersion);
	}

	@Test
	void aLongerNameWeighsMore() {
		assertThat(BsonDocumentType.INSTANCE.getMemory(unit(version("Thôn mẫu 01 của xã có tên rất dài"))))
			.isGreaterThan(BsonDocumentType.INSTANCE.getMemory(unit(version("Thôn 1"))));
	}

	private static Document unit(Document... versions) {
		Document unit = new Document("_id", "0c8e6f2e-8d7b-3b0a-9f4e-2a1d5c6b7e8f");
		unit.put("level", "RESIDENTIAL_GROUP");
		unit.put("versions", List.of(versions));
		unit.put("revision", 1);
		return unit;
	}

	private static Document version(String name) {
		Document version = new Document("validFrom", "2025-07-01");
		version.put("validTo", null);
		version.put("code", "M01");
		version.put("name", name);
		version.put("fullName", name);
		version.put("type", "THON");
		version.put("parentId", "5e0b7c1a-3f2d-3c4b-8a9e-1d2c3b4a5f6e");
		version.put("areaKm2", null);
		version.put("population", null);
		version.put("households", 120);
		return version;
	}

}
