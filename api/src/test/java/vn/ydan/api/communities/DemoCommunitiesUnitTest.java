package vn.ydan.api.communities;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import vn.ydan.api.csv.CsvText;
import vn.ydan.api.units.UnitLevel;
import vn.ydan.api.units.UnitRecord;
import vn.ydan.api.units.UnitType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The national demo set: deterministic, clearly synthetic, and at the nation's scale
 * (about 85,000 groups for the 10,035 communes before 2025), of the types the countryside
 * uses by region.
 */
class DemoCommunitiesUnitTest {

	@Test
	void everyCommuneOfTheNationGetsFourToThirteenSyntheticGroupsAboutEightyFiveThousandInAll() throws IOException {
		List<UnitRecord> communes = new ArrayList<>();
		Map<String, String> provinces = new HashMap<>();
		try (InputStream in = getClass().getResourceAsStream("/demo/communes.csv")) {
			List<CsvText.Record> records = CsvText.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			for (CsvText.Record record : records.subList(1, records.size())) {
				String code = record.fields().get(0);
				UnitType type = switch (record.fields().get(3)) {
					case "xã" -> UnitType.XA;
					case "phường" -> UnitType.PHUONG;
					default -> UnitType.THI_TRAN;
				};
				communes.add(new UnitRecord(code, "g" + code, UnitLevel.COMMUNE, code, record.fields().get(1),
						record.fields().get(2), type, null, null, null, null, null, null));
				provinces.put(code, record.fields().get(7));
			}
		}

		String csv = DemoCommunities.groupsCsv(communes, provinces);
		List<String> rows = csv.lines().skip(1).toList();

		assertThat(communes).hasSize(10_035);
		assertThat(rows.size()).isEqualTo(85_248);
		assertThat(DemoCommunities.groupsCsv(communes, provinces)).isEqualTo(csv);
		assertThat(rows).allMatch((row) -> row.split(",")[2].contains(" mẫu "));
		assertThat(rows).anyMatch((row) -> row.startsWith("00004,M01,Tổ dân phố mẫu 01,tổ dân phố,"))
			.anyMatch((row) -> row.contains(",Bản mẫu 01,bản,"))
			.anyMatch((row) -> row.contains(",Ấp mẫu 01,ấp,"))
			.anyMatch((row) -> row.contains(",Thôn mẫu 01,thôn,"));
	}

	@Test
	void theFileIsImportedInPartsEachWithTheHeaderAndEveryRowOnce() {
		String csv = "commune_code,code,name,type,households\na\nb\nc\nd\ne\n";

		List<String> chunks = DemoCommunities.chunks(csv, 2);

		assertThat(chunks).containsExactly("commune_code,code,name,type,households\na\nb\n",
				"commune_code,code,name,type,households\nc\nd\n", "commune_code,code,name,type,households\ne\n");
	}

}
