package vn.ydan.api.plans;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.ydan.api.csv.CsvText;
import vn.ydan.api.csv.RowError;
import vn.ydan.api.units.SearchKey;
import vn.ydan.api.units.UnitLevel;
import vn.ydan.api.units.UnitRecord;
import vn.ydan.api.units.UnitRegistry;
import vn.ydan.api.units.UnitType;

/**
 * Reads a plan's table of links (one row per old unit taken by a new unit) in the shape
 * of the Hanoi plan ({@code plan_nq1656_mapping.csv}):
 * {@code new_code, new_name, new_type,
 * old_code, relation, detail} required; {@code old_name, old_district_code, legal_basis,
 * new_parent_code, seat, alternative_names, area_share, population_share,
 * household_share} optional. Old units are found by code, as they stood the day before
 * the plan's effective date. All or nothing: any bad row, and the file is rejected with
 * every problem by line.
 */
final class PlanImport {

	static final int MAX_ERRORS = 1_000;

	private static final List<String> REQUIRED = List.of("new_code", "new_name", "new_type", "old_code", "relation",
			"detail");

	private final Plan plan;

	private final UnitRegistry registry;

	private final LocalDate dayBefore;

	private final List<RowError> errors = new ArrayList<>();

	private final Map<String, Draft> drafts = new LinkedHashMap<>();

	private int rows;

	private int links;

	private PlanImport(Plan plan, UnitRegistry registry, LocalDate effectiveDate) {
		this.plan = plan;
		this.registry = registry;
		this.dayBefore = effectiveDate.minusDays(1);
	}

	/**
	 * The plan's new units read from {@code csv}; the errors are empty when it was read
	 * whole.
	 */
	static Result read(Plan plan, UnitRegistry registry, LocalDate effectiveDate, String csv) {
		PlanImport reader = new PlanImport(plan, registry, effectiveDate);
		try {
			reader.read(CsvText.parse(CsvText.checked(csv)));
		}
		catch (CsvText.NotUtf8 ex) {
			reader.errors
				.add(new RowError(ex.line(), null, "Tệp không phải UTF-8 (dòng " + ex.line() + ")", "NOT_UTF8"));
		}
		List<ProposedUnit> units = reader.errors.isEmpty() ? reader.drafts.values().stream().map(Draft::build).toList()
				: List.of();
		return new Result(units, reader.rows, reader.links,
				List.copyOf(reader.errors.subList(0, Math.min(MAX_ERRORS, reader.errors.size()))));
	}

	private void read(List<CsvText.Record> records) {
		if (records.isEmpty()) {
			error(1, null, "Tệp trống", "FILE_EMPTY");
			return;
		}
		Map<String, Integer> header = new HashMap<>();
		List<String> names = records.get(0).fields();
		for (int i = 0; i < names.size(); i++) {
			header.put(names.get(i).strip().toLowerCase(java.util.Locale.ROOT), i);
		}
		for (String column : REQUIRED) {
			if (!header.containsKey(column)) {
				error(1, column, "Thiếu cột " + column, "COLUMN_MISSING");
			}
		}
		if (!this.errors.isEmpty()) {
			return;
		}
		for (CsvText.Record record : records.subList(1, records.size())) {
			this.rows++;
			row(new Row(record, header));
		}
		if (this.rows == 0) {
			error(2, null, "Tệp không có dòng dữ liệu nào", "FILE_EMPTY");
		}
	}

