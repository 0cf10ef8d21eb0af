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
 * @param further the questions beyond the arrangement and the name, each as the counts of
 * its answers: {@code agree} / {@code disagree} for the province merger, choice → forms
 * for the seat and the province's name
 */
record PaperCounts(int issued, int returned, int valid, int invalid, int agree, int disagree,
		Map<String, Integer> names, Map<Question.Key, Map<String, Integer>> further) {

	/** The answers' keys of a question answered agree / disagree. */
	static final String AGREE = "agree";

	static final String DISAGREE = "disagree";

	PaperCounts {
		names = new TreeMap<>(names);
		Map<Question.Key, Map<String, Integer>> copy = new java.util.EnumMap<>(Question.Key.class);
		further.forEach((key, counts) -> copy.put(key, new TreeMap<>(counts)));
		further = copy;
	}

	PaperCounts(int issued, int returned, int valid, int invalid, int agree, int disagree, Map<String, Integer> names) {
		this(issued, returned, valid, invalid, agree, disagree, names, Map.of());
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

	/**
	 * What does not answer the commune's form: a question counted that it does not ask
	 * ({@code QUESTION_NOT_ASKED}), an agree / disagree question asked and not counted
	 * ({@code QUESTION_UNANSWERED}), a name or seat not among the choices (compared
	 * exactly, NFC: {@code NAME_CHOICE_INVALID}, {@code SEAT_CHOICE_INVALID}), counts
	 * below zero or above the valid forms ({@code COUNTS_DO_NOT_RECONCILE}). A choice
	 * left blank on a valid form is allowed (the arrangement decides; a name is chosen or
	 * not).
	 */
	List<UserError> problemsAgainst(Consultation.ConsultedUnit unit) {
		List<UserError> problems = new ArrayList<>();
		Question name = unit.question(Question.Key.NAME);
		if (!this.names.isEmpty()) {
			if (name == null) {
				problems.add(new UserError(List.of("input", "counts", "names"),
						"Phiếu của đơn vị này không hỏi về tên gọi", "QUESTION_NOT_ASKED"));
			}
			else {
				choiceProblems(name, this.names, List.of("input", "counts", "names"), problems);
			}
		}
		for (Map.Entry<Question.Key, Map<String, Integer>> counted : this.further.entrySet()) {
			Question question = unit.question(counted.getKey());
			List<String> path = List.of("input", "counts", "questions", counted.getKey().name());
			if (question == null || counted.getKey() == Question.Key.ARRANGEMENT
					|| counted.getKey() == Question.Key.NAME) {
				problems.add(new UserError(path,
						(question == null) ? "Phiếu của đơn vị này không hỏi câu \"" + counted.getKey().label() + "\""
								: "Câu \"" + counted.getKey().label() + "\" được nhập ở agree/disagree và names",
						"QUESTION_NOT_ASKED"));
			}
			else if (question.isChoice()) {
				choiceProblems(question, counted.getValue(), path, problems);
			}
			else {
				Map<String, Integer> answers = counted.getValue();
				if (!java.util.Set.of(AGREE, DISAGREE).containsAll(answers.keySet())) {
					problems.add(new UserError(path,
							"Câu \"" + question.key().label() + "\" chỉ có đồng ý (agree) và không đồng ý (disagree)",
							"ANSWER_INVALID"));
				}
				else {
					int agreeing = answers.getOrDefault(AGREE, 0);
					int disagreeing = answers.getOrDefault(DISAGREE, 0);
					if (agreeing < 0 || disagreeing < 0 || agreeing + disagreeing > this.valid) {
						problems.add(new UserError(path,
								"Câu \"" + question.key().label() + "\": đồng ý (" + agreeing + ") + không đồng ý ("
										+ disagreeing + ") phải từ 0 đến số phiếu hợp lệ (" + this.valid + ")",
								"COUNTS_DO_NOT_RECONCILE"));
					}
				}
			}
		}
		for (Question question : unit.questions()) {
			if (!question.isChoice() && question.key() != Question.Key.ARRANGEMENT
					&& !this.further.containsKey(question.key())) {
				problems.add(new UserError(List.of("input", "counts", "questions"),
						"Thiếu số phiếu của câu \"" + question.text() + "\"", "QUESTION_UNANSWERED"));
			}
		}
		return problems;
	}

	private void choiceProblems(Question question, Map<String, Integer> counts, List<String> path,
			List<UserError> problems) {
		int total = 0;
		for (Map.Entry<String, Integer> choice : counts.entrySet()) {
			if (!question.choices().contains(choice.getKey())) {
				problems.add(new UserError(path,
						"\"" + choice.getKey() + "\" không có trong các lựa chọn: "
								+ String.join("; ", question.choices()),
						(question.key() == Question.Key.SEAT) ? "SEAT_CHOICE_INVALID" : "NAME_CHOICE_INVALID"));
			}
			if (choice.getValue() < 0) {
				problems.add(new UserError(path, "Số phiếu chọn \"" + choice.getKey() + "\" không được âm",
						"COUNTS_DO_NOT_RECONCILE"));
			}
			total += choice.getValue();
		}
		if (total > this.valid) {
			problems
				.add(new UserError(path,
						"Câu \"" + question.key().label() + "\": tổng số phiếu lựa chọn (" + total
								+ ") không được lớn hơn số phiếu hợp lệ (" + this.valid + ")",
						"COUNTS_DO_NOT_RECONCILE"));
		}
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
			.append("names", new Document(new java.util.LinkedHashMap<>(this.names)))
			.append("further", furtherDocument());
	}

	private Document furtherDocument() {
		Document further = new Document();
		this.further
			.forEach((key, counts) -> further.append(key.name(), new Document(new java.util.LinkedHashMap<>(counts))));
		return further;
	}

	static PaperCounts fromDocument(Document document) {
		Map<String, Integer> names = new TreeMap<>();
		Document stored = document.get("names", Document.class);
		if (stored != null) {
			stored.forEach((name, count) -> names.put(name, ((Number) count).intValue()));
		}
		Map<Question.Key, Map<String, Integer>> further = new java.util.EnumMap<>(Question.Key.class);
		Document storedFurther = document.get("further", Document.class);
		if (storedFurther != null) {
			storedFurther.forEach((key, counts) -> {
				Map<String, Integer> answers = new TreeMap<>();
				((Document) counts).forEach((answer, count) -> answers.put(answer, ((Number) count).intValue()));
				further.put(Question.Key.valueOf(key), answers);
			});
		}
		return new PaperCounts(document.getInteger("issued"), document.getInteger("returned"),
				document.getInteger("valid"), document.getInteger("invalid"), document.getInteger("agree"),
				document.getInteger("disagree"), names, further);
	}

}
