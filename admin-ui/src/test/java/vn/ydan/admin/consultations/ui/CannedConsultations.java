package vn.ydan.admin.consultations.ui;

/**
 * Answers of the api for the consultation views: a consultation of Phúc Xá (passes) and
 * Trúc Bạch (one group not done) in Ba Đình, Hà Nội.
 */
final class CannedConsultations {

	static final String ID = "c-1";

	static final String PHUC_XA = "VW5pdDpDT01NVU5FOjAwMDAx";

	static final String TRUC_BACH = "VW5pdDpDT01NVU5FOjAwMDA0";

	static final String BA_DINH = "VW5pdDpESVNUUklDVDowMDE=";

	static final String QUANG_AN = "VW5pdDpDT01NVU5FOjAwMDkx";

	static final String TAY_HO = "VW5pdDpESVNUUklDVDowMDM=";

	static final String HA_NOI = "VW5pdDpQUk9WSU5DRTowMQ==";

	static final String GROUP_1 = "VW5pdDpHUk9VUDox";

	static final String GROUP_2 = "VW5pdDpHUk9VUDoy";

	static final String GROUP_3 = "VW5pdDpHUk9VUDoz";

	static final String LIST = """
			{"data":{"consultations":[
			 {"id":"c-1","title":"Lấy ý kiến cử tri phường Phúc Xá, Trúc Bạch","status":"OPEN","statusName":"Đang lấy ý kiến",
			  "opensAt":"2025-04-17T17:00:00Z","closesAt":"2025-04-20T17:00:00Z","round":1,"answerCount":1234,
			  "passRule":{"operator":"GT","percent":50.0,"description":"trên 50% tổng số hộ"}},
			 {"id":"c-0","title":"Đợt thử","status":"PUBLISHED","statusName":"Đã công bố",
			  "opensAt":"2025-03-01T01:00:00Z","closesAt":"2025-03-02T01:00:00Z","round":1,"answerCount":0,
			  "passRule":{"operator":"GTE","percent":50.0,"description":"từ 50% tổng số hộ"}}]}}""";

	private CannedConsultations() {
	}

	static String commune(String id, String code, String name, int households, int tookPart, int agree, double share,
			String outcome, int groups, int reported, boolean certified) {
		return """
				{"unit":{"id":"%s","code":"%s","fullName":"%s"},"households":%d,"tookPart":%d,"online":%d,
				 "paperReturned":0,"agree":%d,"disagree":%d,"invalid":0,"agreeShare":%s,"turnout":%s,
				 "outcome":"%s","groups":%d,"groupsReported":%d,"certified":%s,"names":[]}""".formatted(id, code, name,
				households, tookPart, tookPart, agree, tookPart - agree, share, 100.0 * tookPart / households, outcome,
				groups, reported, certified);
	}

	static String results(String phucXa, String trucBach, boolean districtCertified) {
		return """
				{"published":false,"communes":[%s,%s],
				 "districts":[{"unit":{"id":"%s","code":"001","fullName":"Quận Ba Đình"},"communes":2,"passed":1,"failed":0,
				   "pending":1,"households":230,"tookPart":200,"agree":150,"disagree":50,"certified":%s}],
				 "provinces":[{"unit":{"id":"%s","code":"01","fullName":"Thành phố Hà Nội"},"communes":2,"passed":1,"failed":0,
				   "pending":1,"households":230,"tookPart":200,"agree":150,"disagree":50,"certified":false}],
				 "total":{"unit":null,"communes":2,"passed":1,"failed":0,"pending":1,"households":230,"tookPart":200,
				   "agree":150,"disagree":50,"certified":false}}"""
			.formatted(phucXa, trucBach, BA_DINH, districtCertified, HA_NOI);
	}

	/**
	 * Results of three communes in two districts: Phúc Xá and Trúc Bạch in Ba Đình, Quảng
	 * An (fails, every group reported) in Tây Hồ.
	 */
	static String twoDistricts() {
		return """
				{"published":false,"communes":[%s,%s,%s],
				 "districts":[{"unit":{"id":"%s","code":"001","fullName":"Quận Ba Đình"},"communes":2,"passed":1,"failed":0,
				   "pending":1,"households":230,"tookPart":200,"agree":150,"disagree":50,"certified":false},
				  {"unit":{"id":"%s","code":"003","fullName":"Quận Tây Hồ"},"communes":1,"passed":0,"failed":1,
				   "pending":0,"households":30,"tookPart":30,"agree":5,"disagree":25,"certified":false}],
				 "provinces":[{"unit":{"id":"%s","code":"01","fullName":"Thành phố Hà Nội"},"communes":3,"passed":1,"failed":1,
				   "pending":1,"households":260,"tookPart":230,"agree":155,"disagree":75,"certified":false}],
				 "total":{"unit":null,"communes":3,"passed":1,"failed":1,"pending":1,"households":260,"tookPart":230,
				   "agree":155,"disagree":75,"certified":false}}"""
			.formatted(commune(PHUC_XA, "00001", "Phường Phúc Xá", 210, 200, 150, 71.43, "PASS", 2, 2, true),
					commune(TRUC_BACH, "00004", "Phường Trúc Bạch", 20, 0, 0, 0.0, "PENDING", 2, 1, false),
					commune(QUANG_AN, "00091", "Phường Quảng An", 30, 30, 5, 16.67, "FAIL", 1, 1, false), BA_DINH,
					TAY_HO, HA_NOI);
	}