	private void row(Row row) {
		int before = this.errors.size();
		String newName = row.get("new_name");
		String typeText = row.get("new_type");
		UnitType type = UnitType.fromLabel(typeText);
		if (type == null) {
			error(row.line, "new_type", "Loại đơn vị \"" + typeText + "\" không có", "TYPE_UNKNOWN");
			return;
		}
		if (newName.isEmpty()) {
			error(row.line, "new_name", "Tên đơn vị mới không được để trống", "NAME_EMPTY");
			return;
		}
		String code = row.get("new_code");
		String key = code.isEmpty() ? SearchKey.fold(newName) : code;
		ComponentKind kind = ComponentKind.fromDetail(row.get("detail"));
		String relation = row.get("relation").toLowerCase(java.util.Locale.ROOT);
		if (kind == null) {
			error(row.line, "detail",
					"Kiểu phần \"" + row.get("detail")
							+ "\" không có (whole, part_area_pop, part_area_only, part_area_whole_pop, remainder)",
					"DETAIL_UNKNOWN");
		}
		else if (!relation.equals(kind.isWhole() ? "whole" : "part")) {
			error(row.line, "relation",
					"Quan hệ \"" + row.get("relation") + "\" không khớp với kiểu phần \"" + kind.detail() + "\"",
					"RELATION_MISMATCH");
		}
		UnitLevel level = type.level();
		String oldCode = row.get("old_code");
		UnitRecord old = oldCode.isEmpty() ? null : this.registry.byCode(oldCode, level, this.dayBefore);
		if (old == null) {
			error(row.line, "old_code", "Không có đơn vị " + level.label() + " mã \"" + oldCode
					+ "\" còn hiệu lực vào ngày " + this.dayBefore, "OLD_UNIT_UNKNOWN");
		}
		else {
			checkOld(row, old);
		}
		Double area = share(row, "area_share");
		Double population = share(row, "population_share");
		Double households = share(row, "household_share");
		Draft draft = this.drafts.get(key);
		String fullName = newName;
		String name = withoutType(newName, type);
		if (draft == null) {
			draft = new Draft(key, code.isEmpty() ? null : code, name, fullName, type, row.line);
			this.drafts.put(key, draft);
		}
		else if (!draft.fullName.equals(fullName) || draft.type != type) {
			error(row.line, "new_name", "Đơn vị mới mã " + key + " đã được ghi là \"" + draft.fullName + "\" ("
					+ draft.type.label() + ") ở dòng " + draft.firstLine, "NEW_UNIT_INCONSISTENT");
		}
		if (this.errors.size() > before || old == null || kind == null) {
			return;
		}
		draft.components.add(new PlanComponent(old.id(), kind, area, population, households));
		this.links++;
		draft.legalClause = (draft.legalClause != null) ? draft.legalClause : emptyToNull(row.get("legal_basis"));
		draft.seat = (draft.seat != null) ? draft.seat : emptyToNull(row.get("seat"));
		if (draft.alternativeNames.isEmpty() && !row.get("alternative_names").isEmpty()) {
			for (String alternative : row.get("alternative_names").split(";")) {
				if (!alternative.isBlank()) {
					draft.alternativeNames.add(alternative.strip());
				}
			}
		}
		if (draft.parentId == null) {
			draft.parentId = parentFor(row, old, level);
		}
	}

	private void checkOld(Row row, UnitRecord old) {
		String oldName = row.get("old_name");
		if (!oldName.isEmpty() && !SearchKey.fold(oldName).equals(SearchKey.fold(old.fullName()))
				&& !SearchKey.fold(oldName).equals(SearchKey.fold(old.name()))) {
			error(row.line, "old_name",
					"Mã " + old.code() + " là " + old.fullName() + " chứ không phải \"" + oldName + "\"",
					"OLD_NAME_MISMATCH");
		}
		String districtCode = row.get("old_district_code");
		if (!districtCode.isEmpty() && old.parentId() != null) {
			UnitRecord parent = this.registry.unit(old.parentId(), this.dayBefore);
			if (parent != null && !districtCode.equals(parent.code())) {
				error(row.line, "old_district_code", old.fullName() + " thuộc " + parent.fullName() + " (mã "
						+ parent.code() + "), không phải mã " + districtCode, "OLD_DISTRICT_MISMATCH");
			}
		}
	}

