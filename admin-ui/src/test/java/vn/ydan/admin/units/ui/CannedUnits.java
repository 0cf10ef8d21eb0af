package vn.ydan.admin.units.ui;

import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Answers of the api's units schema, as the api sends them: Hà Nội with two districts, a
 * ward before the 2025 reform (Phường Hàng Bạc) and the ward it went into (Phường Hoàn
 * Kiếm).
 */
final class CannedUnits {

	static final String HA_NOI = node("unit-01", "01", "Hà Nội", "Thành phố Hà Nội", "PROVINCE",
			"THANH_PHO_TRUC_THUOC_TRUNG_UONG", "Thành phố trực thuộc trung ương", null);

	static final String HA_GIANG = node("unit-02", "02", "Hà Giang", "Tỉnh Hà Giang", "PROVINCE", "TINH", "Tỉnh", null);

	static final String BA_DINH = node("unit-001", "001", "Ba Đình", "Quận Ba Đình", "DISTRICT", "QUAN", "Quận", null);

	static final String HOAN_KIEM = node("unit-002", "002", "Hoàn Kiếm", "Quận Hoàn Kiếm", "DISTRICT", "QUAN", "Quận",
			null);

	static final String PROVINCES = "{\"data\":{\"units\":" + connection(false, HA_NOI, HA_GIANG) + "}}";

	static final String HA_NOI_CHILDREN = "{\"data\":{\"unit\":{\"id\":\"unit-01\",\"children\":"
			+ connection(false, BA_DINH, HOAN_KIEM) + "}}}";

	static final String SEARCH_HOAN_KIEM = "{\"data\":{\"units\":"
			+ connection(false, withAncestors(HOAN_KIEM, ref("unit-01", "Thành phố Hà Nội")),
					withAncestors(node("unit-hang-bac", "00037", "Hàng Bạc", "Phường Hàng Bạc", "COMMUNE", "PHUONG",
							"Phường", 2100), ref("unit-002", "Quận Hoàn Kiếm"), ref("unit-01", "Thành phố Hà Nội")))
			+ "}}";

	/** Phường Hàng Bạc as of 30 June 2025: its last day. */
	static final String HANG_BAC = """
			{"data":{"unit":{
			  "id":"unit-hang-bac","code":"00037","name":"Hàng Bạc","fullName":"Phường Hàng Bạc",
			  "level":"COMMUNE","type":"PHUONG","typeName":"Phường",
			  "areaKm2":0.09,"population":7000,"households":2100,
			  "validFrom":null,"validTo":"2025-07-01","asOf":"2025-06-30","version":1,
			  "ancestors":[{"id":"unit-002","code":"002","fullName":"Quận Hoàn Kiếm"},
			               {"id":"unit-01","code":"01","fullName":"Thành phố Hà Nội"}],
			  "childCounts":[{"level":"RESIDENTIAL_GROUP","type":"TO_DAN_PHO","typeName":"Tổ dân phố","count":12}],
			  "history":[{"validFrom":null,"validTo":"2025-07-01","code":"00037","name":"Hàng Bạc",
			              "fullName":"Phường Hàng Bạc","type":"PHUONG","typeName":"Phường",
			              "parent":{"id":"unit-002","fullName":"Quận Hoàn Kiếm"}}],
			  "predecessors":[],
			  "successors":[{"unit":{"id":"unit-p-hoan-kiem","code":"00070","fullName":"Phường Hoàn Kiếm"},
			                 "relation":"WHOLE","detail":null,"effectiveDate":"2025-07-01",
			                 "legalBasis":"Nghị quyết 1656/NQ-UBTVQH15"}]
			}}}""";

