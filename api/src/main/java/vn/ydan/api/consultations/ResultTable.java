package vn.ydan.api.consultations;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import vn.ydan.api.units.UnitLevel;
import vn.ydan.api.units.UnitRecord;
import vn.ydan.api.units.UnitRegistry;

/**
 * A consultation's results as one table, one row per commune, for the CSV and XLSX
 * exports: the same columns and Vietnamese headers in both, units named as they stood
 * when the consultation opened. Shares are percentages of all the commune's households
 * (the base the pass rule uses), rounded to two decimals.
 *
 * @param consultation the consultation
 * @param rows one per commune shown, in the consultation's order
 */
record ResultTable(Consultation consultation, List<Row> rows) {

	static final List<String> HEADERS = List.of("Tỉnh/Thành phố", "Quận/Huyện", "Mã xã", "Xã/Phường/Thị trấn", "Số hộ",
			"Số hộ tham gia", "Trả lời trực tuyến", "Phiếu giấy thu về", "Đồng ý", "Không đồng ý", "Phiếu không hợp lệ",
			"Tỷ lệ tham gia (%)", "Tỷ lệ đồng ý (%)", "Tỷ lệ không đồng ý (%)", "Kết quả", "Đã xác nhận",
			"Tên gọi (số hộ chọn)", "Trụ sở (số hộ chọn)", "Đồng ý sắp xếp cấp tỉnh", "Không đồng ý sắp xếp cấp tỉnh",
			"Tên gọi cấp tỉnh (số hộ chọn)", "Người xác nhận", "Thời điểm xác nhận");

	static ResultTable of(Consultation consultation, ResultViews.Results results, UnitRegistry registry) {
		LocalDate date = consultation.referenceDate();
		List<Row> rows = new ArrayList<>();
		for (ResultViews.CommuneResult commune : results.communes()) {
			String communeId = commune.communeId();
			UnitRecord unit = registry.unit(communeId, date);
			String province = "";
			String district = "";
			String parentId = (unit != null) ? unit.parentId() : null;
			while (parentId != null) {
				UnitRecord parent = registry.unit(parentId, date);
				if (parent == null) {
					break;
				}
				if (parent.level() == UnitLevel.DISTRICT) {
					district = parent.fullName();
				}
				else if (parent.level() == UnitLevel.PROVINCE) {
					province = parent.fullName();
				}
				parentId = parent.parentId();
			}
			rows.add(new Row(province, district, (unit != null && unit.code() != null) ? unit.code() : "",
					(unit != null) ? unit.fullName() : communeId, commune.households(), commune.tookPart(),
					commune.online(), commune.paperReturned(), commune.agree(), commune.disagree(), commune.invalid(),
					commune.outcome(), commune.certified(), QuestionCells.of(commune.questions()),
					(commune.certifiedBy() != null) ? commune.certifiedBy() : "",
					(commune.certifiedAt() != null) ? commune.certifiedAt() : ""));
		}
		return new ResultTable(consultation, rows);
	}

	/** Vietnamese name of an outcome. */
	static String outcomeName(Consultation.Outcome outcome) {
		return switch (outcome) {
			case PASS -> "Đạt";
			case FAIL -> "Không đạt";
			case PENDING -> "Chưa có kết quả";
		};
	}

	/** {@code count} as a percentage of {@code households}, two decimals. */
	static double share(long count, long households) {
		return (households > 0) ? Math.round(count * 10000.0 / households) / 100.0 : 0;
	}

	/**
	 * One commune.
	 *
	 * @param province its province (full name)
	 * @param district its district, empty where there is none
	 * @param code its code
	 * @param commune its full name
	 * @param households households in the register
	 * @param tookPart households that took part
	 * @param online online answers
	 * @param paperReturned paper forms returned (verified tallies)
	 * @param agree agree
	 * @param disagree disagree
	 * @param invalid invalid paper forms
	 * @param outcome pass, fail, pending
	 * @param certified whether certified
	 * @param answers the other questions' counts, as cells
	 * @param certifiedBy who certified, empty until certified
	 * @param certifiedAt when (ISO-8601 instant), empty until certified
	 */
	record Row(String province, String district, String code, String commune, long households, long tookPart,
			long online, long paperReturned, long agree, long disagree, long invalid, Consultation.Outcome outcome,
			boolean certified, QuestionCells answers, String certifiedBy, String certifiedAt) {

		Row(String province, String district, String code, String commune, long households, long tookPart, long online,
				long paperReturned, long agree, long disagree, long invalid, Consultation.Outcome outcome,
				boolean certified) {
			this(province, district, code, commune, households, tookPart, online, paperReturned, agree, disagree,
					invalid, outcome, certified, QuestionCells.NONE, "", "");
		}

		double turnout() {
			return share(this.tookPart, this.households);
		}

		double agreeShare() {
			return share(this.agree, this.households);
		}

		double disagreeShare() {
			return share(this.disagree, this.households);
		}

		String outcomeName() {
			return ResultTable.outcomeName(this.outcome);
		}

		String certifiedName() {
			return this.certified ? "Có" : "Chưa";
		}

		/** The cells in {@link #HEADERS} order: strings, longs and doubles. */
		List<Object> cells() {
			return List.of(this.province, this.district, this.code, this.commune, this.households, this.tookPart,
					this.online, this.paperReturned, this.agree, this.disagree, this.invalid, turnout(), agreeShare(),
					disagreeShare(), outcomeName(), certifiedName(), this.answers.names(), this.answers.seats(),
					this.answers.provinceAgree(), this.answers.provinceDisagree(), this.answers.provinceNames(),
					this.certifiedBy, this.certifiedAt);
		}

	}

	/**
	 * The questions beyond the arrangement, as cells: each choice with its count ("Đoài
	 * Phương: 12; Đông Sơn: 30"), the province merger's counts; empty (a blank cell)
	 * where the commune was not asked.
	 *
	 * @param names the commune's name
	 * @param seats its seat
	 * @param provinceAgree agree with the province merger (a Long), or ""
	 * @param provinceDisagree disagree, or ""
	 * @param provinceNames the province's name
	 */
	record QuestionCells(String names, String seats, Object provinceAgree, Object provinceDisagree,
			String provinceNames) {

		static final QuestionCells NONE = new QuestionCells("", "", "", "", "");

		static QuestionCells of(List<ResultViews.QuestionResult> questions) {
			String names = "";
			String seats = "";
			Object agree = "";
			Object disagree = "";
			String provinceNames = "";
			for (ResultViews.QuestionResult question : questions) {
				switch (question.question()) {
					case NAME -> names = choices(question);
					case SEAT -> seats = choices(question);
					case PROVINCE_MERGER -> {
						agree = question.agree();
						disagree = question.disagree();
					}
					case PROVINCE_NAME -> provinceNames = choices(question);
					default -> {
					}
				}
			}
			return new QuestionCells(names, seats, agree, disagree, provinceNames);
		}

		/** "A: 1; B: 4", in the plan's order. */
		static String choices(ResultViews.QuestionResult question) {
			StringBuilder text = new StringBuilder();
			for (ResultViews.NameCount choice : question.choices()) {
				text.append((text.length() > 0) ? "; " : "").append(choice.name()).append(": ").append(choice.count());
			}
			return text.toString();
		}

	}

}
