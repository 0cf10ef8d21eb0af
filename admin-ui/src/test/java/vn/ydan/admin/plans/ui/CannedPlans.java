package vn.ydan.admin.plans.ui;

/**
 * The api's answers for the plans views, as JSON: a small draft of Ba Đình (two new
 * units, one old unit left over), and what edits answer.
 */
final class CannedPlans {

	static final String PHUC_XA = """
			{"id":"u-00001","code":"00001","fullName":"Phường Phúc Xá","typeName":"phường","parent":{"fullName":"Quận Ba Đình"}}""";

	static final String TRUC_BACH = """
			{"id":"u-00004","code":"00004","fullName":"Phường Trúc Bạch","typeName":"phường","parent":{"fullName":"Quận Ba Đình"}}""";

	static final String UNIT_A = """
			{"key":"A","code":"90001","name":"Ba Đình","fullName":"Phường Ba Đình","type":"PHUONG","typeName":"phường",
			 "seat":"Số 1 Phúc Xá","components":[{"kind":"WHOLE","areaShare":null,"populationShare":null,"householdShare":null,
			 "unit":{"id":"u-00001","code":"00001","fullName":"Phường Phúc Xá"}}],
			 "totals":{"areaKm2":0.94,"population":24000,"households":7012,"complete":true}}""";

	static final String UNIT_A_WITH_TRUC_BACH = """
			{"key":"A","code":"90001","name":"Ba Đình","fullName":"Phường Ba Đình","type":"PHUONG","typeName":"phường",
			 "seat":"Số 1 Phúc Xá","components":[{"kind":"WHOLE","areaShare":null,"populationShare":null,"householdShare":null,
			 "unit":{"id":"u-00001","code":"00001","fullName":"Phường Phúc Xá"}},
			 {"kind":"WHOLE","areaShare":null,"populationShare":null,"householdShare":null,
			 "unit":{"id":"u-00004","code":"00004","fullName":"Phường Trúc Bạch"}}],
			 "totals":{"areaKm2":1.5,"population":40000,"households":11012,"complete":true}}""";

	static final String UNIT_B = """
			{"key":"B","code":null,"name":"Ngọc Hà","fullName":"Phường Ngọc Hà","type":"PHUONG","typeName":"phường",
			 "seat":null,"components":[],"totals":{"areaKm2":null,"population":null,"households":null,"complete":false}}""";

	static final String INVALID = """
			{"valid":false,"errorCount":2,"warningCount":0,"durationMs":1.8,
			 "rules":[{"rule":"UNIT_EMPTY","severity":"ERROR","description":"Đơn vị mới phải nhận ít nhất một đơn vị cũ","count":1},
			          {"rule":"UNACCOUNTED","severity":"ERROR","description":"Mọi đơn vị cũ trong phạm vi phải được sắp xếp","count":1},
			          {"rule":"UNIT_UNCHANGED","severity":"WARNING","description":"Đơn vị mới giống hệt một đơn vị cũ","count":0}],
			 "issues":[{"rule":"UNIT_EMPTY","severity":"ERROR","message":"Phường Ngọc Hà chưa nhận đơn vị cũ nào","proposedUnitKey":"B","unit":null},
			           {"rule":"UNACCOUNTED","severity":"ERROR","message":"Phường Trúc Bạch chưa được sắp xếp vào đơn vị mới nào","proposedUnitKey":null,"unit":%s}],
			 "unassignedUnits":[%s]}"""
		.formatted(TRUC_BACH, TRUC_BACH);

	static final String ONE_ERROR = """
			{"valid":false,"errorCount":1,"warningCount":0,"durationMs":1.2,
			 "rules":[{"rule":"UNIT_EMPTY","severity":"ERROR","description":"Đơn vị mới phải nhận ít nhất một đơn vị cũ","count":1},
			          {"rule":"UNACCOUNTED","severity":"ERROR","description":"Mọi đơn vị cũ trong phạm vi phải được sắp xếp","count":0},
			          {"rule":"UNIT_UNCHANGED","severity":"WARNING","description":"Đơn vị mới giống hệt một đơn vị cũ","count":0}],
			 "issues":[{"rule":"UNIT_EMPTY","severity":"ERROR","message":"Phường Ngọc Hà chưa nhận đơn vị cũ nào","proposedUnitKey":"B","unit":null}],
			 "unassignedUnits":[]}""";

	static final String VALID = """
			{"valid":true,"errorCount":0,"warningCount":0,"durationMs":2.5,"rules":[],"issues":[],"unassignedUnits":[]}""";

	/** The new Đồng Tháp, formed from two old provinces. */
	static final String NEW_DONG_THAP = """
			{"key":"82","code":"82","name":"Đồng Tháp","fullName":"Tỉnh Đồng Tháp","type":"TINH","typeName":"tỉnh",
			 "seat":null,"parentKey":null,"parent":null,
			 "components":[{"kind":"WHOLE","areaShare":null,"populationShare":null,"householdShare":null,
			  "unit":{"id":"u-82","code":"82","fullName":"Tỉnh Tiền Giang"}}],
			 "totals":{"areaKm2":2556.4,"population":1800000,"households":null,"complete":false}}""";

