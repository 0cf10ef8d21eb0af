package vn.ydan.api.units;

import vn.ydan.api.csv.CsvText;
import vn.ydan.api.csv.RowError;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Reads an import file of one {@link UnitImportKind} into {@link Candidate}s, reporting
 * every problem a row has on its own (empty or over-long names, unknown types, bad dates
 * and numbers). Problems that need the other rows or the registry are
 * {@link ImportCheck}'s.
 */
final class ImportFile {

	/**
	 * The columns of a residential group's row: one instance for the 85,000 rows of a
	 * national file.
	 */
	private static final Candidate.Columns GROUP_COLUMNS = new Candidate.Columns("code", "name", "name", "type",
			"commune_code");

	private static final Candidate.Columns GROUP_COLUMNS_WITH_FULL_NAME = new Candidate.Columns("code", "name",
			"full_name", "type", "commune_code");

	static final String PROVINCE_OF_HANOI = "01";

	private static final int MAX_CODE_LENGTH = 20;

	private final UnitImportKind kind;

	private final @Nullable LocalDate defaultValidFrom;

	private final Errors errors;

	private final List<Candidate> candidates = new ArrayList<>();

	private Map<String, Integer> header = Map.of();

	private int rows;

	private ImportFile(UnitImportKind kind, @Nullable LocalDate defaultValidFrom, Errors errors) {
		this.kind = kind;
		this.defaultValidFrom = defaultValidFrom;
		this.errors = errors;
	}

	/**
	 * @param text the decoded file
	 * @param defaultValidFrom the interval start of rows without {@code valid_from}
	 */
	static Parsed read(UnitImportKind kind, String text, @Nullable LocalDate defaultValidFrom, Errors errors) {
		ImportFile file = new ImportFile(kind, defaultValidFrom, errors);
		try {
			file.read(CsvText.parse(text));
		}
		catch (CsvText.TooManyRows ex) {
			RowError error = ex.error();
			errors.add(error.line(), null, error.message(), error.code());
		}
		return new Parsed(file.rows, file.candidates);
	}

	static List<String> requiredColumns(UnitImportKind kind) {
		return switch (kind) {
			case PROVINCES -> List.of("code", "name", "full_name", "type");
			case DISTRICTS -> List.of("code", "name", "full_name", "type", "province_code");
			case COMMUNES -> List.of("code", "name", "full_name", "type", "district_code", "province_code");
			case HANOI_UNITS_BEFORE -> List.of("code", "name", "full_name", "type", "district_code", "district_name",
					"district_full_name", "district_type");
			case RESIDENTIAL_GROUPS -> List.of("commune_code", "code", "name", "type", "households");
		};
	}

