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
import vn.ydan.api.units.VietnameseName;

/**
 * Reads a plan's table of links (one row per old unit taken by a new unit) in the shape
 * of the official 2025 tables ({@code plan_nq1656_mapping.csv}, the provincial tables):
 * {@code new_code, new_name, new_type, old_code} and {@code relation} or {@code detail}
 * required; {@code old_name, old_type, old_district_code, old_province_code,
 * legal_basis, new_parent_code, seat, alternative_names, area_share, population_share,
 * household_share} optional. Rows may form units of several levels: a row whose
 * {@code new_type} is a province type forms a province. Also reads the province merger
 * table ({@code provinces_after.csv}: {@code code, full_name, type,
 * formed_from_old_province_codes}), keeping the new provinces formed from the plan's
 * scope. Old units are found by code, as they stood the day before the plan's effective
 * date. All or nothing: any bad row, and the file is rejected with every problem by line.
 */
final class PlanImport {

	static final int MAX_ERRORS = 1_000;

	private static final List<String> REQUIRED = List.of("new_code", "new_name", "new_type", "old_code");

	private static final String MERGED_FROM = "formed_from_old_province_codes";

	private final Plan plan;

	private final UnitRegistry registry;

	private final LocalDate dayBefore;

	private final List<RowError> errors = new ArrayList<>();

	private final Map<String, Draft> drafts = new LinkedHashMap<>();

	/** Old unit id → line of the row that took it whole. */
	private final Map<String, Integer> takenWhole = new HashMap<>();

	/** Old unit id + new unit key → line, to refuse a link written twice. */
	private final Map<String, Integer> linked = new HashMap<>();

	/**
	 * Level, parent column and exact name of each new unit → the unit, to refuse a name
	 * given two codes.
	 */
	private final Map<String, Draft> byName = new HashMap<>();

	private final java.util.Set<String> scope = new java.util.HashSet<>();

	private int rows;

	private int links;