	/**
	 * Phường Hoàn Kiếm, formed on 1 July 2025 from wards taken whole, in part, or the
	 * rest.
	 */
	static final String PHUONG_HOAN_KIEM = """
			{"data":{"unit":{
			  "id":"unit-p-hoan-kiem","code":"00070","name":"Hoàn Kiếm","fullName":"Phường Hoàn Kiếm",
			  "level":"COMMUNE","type":"PHUONG","typeName":"phường",
			  "areaKm2":1.5,"population":35000,"households":10250,
			  "validFrom":"2025-07-01","validTo":null,"asOf":"2025-07-01","version":3,
			  "ancestors":[{"id":"unit-01","code":"01","fullName":"Thành phố Hà Nội"}],
			  "childCounts":[],
			  "history":[{"validFrom":"2025-07-01","validTo":null,"code":"00070","name":"Hoàn Kiếm",
			              "fullName":"Phường Hoàn Kiếm","type":"PHUONG","typeName":"phường",
			              "parent":{"id":"unit-01","fullName":"Thành phố Hà Nội"}}],
			  "predecessors":[
			    {"unit":{"id":"unit-hang-bac","code":"00037","fullName":"Phường Hàng Bạc"},"relation":"WHOLE",
			     "detail":null,"effectiveDate":"2025-07-01","legalBasis":"Nghị quyết 1656/NQ-UBTVQH15"},
			    {"unit":{"id":"unit-hang-trong","code":"00043","fullName":"Phường Hàng Trống"},"relation":"PART",
			     "detail":"part_area_pop","effectiveDate":"2025-07-01",
			     "legalBasis":"Nghị quyết 1656/NQ-UBTVQH15"},
			    {"unit":{"id":"unit-trang-tien","code":"00046","fullName":"Phường Tràng Tiền"},"relation":"REMAINDER",
			     "detail":null,"effectiveDate":"2025-07-01","legalBasis":"Nghị quyết 1656/NQ-UBTVQH15"}],
			  "successors":[]
			}}}""";

	static final String NO_CHILDREN = "{\"data\":{\"unit\":{\"id\":\"unit-x\",\"children\":" + connection(false)
			+ "}}}";

	static final String NO_UNIT = "{\"data\":{\"unit\":null}}";

	static final String FORBIDDEN_UPDATE = """
			{"errors":[{"message":"Forbidden","path":["updateUnit"],"extensions":{"code":"FORBIDDEN","classification":"FORBIDDEN"}}],"data":{"updateUnit":null}}""";

	static final String UPDATED = """
			{"data":{"updateUnit":{"unit":{"id":"unit-p-hoan-kiem","fullName":"Phường Hoàn Kiếm"},"userErrors":[]}}}""";

	static final String GROUP_ADDED = """
			{"data":{"addResidentialGroup":{"unit":{"id":"unit-tdp-5","fullName":"Tổ dân phố số 5"},"userErrors":[]}}}""";

	private CannedUnits() {
	}

	static String node(String id, @Nullable String code, String name, String fullName, String level, String type,
			String typeName, @Nullable Integer households) {
		return "{\"id\":\"" + id + "\",\"code\":" + ((code != null) ? "\"" + code + "\"" : "null") + ",\"name\":\""
				+ name + "\",\"fullName\":\"" + fullName + "\",\"level\":\"" + level + "\",\"type\":\"" + type
				+ "\",\"typeName\":\"" + typeName + "\",\"households\":" + households + "}";
	}

	static String ref(String id, String fullName) {
		return "{\"id\":\"" + id + "\",\"fullName\":\"" + fullName + "\"}";
	}

	static String withAncestors(String node, String... ancestors) {
		return node.substring(0, node.length() - 1) + ",\"ancestors\":[" + String.join(",", ancestors) + "]}";
	}

	static String connection(boolean hasNextPage, String... nodes) {
		return connection(List.of(nodes), hasNextPage, nodes.length);
	}

	static String connection(List<String> nodes, boolean hasNextPage, int totalCount) {
		String edges = nodes.stream()
			.map((node) -> "{\"cursor\":\"c\",\"node\":" + node + "}")
			.collect(Collectors.joining(","));
		String endCursor = nodes.isEmpty() ? "null" : "\"cursor-" + nodes.size() + "\"";
		return "{\"totalCount\":" + totalCount + ",\"pageInfo\":{\"hasNextPage\":" + hasNextPage
				+ ",\"hasPreviousPage\":false,\"startCursor\":null,\"endCursor\":" + endCursor + "},\"edges\":[" + edges
				+ "]}";
	}

	static String userErrors(String mutation, String... errors) {
		return "{\"data\":{\"" + mutation + "\":{\"unit\":null,\"userErrors\":[" + String.join(",", errors) + "]}}}";
	}

	static String userError(@Nullable String field, String message, String code) {
		return "{\"field\":" + ((field != null) ? "[\"input\",\"" + field + "\"]" : "null") + ",\"message\":\""
				+ message + "\",\"code\":\"" + code + "\"}";
	}

}