	private void read(List<CsvText.Record> records) {
		if (records.isEmpty()) {
			this.errors.add(1, null, "Tệp trống: cần dòng tiêu đề rồi các dòng dữ liệu", "FILE_EMPTY");
			return;
		}
		CsvText.Record first = records.get(0);
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < first.fields().size(); i++) {
			columns.putIfAbsent(first.fields().get(i).strip().toLowerCase(Locale.ROOT), i);
		}
		boolean complete = true;
		for (String required : requiredColumns(this.kind)) {
			if (!columns.containsKey(required)) {
				this.errors.add(first.line(), required,
						"Thiếu cột \"" + required + "\" trong dòng tiêu đề (dòng " + first.line() + "). Tệp "
								+ this.kind + " cần các cột: " + String.join(",", requiredColumns(this.kind)),
						"COLUMN_MISSING");
				complete = false;
			}
		}
		this.rows = records.size() - 1;
		if (!complete) {
			return;
		}
		this.header = columns;
		for (CsvText.Record record : records.subList(1, records.size())) {
			if (record.fields().size() != first.fields().size()) {
				this.errors.add(record.line(), null, "Dòng " + record.line() + " có " + record.fields().size()
						+ " cột, dòng tiêu đề có " + first.fields().size(), "FIELD_COUNT");
				continue;
			}
			row(new Row(record));
		}
	}

	private void row(Row row) {
		LocalDate validFrom = row.date("valid_from", this.defaultValidFrom);
		LocalDate validTo = row.date("valid_to", null);
		if (validFrom != null && validTo != null && !validTo.isAfter(validFrom)) {
			this.errors.add(
					row.line, "valid_to", "Khoảng hiệu lực không hợp lệ: ngày kết thúc " + validTo
							+ " phải sau ngày bắt đầu " + validFrom + " (dòng " + row.line + ")",
					"DATE_INTERVAL_INVALID");
		}
		Double area = row.decimal("area_km2");
		Integer population = row.count("population");
		switch (this.kind) {
			case PROVINCES -> unit(row, UnitLevel.PROVINCE, null, null, validFrom, validTo, area, population);
			case DISTRICTS -> unit(row, UnitLevel.DISTRICT, "province_code", UnitLevel.PROVINCE, validFrom, validTo,
					area, population);
			case COMMUNES -> {
				String district = row.get("district_code");
				Candidate commune = district.isEmpty()
						? unit(row, UnitLevel.COMMUNE, "province_code", UnitLevel.PROVINCE, validFrom, validTo, area,
								population)
						: unit(row, UnitLevel.COMMUNE, "district_code", UnitLevel.DISTRICT, validFrom, validTo, area,
								population);
				if (!district.isEmpty() && !row.get("province_code").isEmpty()) {
					commune.grandparentCode = row.get("province_code");
				}
			}
			case HANOI_UNITS_BEFORE -> {
				Candidate.Columns columns = new Candidate.Columns("district_code", "district_name",
						"district_full_name", "district_type", null);
				String districtType = row.get("district_type");
				this.candidates.add(candidate(row, UnitLevel.DISTRICT, row.get("district_code"),
						row.get("district_name"), row.get("district_full_name"), districtType, PROVINCE_OF_HANOI,
						UnitLevel.PROVINCE, validFrom, validTo, null, null, null, columns, true));
				unit(row, UnitLevel.COMMUNE, "district_code", UnitLevel.DISTRICT, validFrom, validTo, area, population);
			}
			case RESIDENTIAL_GROUPS -> {
				String households = row.get("households");
				Integer count = row.count("households");
				if (households.isEmpty()) {
					this.errors.add(row.line, "households", "Thiếu số hộ của tổ dân phố / thôn (dòng " + row.line + ")",
							"HOUSEHOLDS_MISSING");
				}
				String name = row.get("name");
				UnitType type = UnitType.fromLabel(row.get("type"));
				String fullName = row.has("full_name") && !row.get("full_name").isEmpty() ? row.get("full_name")
						: defaultFullName(type, name);
				Candidate.Columns columns = row.has("full_name") ? GROUP_COLUMNS_WITH_FULL_NAME : GROUP_COLUMNS;
				String code = row.get("code");
				this.candidates.add(candidate(row, UnitLevel.RESIDENTIAL_GROUP, code.isEmpty() ? null : code, name,
						fullName, row.get("type"), row.get("commune_code"), UnitLevel.COMMUNE, validFrom, validTo, area,
						population, count, columns, false));
			}
		}
	}

	/**
	 * "Tổ dân phố số 5" stays as it is; "Đông" of type thôn becomes "Thôn Đông".
	 */
	static String defaultFullName(@Nullable UnitType type, String name) {
		if (type == null || name.isEmpty() || SearchKey.fold(name).startsWith(SearchKey.fold(type.label()))) {
			return name;
		}
		String label = type.label();
		return Character.toUpperCase(label.charAt(0)) + label.substring(1) + " " + name;
	}

	private Candidate unit(Row row, UnitLevel level, @Nullable String parentColumn, @Nullable UnitLevel parentLevel,
			@Nullable LocalDate validFrom, @Nullable LocalDate validTo, @Nullable Double area,
			@Nullable Integer population) {
		Candidate.Columns columns = (parentColumn != null) ? Candidate.Columns.UNIT.withParent(parentColumn)
				: Candidate.Columns.UNIT;
		Candidate candidate = candidate(row, level, row.get("code"), row.get("name"), row.get("full_name"),
				row.get("type"), (parentColumn != null) ? row.get(parentColumn) : null, parentLevel, validFrom, validTo,
				area, population, row.count("households"), columns, false);
		this.candidates.add(candidate);
		return candidate;
	}

	private Candidate candidate(Row row, UnitLevel level, @Nullable String code, String name, String fullName,
			String typeText, @Nullable String parentCode, @Nullable UnitLevel parentLevel,
			@Nullable LocalDate validFrom, @Nullable LocalDate validTo, @Nullable Double area,
			@Nullable Integer population, @Nullable Integer households, Candidate.Columns columns, boolean implied) {
		int line = row.line;
		if (level != UnitLevel.RESIDENTIAL_GROUP && (code == null || code.isEmpty())) {
			this.errors.add(line, columns.code(), "Mã đơn vị không được để trống (dòng " + line + ")", "CODE_EMPTY");
		}
		else if (code != null && code.length() > MAX_CODE_LENGTH) {
			this.errors.add(line, columns.code(),
					"Mã \"" + code + "\" dài quá " + MAX_CODE_LENGTH + " ký tự (dòng " + line + ")", "CODE_TOO_LONG");
		}
		checkName(line, columns.name(), "Tên", name);
		checkName(line, columns.fullName(), "Tên đầy đủ", fullName);
		UnitType type = UnitType.fromLabel(typeText);
		if (type == null) {
			this.errors.add(line, columns.type(), "Loại đơn vị không hợp lệ: \"" + typeText + "\" (dòng " + line
					+ "). Loại " + level.label() + ": " + labelsOf(level), "TYPE_UNKNOWN");
		}
		else if (type.level() != level) {
			this.errors.add(line, columns.type(), "\"" + typeText + "\" là loại đơn vị " + type.level().label()
					+ ", không phải " + level.label() + " (dòng " + line + ")", "TYPE_WRONG_LEVEL");
			type = null;
		}
		if (parentLevel != null && (parentCode == null || parentCode.isEmpty())) {
			this.errors.add(line, columns.parent(), "Thiếu mã đơn vị cấp trên (dòng " + line + ")", "PARENT_EMPTY");
		}
		// Interned: a file of the nation's residential groups repeats a few hundred
		// names,
		// codes and commune codes 85,000 times, and the rows are held until the file is
		// written (bench/communities).
		return new Candidate(line, level, (code == null || code.isEmpty()) ? null : code.intern(), name.intern(),
				fullName.intern(), type, (parentCode == null || parentCode.isEmpty()) ? null : parentCode.intern(),
				parentLevel, validFrom, validTo, area, population, households, columns, implied);
	}

	private void checkName(int line, String column, String what, String value) {
		if (value.isBlank()) {
			this.errors.add(line, column, what + " không được để trống (dòng " + line + ")", "NAME_EMPTY");
		}
		else if (value.length() > UnitVersion.MAX_NAME_LENGTH) {
			this.errors.add(line, column, what + " dài " + value.length() + " ký tự, tối đa "
					+ UnitVersion.MAX_NAME_LENGTH + " (dòng " + line + ")", "NAME_TOO_LONG");
		}
	}

	private static String labelsOf(UnitLevel level) {
		List<String> labels = new ArrayList<>();
		for (UnitType type : UnitType.values()) {
			if (type.level() == level) {
				labels.add(type.label());
			}
		}
		return String.join(", ", labels);
	}

	/** One data row, with lookups by header name. */
	private final class Row {

		final int line;

		private final List<String> fields;

		Row(CsvText.Record record) {
			this.line = record.line();
			this.fields = record.fields();
		}

		boolean has(String column) {
			return ImportFile.this.header.containsKey(column);
		}

		String get(String column) {
			Integer index = ImportFile.this.header.get(column);
			return (index != null) ? this.fields.get(index).strip() : "";
		}

		@Nullable LocalDate date(String column, @Nullable LocalDate otherwise) {
			String text = get(column);
			if (text.isEmpty()) {
				return otherwise;
			}
			try {
				return LocalDate.parse(text);
			}
			catch (DateTimeParseException ex) {
				ImportFile.this.errors.add(this.line, column,
						"Ngày không hợp lệ: \"" + text + "\" (cần dạng YYYY-MM-DD, dòng " + this.line + ")",
						"DATE_INVALID");
				return otherwise;
			}
		}

		@Nullable Double decimal(String column) {
			String text = get(column);
			if (text.isEmpty()) {
				return null;
			}
			try {
				double value = Double.parseDouble(text);
				if (value >= 0 && Double.isFinite(value)) {
					return value;
				}
			}
			catch (NumberFormatException ex) {
				// reported below
			}
			ImportFile.this.errors.add(this.line, column,
					"\"" + text + "\" không phải số không âm (dòng " + this.line + ")", "NUMBER_INVALID");
			return null;
		}

		@Nullable Integer count(String column) {
			String text = get(column);
			if (text.isEmpty()) {
				return null;
			}
			try {
				int value = Integer.parseInt(text);
				if (value >= 0) {
					return value;
				}
			}
			catch (NumberFormatException ex) {
				// reported below
			}
			ImportFile.this.errors.add(this.line, column,
					"\"" + text + "\" không phải số nguyên không âm (dòng " + this.line + ")", "NUMBER_INVALID");
			return null;
		}

	}

	/**
	 * @param rows data rows (header excluded)
	 * @param candidates the units the rows describe (Hanoi's rows describe two)
	 */
	record Parsed(int rows, List<Candidate> candidates) {
	}

	/**
	 * Collects errors up to a limit, so that a wholly wrong file gives a readable answer.
	 */
	static final class Errors {

		static final int LIMIT = 1_000;

		private final List<RowError> list = new ArrayList<>();

		private int dropped;

		void add(int line, @Nullable String column, String message, String code) {
			if (this.list.size() < LIMIT) {
				this.list.add(new RowError(line, column, message, code));
			}
			else {
				this.dropped++;
			}
		}

		boolean isEmpty() {
			return this.list.isEmpty();
		}

		List<RowError> list() {
			List<RowError> all = new ArrayList<>(this.list);
			all.sort(java.util.Comparator.comparingInt(RowError::line));
			if (this.dropped == 0) {
				return List.copyOf(all);
			}
			all.add(new RowError(0, null, "Còn " + this.dropped + " lỗi khác không liệt kê", "TOO_MANY_ERRORS"));
			return all;
		}

	}

}