	static String defaultResults() {
		return results(commune(PHUC_XA, "00001", "Phường Phúc Xá", 210, 200, 150, 71.43, "PASS", 2, 2, true),
				commune(TRUC_BACH, "00004", "Phường Trúc Bạch", 20, 0, 0, 0.0, "PENDING", 2, 1, false), false);
	}

	static String details(String status, String results) {
		return """
				{"id":"c-1","title":"Lấy ý kiến cử tri phường Phúc Xá, Trúc Bạch","planId":"p-1","status":"%s",
				 "statusName":"x","opensAt":"2025-04-17T17:00:00Z","closesAt":"2025-04-20T17:00:00Z","round":1,
				 "previousId":null,"answerCount":200,
				 "passRule":{"operator":"GT","percent":50.0,"description":"trên 50%% tổng số hộ"},
				 "units":[{"unit":{"id":"%s","code":"00001","fullName":"Phường Phúc Xá"},"successors":["Phường Ba Đình"],
				   "nameChoices":["Ba Đình","Hồng Hà"],"households":210,"within":{"parent":{"id":"%s","code":"001","fullName":"Quận Ba Đình"}}},
				  {"unit":{"id":"%s","code":"00004","fullName":"Phường Trúc Bạch"},"successors":["Phường Ba Đình"],
				   "nameChoices":[],"households":20,"within":{"parent":{"id":"%s","code":"001","fullName":"Quận Ba Đình"}}},
				  {"unit":{"id":"%s","code":"00091","fullName":"Phường Quảng An"},"successors":["Phường Tây Hồ"],
				   "nameChoices":[],"households":30,"within":{"parent":{"id":"%s","code":"003","fullName":"Quận Tây Hồ"}}}],
				 "results":%s}"""
			.formatted(status, PHUC_XA, BA_DINH, TRUC_BACH, BA_DINH, QUANG_AN, TAY_HO, results);
	}

	static String consultation(String status) {
		return "{\"data\":{\"consultation\":" + details(status, defaultResults()) + "}}";
	}

	static String progress(String status, String results, int answers) {
		return """
				{"data":{"consultation":{"status":"%s","statusName":"x","answerCount":%d,"results":%s}}}"""
			.formatted(status, answers, results);
	}

	static String payload(String mutation, String status) {
		return "{\"data\":{\"" + mutation + "\":{\"consultation\":" + details(status, defaultResults())
				+ ",\"userErrors\":[]}}}";
	}

	static String refused(String mutation, String code, String message) {
		return """
				{"data":{"%s":{"consultation":null,"userErrors":[{"field":null,"message":"%s","code":"%s"}]}}}"""
			.formatted(mutation, message, code);
	}

	static String counts(int issued, int returned, int valid, int invalid, int agree, int disagree) {
		return """
				{"issued":%d,"returned":%d,"valid":%d,"invalid":%d,"agree":%d,"disagree":%d,"names":[]}"""
			.formatted(issued, returned, valid, invalid, agree, disagree);
	}

	static String tally(String groupId, String name, String state, String entries, String verified,
			String corrections) {
		return """
				{"group":{"id":"%s","code":"1","fullName":"%s"},"state":"%s","entries":[%s],"verified":%s,
				 "corrections":[%s]}""".formatted(groupId, name, state, entries, verified, corrections);
	}

	static String entry(String by, String counts) {
		return "{\"by\":\"" + by + "\",\"at\":\"2025-04-19T03:00:00Z\",\"counts\":" + counts + "}";
	}

	static String groups() {
		return """
				{"data":{"consultation":{"electorateGroups":[
				 {"group":{"id":"%s","code":"1","fullName":"Tổ dân phố 1"},"households":200},
				 {"group":{"id":"%s","code":"2","fullName":"Tổ dân phố 2"},"households":10},
				 {"group":{"id":"%s","code":"3","fullName":"Tổ dân phố 3"},"households":12}]}}}""".formatted(GROUP_1,
				GROUP_2, GROUP_3);
	}

}
