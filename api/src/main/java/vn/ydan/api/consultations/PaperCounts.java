package vn.ydan.api.consultations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;

import vn.ydan.api.protocol.UserError;

/**
 * The paper forms of one residential group: issued, returned, valid, invalid, agree,
 * disagree, and the names chosen. Zeros are explicit: every count is required.
 *
 * @param issued forms given out
 * @param returned forms that came back
 * @param valid returned and valid
 * @param invalid returned and invalid
 * @param agree valid forms that agree
 * @param disagree valid forms that disagree
 * @param names name chosen → forms
 */
record PaperCounts(int issued, int returned, int valid, int invalid, int agree, int disagree,
		Map<String, Integer> names) {

	PaperCounts {
		names = new TreeMap<>(names);
	}

	static final PaperCounts NONE = new PaperCounts(0, 0, 0, 0, 0, 0, Map.of());

	/**
	 * What does not reconcile, in Vietnamese, each at the count a clerk would correct
	 * ({@code ["input", "counts", "agree"]}…); empty when the counts hold together for a
	 * group of {@code households} of which {@code online} answered online.
	 */
	List<UserError> problems(int households, long online) {
		List<UserError> problems = new ArrayList<>();
		String[] fields = { "issued", "returned", "valid", "invalid", "agree", "disagree" };
		int[] all = { this.issued, this.returned, this.valid, this.invalid, this.agree, this.disagree };
		for (int i = 0; i < all.length; i++) {
			if (all[i] < 0) {
				problems.add(problem(fields[i], "Các số không được âm"));
				return problems;
			}
		}
		if (this.agree + this.disagree != this.valid) {
			problems.add(problem("agree", "Đồng ý (" + this.agree + ") + không đồng ý (" + this.disagree
					+ ") phải bằng số phiếu hợp lệ (" + this.valid + ")"));
		}
		if (this.valid + this.invalid != this.returned) {
			problems.add(problem("invalid", "Hợp lệ (" + this.valid + ") + không hợp lệ (" + this.invalid
					+ ") phải bằng số phiếu thu về (" + this.returned + ")"));
		}
		if (this.returned > this.issued) {
			problems.add(problem("returned", "Số phiếu thu về (" + this.returned
					+ ") không được lớn hơn số phiếu phát ra (" + this.issued + ")"));
		}
		if (this.issued > households) {
			problems.add(problem("issued",
					"Số phiếu phát ra (" + this.issued + ") không được lớn hơn số hộ của tổ (" + households + ")"));
		}
		if (this.returned + online > households) {
			problems.add(problem("returned", "Phiếu thu về (" + this.returned + ") + trả lời trực tuyến (" + online
					+ ") không được lớn hơn số hộ của tổ (" + households + ")"));
		}
		int named = 0;
		for (Map.Entry<String, Integer> name : this.names.entrySet()) {
			if (name.getValue() < 0) {
				problems.add(problem("names", "Số phiếu chọn tên \"" + name.getKey() + "\" không được âm"));
			}
			named += name.getValue();
		}
		if (named > this.valid) {
			problems.add(problem("names",
					"Tổng số phiếu chọn tên (" + named + ") không được lớn hơn số phiếu hợp lệ (" + this.valid + ")"));
		}
		return problems;
	}

	private static UserError problem(String count, String message) {
		return new UserError(List.of("input", "counts", count), message, "COUNTS_DO_NOT_RECONCILE");
	}

	Document toDocument() {
		return new Document("issued", this.issued).append("returned", this.returned)
			.append("valid", this.valid)
			.append("invalid", this.invalid)
			.append("agree", this.agree)
			.append("disagree", this.disagree)
			.append("names", new Document(new java.util.LinkedHashMap<>(this.names)));
	}

	static PaperCounts fromDocument(Document document) {
		Map<String, Integer> names = new TreeMap<>();
		Document stored = document.get("names", Document.class);
		if (stored != null) {
			stored.forEach((name, count) -> names.put(name, ((Number) count).intValue()));
		}
		return new PaperCounts(document.getInteger("issued"), document.getInteger("returned"),
				document.getInteger("valid"), document.getInteger("invalid"), document.getInteger("agree"),
				document.getInteger("disagree"), names);
	}

}