	/**
	 * The parent named in {@code new_parent_code}, else the nearest unit above the old
	 * one that is above the new unit's level, stays, and is not of an abolished level.
	 */
	private @Nullable String parentFor(Row row, UnitRecord old, UnitLevel level) {
		String parentCode = row.get("new_parent_code");
		if (!parentCode.isEmpty()) {
			for (UnitLevel candidate : UnitLevel.values()) {
				if (candidate.isAbove(level)) {
					UnitRecord parent = this.registry.byCode(parentCode, candidate, this.dayBefore);
					if (parent != null) {
						return parent.id();
					}
				}
			}
			error(row.line, "new_parent_code", "Không có đơn vị cấp trên mã \"" + parentCode + "\"", "PARENT_UNKNOWN");
			return null;
		}
		for (String id : this.registry.selfAndAncestorIds(old.id(), this.dayBefore)) {
			UnitRecord unit = this.registry.unit(id, this.dayBefore);
			if (unit != null && unit.level().isAbove(level) && !this.plan.abolishedLevels().contains(unit.level())) {
				return id;
			}
		}
		return null;
	}

	private @Nullable Double share(Row row, String column) {
		String text = row.get(column);
		if (text.isEmpty()) {
			return null;
		}
		try {
			double value = Double.parseDouble(text.replace(',', '.').replace("%", ""));
			if (text.contains("%")) {
				value /= 100;
			}
			if (value >= 0 && value <= 1) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		error(row.line, column, "Tỷ lệ \"" + text + "\" phải là số từ 0 đến 1 (hoặc 0% đến 100%)", "SHARE_INVALID");
		return null;
	}

	private static String withoutType(String fullName, UnitType type) {
		String folded = SearchKey.fold(fullName);
		String label = SearchKey.fold(type.label().startsWith("thành phố") ? "thành phố" : type.label());
		if (folded.startsWith(label + " ")) {
			String[] words = fullName.strip().split("\\s+");
			int labelWords = label.split(" ").length;
			return String.join(" ", java.util.Arrays.asList(words).subList(labelWords, words.length));
		}
		return fullName.strip();
	}

	private static @Nullable String emptyToNull(String text) {
		return text.isEmpty() ? null : text;
	}

	private void error(int line, @Nullable String column, String message, String code) {
		this.errors.add(new RowError(line, column, message, code));
	}

	/**
	 * @param units the new units read, in file order; empty when there are errors
	 * @param rows data rows read
	 * @param links components read
	 * @param errors problems by line
	 */
	record Result(List<ProposedUnit> units, int rows, int links, List<RowError> errors) {
	}

	private static final class Row {

		private final int line;

		private final List<String> fields;

		private final Map<String, Integer> header;

		Row(CsvText.Record record, Map<String, Integer> header) {
			this.line = record.line();
			this.fields = record.fields();
			this.header = header;
		}

		String get(String column) {
			Integer index = this.header.get(column);
			return (index != null && index < this.fields.size()) ? this.fields.get(index).strip() : "";
		}

	}

	private static final class Draft {

		private final String key;

		private final @Nullable String code;

		private final String name;

		private final String fullName;

		private final UnitType type;

		private final int firstLine;

		private final List<PlanComponent> components = new ArrayList<>();

		private final List<String> alternativeNames = new ArrayList<>();

		private @Nullable String legalClause;

		private @Nullable String seat;

		private @Nullable String parentId;

		Draft(String key, @Nullable String code, String name, String fullName, UnitType type, int firstLine) {
			this.key = key;
			this.code = code;
			this.name = name;
			this.fullName = fullName;
			this.type = type;
			this.firstLine = firstLine;
		}

		ProposedUnit build() {
			return new ProposedUnit(this.key, this.code, this.name, this.fullName, this.type, this.alternativeNames,
					this.seat, this.parentId, null, this.legalClause, this.components);
		}

	}

}
