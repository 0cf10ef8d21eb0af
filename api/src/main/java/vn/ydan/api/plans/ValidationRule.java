package vn.ydan.api.plans;

/**
 * The rules a plan is checked against. Errors block publication and adoption; warnings
 * inform.
 */
enum ValidationRule {

	EFFECTIVE_DATE_MISSING(Severity.ERROR, "Chưa có ngày có hiệu lực"),

	SCOPE_MISSING(Severity.ERROR, "Phạm vi phải là đơn vị đang có hiệu lực"),

	UNIT_EMPTY(Severity.ERROR, "Đơn vị mới phải nhận ít nhất một đơn vị cũ"),

	COMPONENT_NOT_LIVE(Severity.ERROR, "Đơn vị cũ phải còn hiệu lực vào ngày trước ngày có hiệu lực"),

	COMPONENT_OUT_OF_SCOPE(Severity.ERROR, "Đơn vị cũ phải thuộc phạm vi phương án"),

	COMPONENT_LEVEL(Severity.ERROR,
			"Loại đơn vị mới phải cùng cấp với các đơn vị cũ (trừ đơn vị cấp trên không có đơn vị cấp dưới, như huyện đảo)"),

	COMPONENT_REPEATED(Severity.ERROR, "Một đơn vị cũ chỉ được ghi một lần trong một đơn vị mới"),

	IDENTITY_NOT_ALONE(Severity.ERROR,
			"Đơn vị giữ nguyên hoặc đổi tên chỉ nhận chính đơn vị cũ đó, không nhận thêm đơn vị nào khác"),

	WHOLE_TWICE(Severity.ERROR, "Đơn vị nhập nguyên trạng chỉ được vào đúng một đơn vị mới"),

	WHOLE_AND_PART(Severity.ERROR, "Một đơn vị không thể vừa nhập nguyên trạng vừa bị chia tách"),

	SPLIT_SINGLE(Severity.ERROR, "Đơn vị bị chia tách phải vào từ hai đơn vị mới trở lên"),

	REMAINDER_TWICE(Severity.ERROR, "Mỗi đơn vị bị chia tách có nhiều nhất một phần còn lại"),

	REMAINDER_ALONE(Severity.ERROR, "Phần còn lại chỉ có khi đơn vị có phần khác đi nơi khác"),

	UNACCOUNTED(Severity.ERROR, "Mọi đơn vị bị ảnh hưởng phải được sắp xếp vào đơn vị mới"),

	PARENT_MISSING(Severity.ERROR, "Đơn vị mới phải có đơn vị cấp trên còn hiệu lực, không thuộc cấp bị bỏ"),

	NAME_DUPLICATE(Severity.ERROR, "Tên đơn vị không được trùng với đơn vị cùng cấp trên"),

	CODE_DUPLICATE(Severity.ERROR, "Mã đơn vị không được trùng vào ngày có hiệu lực"),

	GROUP_PLACEMENT_INVALID(Severity.ERROR, "Tổ dân phố, thôn phải về đơn vị mới nhận phần của xã cũ"),

	GROUP_MERGER_NOT_LIVE(Severity.ERROR,
			"Tổ dân phố, thôn được hợp nhất phải còn hiệu lực vào ngày trước ngày có hiệu lực"),

	GROUP_MERGER_TOO_FEW(Severity.ERROR, "Hợp nhất tổ dân phố, thôn cần ít nhất hai tổ"),

	GROUP_MERGER_GROUP_TWICE(Severity.ERROR, "Một tổ dân phố, thôn chỉ được hợp nhất một lần trong phương án"),

	GROUP_MERGER_COMMUNES(Severity.ERROR,
			"Các tổ dân phố, thôn được hợp nhất phải cùng thuộc một xã sau khi phương án có hiệu lực"),

	GROUP_MERGER_SURVIVOR(Severity.ERROR, "Tổ được giữ lại phải là một trong các tổ được hợp nhất"),

	GROUP_MERGER_NAME_EMPTY(Severity.ERROR, "Tổ sau hợp nhất phải có tên"),

	GROUP_MERGER_NAME_TAKEN(Severity.ERROR, "Tên tổ sau hợp nhất không được trùng với tổ dân phố, thôn khác của xã đó"),

	GROUP_MERGER_CODE_TAKEN(Severity.ERROR, "Mã tổ sau hợp nhất không được trùng với tổ dân phố, thôn khác của xã đó"),

	SHARES_NOT_SUM(Severity.WARNING, "Tổng tỷ lệ các phần của đơn vị bị chia tách nên bằng 100%"),

	NAME_SIMILAR(Severity.WARNING,
			"Tên chỉ khác tên đơn vị cùng cấp trên ở dấu (ví dụ Tân Thạnh, Tân Thành): hãy kiểm tra lại"),

	GROUPS_UNPLACED(Severity.WARNING, "Tổ dân phố, thôn của xã bị chia tách cần được xếp vào xã mới"),

	SEAT_MISSING(Severity.WARNING, "Nên ghi trụ sở của đơn vị mới"),

	UNIT_UNCHANGED(Severity.WARNING, "Đơn vị trong phạm vi không có trong phương án: giữ nguyên"),

	PROVINCES_NOT_MERGED(Severity.WARNING,
			"Phạm vi gồm nhiều tỉnh mà phương án không hình thành tỉnh mới: các xã ở lại tỉnh cũ của chúng");

	private final Severity severity;

	private final String description;

	ValidationRule(Severity severity, String description) {
		this.severity = severity;
		this.description = description;
	}

	Severity severity() {
		return this.severity;
	}

	String description() {
		return this.description;
	}

	enum Severity {

		ERROR, WARNING

	}

}
