package vn.ydan.api.protocol;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseJsonUnitTest {

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void writesAResponseAsTheMapperWould() {
		Map<String, Object> unit = new LinkedHashMap<>();
		unit.put("id", "VW5pdDpDT01NVU5FOjAwMDA0");
		unit.put("name", "Phường \"Trúc Bạch\"\n\t\u0001 ✓ 𝄞");
		unit.put("code", null);
		unit.put("households", 1_204);
		unit.put("revision", 12_345_678_901L);
		unit.put("areaKm2", 0.1);
		unit.put("share", new BigDecimal("50.00"));
		unit.put("certified", true);
		unit.put("level", java.time.DayOfWeek.MONDAY);
		unit.put("children", List.of());
		List<Object> edges = new ArrayList<>();
		edges.add(Map.of("node", unit));
		edges.add(null);
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("message", "Không tìm thấy");
		error.put("path", List.of("units", 0, "parent"));
		error.put("extensions", Map.of("code", "NOT_FOUND"));
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("errors", List.of(error));
		response.put("data", Map.of("units", Map.of("edges", edges), "cached",
				new RawValue(new SerializedString("{\"total\":{\"tookPart\":3}}"))));

		assertThat(written(response)).isEqualTo(this.mapper.writeValueAsString(response));
	}

	private String written(Map<String, Object> response) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ResponseJson.write(response, out, this.mapper);
		return out.toString(StandardCharsets.UTF_8);
	}

}