	static final String DAO_THANH = """
			{"key":"28249","code":"28249","name":"Đạo Thạnh","fullName":"Phường Đạo Thạnh","type":"PHUONG",
			 "typeName":"phường","seat":null,"parentKey":"82","parent":null,
			 "components":[{"kind":"WHOLE","areaShare":null,"populationShare":null,"householdShare":null,
			  "unit":{"id":"u-28249","code":"28249","fullName":"Phường 5"}},
			  {"kind":"PART_POP_ONLY","areaShare":null,"populationShare":0.2,"householdShare":null,
			  "unit":{"id":"u-28252","code":"28252","fullName":"Phường 4"}}],
			 "totals":{"areaKm2":null,"population":null,"households":null,"complete":false}}""";

	static final String MY_THO = """
			{"key":"28261","code":"28261","name":"Mỹ Tho","fullName":"Phường Mỹ Tho","type":"PHUONG",
			 "typeName":"phường","seat":null,"parentKey":"82","parent":null,
			 "components":[{"kind":"UNCHANGED","areaShare":null,"populationShare":null,"householdShare":null,
			  "unit":{"id":"u-28261","code":"28261","fullName":"Phường 1"}}],
			 "totals":{"areaKm2":null,"population":null,"households":null,"complete":false}}""";

	/**
	 * A draft over Tiền Giang and Đồng Tháp: the new province (listed last, as a table
	 * may put it) and two of its communes.
	 */
	static String merger(String status, int version, String applyProgress) {
		return """
				{"data":{"plan":{"id":"plan-dt","title":"Phương án sắp xếp của tỉnh Đồng Tháp","status":"%s","statusName":"x",
				 "effectiveDate":"2025-07-01","abolishedLevels":["DISTRICT"],"version":%d,"createdBy":"quantri",
				 "legalBasis":null,"scope":[{"id":"u-82","code":"82","fullName":"Tỉnh Tiền Giang"},
				 {"id":"u-87","code":"87","fullName":"Tỉnh Đồng Tháp"}],
				 "proposedUnits":[%s,%s,%s],"validation":%s,"applyProgress":%s}}}"""
			.formatted(status, version, DAO_THANH, MY_THO, NEW_DONG_THAP, VALID, applyProgress);
	}

	/**
	 * Before: communes by district, in two provinces; after: the new province and its
	 * communes.
	 */
	static final String MERGER_DIFF = """
			{"data":{"plan":{"diff":{
			 "before":[
			  {"parentName":"Thành phố Mỹ Tho","total":17,"parent":{"id":"u-815","code":"815","fullName":"Thành phố Mỹ Tho",
			   "level":"DISTRICT","parent":{"id":"u-82","code":"82","fullName":"Tỉnh Tiền Giang","level":"PROVINCE"}},
			   "counts":[{"level":"COMMUNE","typeName":"phường","count":11},{"level":"COMMUNE","typeName":"xã","count":6}]},
			  {"parentName":"Huyện Cái Bè","total":25,"parent":{"id":"u-818","code":"818","fullName":"Huyện Cái Bè",
			   "level":"DISTRICT","parent":{"id":"u-82","code":"82","fullName":"Tỉnh Tiền Giang","level":"PROVINCE"}},
			   "counts":[{"level":"COMMUNE","typeName":"thị trấn","count":1},{"level":"COMMUNE","typeName":"xã","count":24}]},
			  {"parentName":"Thành phố Cao Lãnh","total":15,"parent":{"id":"u-866","code":"866","fullName":"Thành phố Cao Lãnh",
			   "level":"DISTRICT","parent":{"id":"u-87","code":"87","fullName":"Tỉnh Đồng Tháp","level":"PROVINCE"}},
			   "counts":[{"level":"COMMUNE","typeName":"phường","count":8},{"level":"COMMUNE","typeName":"xã","count":7}]}],
			 "after":[
			  {"parentName":"(không có cấp trên)","total":1,"parent":null,
			   "counts":[{"level":"PROVINCE","typeName":"tỉnh","count":1}]},
			  {"parentName":"Tỉnh Đồng Tháp","total":102,"parent":null,
			   "counts":[{"level":"COMMUNE","typeName":"phường","count":20},{"level":"COMMUNE","typeName":"xã","count":82}]}],
			 "rows":[{"old":{"id":"u-28249","code":"28249","fullName":"Phường 5"},
			   "successors":[{"key":"28249","fullName":"Phường Đạo Thạnh","kind":"WHOLE"}]},
			  {"old":{"id":"u-28261","code":"28261","fullName":"Phường 1"},
			   "successors":[{"key":"28261","fullName":"Phường Mỹ Tho","kind":"UNCHANGED"}]}]}}}}""";

	private CannedPlans() {
	}

