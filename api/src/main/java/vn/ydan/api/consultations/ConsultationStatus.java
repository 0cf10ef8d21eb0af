package vn.ydan.api.consultations;

/**
 * Where a consultation stands. Answers are taken only while it is open (and inside its
 * window); tallies until it is certified; results are public once published.
 */
enum ConsultationStatus {

	SCHEDULED("đã lên lịch"),

	OPEN("đang lấy ý kiến"),

	CLOSED("đã kết thúc"),

	CERTIFIED("đã xác nhận kết quả"),

	PUBLISHED("đã công bố kết quả");

	private final String label;

	ConsultationStatus(String label) {
		this.label = label;
	}

	String label() {
		return this.label;
	}

}