	private PlanImport(Plan plan, UnitRegistry registry, LocalDate effectiveDate) {
		this.plan = plan;
		this.registry = registry;
		this.dayBefore = effectiveDate.minusDays(1);
		this.scope.addAll(plan.scopeIds());
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
		catch (CsvText.TooManyRows ex) {
			reader.errors.add(ex.error());
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
			// A byte order mark (files saved by spreadsheets) is not part of the first
			// name.
			header.put(names.get(i).replace("\uFEFF", "").strip().toLowerCase(java.util.Locale.ROOT), i);
		}
		if (header.containsKey(MERGED_FROM)) {
			readMergers(records, header);
			return;
		}
		for (String column : REQUIRED) {
			if (!header.containsKey(column)) {
				error(1, column, "Thiếu cột " + column, "COLUMN_MISSING");
			}
		}
		if (!header.containsKey("relation") && !header.containsKey("detail")) {
			error(1, "detail", "Thiếu cột detail (hoặc relation)", "COLUMN_MISSING");
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
		resolveNewParents();
	}

	/**
	 * The province merger table: one row per new province and the old provinces it is
	 * formed from ({@code ;}-separated codes). Rows about provinces outside the plan's
	 * scope are skipped, so that one national table serves every provincial plan.
	 */
	private void readMergers(List<CsvText.Record> records, Map<String, Integer> header) {
		for (String column : List.of("code", "type")) {
			if (!header.containsKey(column)) {
				error(1, column, "Thiếu cột " + column, "COLUMN_MISSING");
			}
		}
		if (!header.containsKey("full_name") && !header.containsKey("name")) {
			error(1, "full_name", "Thiếu cột full_name", "COLUMN_MISSING");
		}
		if (!this.errors.isEmpty()) {
			return;
		}
		for (CsvText.Record record : records.subList(1, records.size())) {
			this.rows++;
			merger(new Row(record, header));
		}
		if (this.rows == 0) {
			error(2, null, "Tệp không có dòng dữ liệu nào", "FILE_EMPTY");
		}
		else if (this.drafts.isEmpty() && this.errors.isEmpty()) {
			error(2, MERGED_FROM, "Không dòng nào nói về các tỉnh trong phạm vi phương án", "NOTHING_IN_SCOPE");
		}
	}

	private void merger(Row row) {
		UnitType type = UnitType.fromLabel(row.get("type"));
		if (type == null || type.level() != UnitLevel.PROVINCE) {
			error(row.line, "type", "Loại \"" + row.get("type") + "\" không phải loại đơn vị cấp tỉnh", "TYPE_UNKNOWN");
			return;
		}
		String fullName = row.get("full_name").isEmpty() ? ProposedUnit.defaultFullName(type, row.get("name"))
				: row.get("full_name");
		String code = row.get("code");
		List<UnitRecord> olds = new ArrayList<>();
		int inScope = 0;
		for (String oldCode : row.get(MERGED_FROM).split("[;,]")) {
			if (oldCode.isBlank()) {
				continue;
			}
			UnitRecord old = this.registry.byCode(oldCode.strip(), UnitLevel.PROVINCE, this.dayBefore);
			if (old == null) {
				error(row.line, MERGED_FROM,
						"Không có tỉnh mã \"" + oldCode.strip() + "\" còn hiệu lực vào ngày " + this.dayBefore,
						"OLD_UNIT_UNKNOWN");
				return;
			}
			olds.add(old);
			inScope += this.scope.contains(old.id()) ? 1 : 0;
		}
		if (olds.isEmpty()) {
			error(row.line, MERGED_FROM, "Chưa ghi tỉnh cũ nào", "OLD_UNIT_UNKNOWN");
			return;
		}
		if (inScope == 0) {
			return;
		}
		if (inScope < olds.size()) {
			error(row.line, MERGED_FROM, fullName + " được hợp nhất từ cả tỉnh ngoài phạm vi phương án",
					"OLD_UNIT_OUT_OF_SCOPE");
			return;
		}
		if (code.isEmpty()) {
			error(row.line, "code", "Chưa ghi mã tỉnh mới", "CODE_INVALID");
			return;
		}
		Draft draft = new Draft(code, code, withoutType(fullName, type), fullName, type, row.line);
		this.drafts.put(code, draft);
		draft.legalClause = emptyToNull(row.get("legal_basis"));
		UnitRecord only = (olds.size() == 1) ? olds.get(0) : null;
		boolean continued = only != null && code.equals(only.code());
		for (UnitRecord old : olds) {
			ComponentKind kind = !continued ? ComponentKind.WHOLE
					: VietnameseName.same(only.fullName(), fullName) && only.type() == type ? ComponentKind.UNCHANGED
							: ComponentKind.RENAME;
			draft.components.add(PlanComponent.of(old.id(), kind));
			this.links++;
		}
	}

	private void row(Row row) {
		int before = this.errors.size();
		AlternativeNames.Split written = AlternativeNames.split(row.get("new_name"));
		String newName = written.name();
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
		String key = code.isEmpty() ? VietnameseName.canonical(newName) : code;
		ComponentKind kind = ComponentKind.fromRow(row.get("relation"), row.get("detail"));
		if (kind == null) {
			error(row.line, row.get("detail").isEmpty() ? "relation" : "detail",
					"Kiểu liên kết \"" + (row.get("detail").isEmpty() ? row.get("relation") : row.get("detail"))
							+ "\" không có (" + ComponentKind.vocabulary() + ")",
					"DETAIL_UNKNOWN");
		}
		else if (!kind.agreesWith(row.get("relation"))) {
			error(row.line, "relation",
					"Quan hệ \"" + row.get("relation") + "\" không khớp với kiểu \"" + kind.detail() + "\"",
					"RELATION_MISMATCH");
		}
		UnitLevel level = type.level();
		UnitLevel oldLevel = level;
		if (!row.get("old_type").isEmpty()) {
			UnitType oldType = UnitType.fromLabel(row.get("old_type"));
			if (oldType == null) {
				error(row.line, "old_type", "Loại đơn vị \"" + row.get("old_type") + "\" không có", "TYPE_UNKNOWN");
				return;
			}
			oldLevel = oldType.level();
		}
		String oldCode = row.get("old_code");
		UnitRecord old = oldCode.isEmpty() ? null : this.registry.byCode(oldCode, oldLevel, this.dayBefore);
		if (old == null) {
			error(row.line, "old_code", "Không có đơn vị " + oldLevel.label() + " mã \"" + oldCode
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
			draft.parentCode = row.get("new_parent_code");
			Draft sameName = this.byName
				.putIfAbsent(type.level() + "|" + draft.parentCode + "|" + VietnameseName.canonical(fullName), draft);
			if (sameName != null) {
				error(row.line, "new_code", fullName + " đã được ghi với mã " + sameName.key + " ở dòng "
						+ sameName.firstLine + ": một đơn vị mới chỉ có một mã", "NEW_UNIT_CODE_CONFLICT");
				return;
			}
			this.drafts.put(key, draft);
		}
		else if (!VietnameseName.same(draft.fullName, fullName) || draft.type != type) {
			error(row.line, "new_name", "Đơn vị mới mã " + key + " đã được ghi là \"" + draft.fullName + "\" ("
					+ draft.type.label() + ") ở dòng " + draft.firstLine, "NEW_UNIT_INCONSISTENT");
		}
		if (this.errors.size() > before || old == null || kind == null) {
			return;
		}
		if (!linkOnce(row, old, kind, draft)) {
			return;
		}
		draft.components.add(new PlanComponent(old.id(), kind, area, population, households));
		this.links++;
		draft.legalClause = (draft.legalClause != null) ? draft.legalClause : emptyToNull(row.get("legal_basis"));
		draft.seat = (draft.seat != null) ? draft.seat : emptyToNull(row.get("seat"));
		for (String alternative : written.alternatives()) {
			if (!draft.alternativeNames.contains(alternative)) {
				draft.alternativeNames.add(alternative);
			}
		}
		if (draft.alternativeNames.isEmpty() && !row.get("alternative_names").isEmpty()) {
			for (String alternative : row.get("alternative_names").split(";")) {
				if (!alternative.isBlank()) {
					draft.alternativeNames.add(alternative.strip());
				}
			}
		}
		if (draft.parentId == null && draft.parentCode.isEmpty()) {
			draft.parentId = parentFor(old, level);
		}
	}

	/**
	 * A link is written once: an old unit taken whole goes to one new unit, and no row
	 * repeats another.
	 */
	private boolean linkOnce(Row row, UnitRecord old, ComponentKind kind, Draft draft) {
		Integer repeated = this.linked.putIfAbsent(old.id() + "|" + draft.key, row.line);
		if (repeated != null) {
			error(row.line, "old_code", old.fullName() + " (mã " + old.code() + ") đã được ghi vào " + draft.fullName
					+ " ở dòng " + repeated, "OLD_UNIT_REPEATED");
			return false;
		}
		if (kind.isWhole()) {
			Integer first = this.takenWhole.putIfAbsent(old.id(), row.line);
			if (first != null) {
				error(row.line, "old_code", old.fullName() + " (mã " + old.code()
						+ ") đã được nhập nguyên trạng vào đơn vị khác ở dòng " + first, "OLD_UNIT_TWICE");
				return false;
			}
		}
		return true;
	}

	/**
	 * Parents named by code: a new unit of the same file first, an existing unit
	 * otherwise. Runs once every row is read, so the order of rows does not matter.
	 */
	private void resolveNewParents() {
		for (Draft draft : this.drafts.values()) {
			if (draft.parentCode.isEmpty()) {
				continue;
			}
			Draft parent = this.drafts.get(draft.parentCode);
			if (parent != null && parent.type.level().isAbove(draft.type.level())) {
				draft.parentKey = parent.key;
				continue;
			}
			draft.parentId = existingParent(draft.parentCode, draft.type.level(), draft.firstLine);
		}
	}

	private @Nullable String existingParent(String parentCode, UnitLevel level, int line) {
		for (UnitLevel candidate : UnitLevel.values()) {
			if (candidate.isAbove(level)) {
				UnitRecord parent = this.registry.byCode(parentCode, candidate, this.dayBefore);
				if (parent != null) {
					return parent.id();
				}
			}
		}
		error(line, "new_parent_code", "Không có đơn vị cấp trên mã \"" + parentCode + "\"", "PARENT_UNKNOWN");
		return null;
	}

	private void checkOld(Row row, UnitRecord old) {
		String oldName = row.get("old_name");
		if (!oldName.isEmpty() && !VietnameseName.same(oldName, old.fullName())
				&& !VietnameseName.same(oldName, old.name())) {
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
		UnitRecord province = this.registry.provinceOf(old.id(), this.dayBefore);
		String provinceCode = row.get("old_province_code");
		if (!provinceCode.isEmpty() && province != null && !provinceCode.equals(province.code())) {
			error(row.line, "old_province_code", old.fullName() + " (mã " + old.code() + ") thuộc "
					+ province.fullName() + " (mã " + province.code() + "), không phải tỉnh mã " + provinceCode,
					"OLD_PROVINCE_MISMATCH");
		}
		else if (!this.scope.isEmpty() && !inScope(old)) {
			error(row.line, "old_code", old.fullName() + " (mã " + old.code()
					+ ((province != null) ? ", " + province.fullName() : "") + ") nằm ngoài phạm vi phương án",
					"OLD_UNIT_OUT_OF_SCOPE");
		}
	}

	private boolean inScope(UnitRecord old) {
		for (String id : this.registry.selfAndAncestorIds(old.id(), this.dayBefore)) {
			if (this.scope.contains(id)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The nearest unit above the old one that is above the new unit's level and is not of
	 * an abolished level. When that unit goes whole into a new unit of the plan (a
	 * province merger), the plan hangs the new unit there ({@link Plan#withUnits}).
	 */
	private @Nullable String parentFor(UnitRecord old, UnitLevel level) {
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

		private @Nullable String parentKey;

		private String parentCode = "";

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
					this.seat, (this.parentKey != null) ? null : this.parentId, this.parentKey, this.legalClause,
					this.components);
		}

	}

}