	static String plan(String status, int version, String validation, String applyProgress, String... units) {
		return """
				{"data":{"plan":{"id":"plan-1","title":"Sắp xếp phường của quận Ba Đình","status":"%s","statusName":"x",
				 "effectiveDate":"2025-07-01","abolishedLevels":["DISTRICT"],"version":%d,"createdBy":"canbo",
				 "legalBasis":%s,"scope":[{"id":"u-001","code":"001","fullName":"Quận Ba Đình"}],
				 "proposedUnits":[%s],"validation":%s,"applyProgress":%s}}}""".formatted(status, version,
				status.equals("ADOPTED") || status.equals("IN_EFFECT")
						? "{\"number\":\"1656/NQ-UBTVQH15\",\"date\":\"2025-06-16\"}" : "null",
				String.join(",", units), validation, applyProgress);
	}

	/**
	 * A published plan whose adoption without consultation results {@code requestedBy}
	 * asked for.
	 */
	static String pendingOverride(String requestedBy) {
		return plan("PUBLISHED", 6, VALID, "null", UNIT_A).replace("\"applyProgress\":null",
				"\"applyProgress\":null,\"adoptionOverride\":{\"reason\":\"Ghi nhận văn bản đã ban hành\","
						+ "\"number\":\"1656/NQ-UBTVQH15\",\"date\":\"2025-06-16\",\"effectiveDate\":\"2025-07-01\","
						+ "\"requestedBy\":\"" + requestedBy + "\",\"confirmedBy\":null}");
	}

	static String draft() {
		return plan("DRAFT", 3, INVALID, "null", UNIT_A, UNIT_B);
	}

	/** What an edit answers: the version, the units asked for, the validation. */
	static String edited(String mutation, int version, int unitCount, String validation, String... units) {
		return """
				{"data":{"%s":{"plan":{"id":"plan-1","version":%d,"status":"DRAFT","statusName":"dự thảo",
				 "proposedUnitCount":%d,"componentCount":2,"proposedUnits":[%s],"validation":%s},"userErrors":[]}}}"""
			.formatted(mutation, version, unitCount, String.join(",", units), validation);
	}

	static String refused(String mutation, String code, String message) {
		return """
				{"data":{"%s":{"plan":null,"userErrors":[{"field":null,"message":"%s","code":"%s"}]}}}"""
			.formatted(mutation, message, code);
	}

	static final String PLANS = """
			{"data":{"plans":[
			 {"id":"plan-2","title":"Phương án sắp xếp đơn vị hành chính cấp xã của thành phố Hà Nội","status":"IN_EFFECT",
			  "statusName":"có hiệu lực","effectiveDate":"2025-07-01","version":7,"proposedUnitCount":126,"componentCount":795,
			  "scope":[{"id":"u-01","code":"01","fullName":"Thành phố Hà Nội"}],
			  "validation":{"valid":true,"errorCount":0,"warningCount":3,"unassignedUnits":[]}},
			 {"id":"plan-1","title":"Sắp xếp phường của quận Ba Đình","status":"DRAFT","statusName":"dự thảo",
			  "effectiveDate":null,"version":3,"proposedUnitCount":2,"componentCount":1,
			  "scope":[{"id":"u-001","code":"001","fullName":"Quận Ba Đình"}],
			  "validation":{"valid":false,"errorCount":2,"warningCount":0,"unassignedUnits":[{"id":"u-00004"}]}}]}}""";

	static final String SEARCH_TIEN_GIANG = """
			{"data":{"units":{"totalCount":1,"edges":[
			 {"node":{"id":"u-82","code":"82","fullName":"Tỉnh Tiền Giang","level":"PROVINCE","ancestors":[]}}]}}}""";

	static final String SEARCH_DONG_THAP = """
			{"data":{"units":{"totalCount":2,"edges":[
			 {"node":{"id":"u-87","code":"87","fullName":"Tỉnh Đồng Tháp","level":"PROVINCE","ancestors":[]}},
			 {"node":{"id":"u-09","code":"09877","fullName":"Xã Đồng Tháp","level":"COMMUNE",
			  "ancestors":[{"id":"u-h","fullName":"Huyện Đan Phượng"},{"id":"u-01","fullName":"Thành phố Hà Nội"}]}}]}}}""";

	static final String SEARCH_HA_NOI = """
			{"data":{"units":{"totalCount":2,"edges":[
			 {"node":{"id":"u-01","code":"01","name":"Hà Nội","fullName":"Thành phố Hà Nội","level":"PROVINCE",
			  "type":"THANH_PHO_TRUC_THUOC_TRUNG_UONG","typeName":"thành phố trực thuộc trung ương","households":null,"ancestors":[]}},
			 {"node":{"id":"u-x","code":"99999","name":"Hà Nội","fullName":"Xã Hà Nội","level":"COMMUNE",
			  "type":"XA","typeName":"xã","households":null,"ancestors":[{"id":"u-h","fullName":"Huyện Thử"}]}}]}}}""";

}
