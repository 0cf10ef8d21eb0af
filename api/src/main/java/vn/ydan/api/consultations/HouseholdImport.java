package vn.ydan.api.consultations;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import vn.ydan.api.csv.CsvText;
import vn.ydan.api.csv.RowError;
import vn.ydan.api.units.VietnameseName;
import vn.ydan.api.units.UnitLevel;
import vn.ydan.api.units.UnitRecord;
import vn.ydan.api.units.UnitRegistry;

/**
 * Reads a household register: {@code commune_code, group_code, group_name, household_id},
 * one row per household, the group found among the commune's residential groups by code
 * (or, without one, by name ignoring diacritics) on {@code asOf}. All or nothing.
 * <p>
 * A household id is global: a row naming a household already registered elsewhere moves
 * it, so the caller must be allowed to act for the commune it leaves as well as for the
 * one it joins.
 */
final class HouseholdImport {

	static final int MAX_ERRORS = 1_000;

	private static final Pattern HOUSEHOLD_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	private static final List<String> REQUIRED = List.of("commune_code", "household_id");

	private HouseholdImport() {
	}

	/**
	 * @param registeredCommunes the commune each of the given households is registered in
	 * now, for those already registered
	 */
	static Result read(String csv, UnitRegistry registry, LocalDate asOf, Predicate<String> mayEdit,
			Function<List<String>, Map<String, String>> registeredCommunes) {
		List<RowError> errors = new ArrayList<>();
		List<Households.Household> households = new ArrayList<>();
		List<CsvText.Record> records;
		try {
			records = CsvText.parse(CsvText.checked(csv));
		}
		catch (CsvText.NotUtf8 ex) {
			return new Result(0, List.of(), List.of(new RowError(ex.line(), null, "Tệp không phải UTF-8", "NOT_UTF8")));
		}
		catch (CsvText.TooManyRows ex) {
			return new Result(0, List.of(), List.of(ex.error()));
		}
		if (records.isEmpty()) {
			return new Result(0, List.of(), List.of(new RowError(1, null, "Tệp trống", "FILE_EMPTY")));
		}
		Map<String, Integer> header = new HashMap<>();
		List<String> names = records.get(0).fields();
		for (int i = 0; i < names.size(); i++) {
			header.put(names.get(i).strip().toLowerCase(Locale.ROOT), i);
		}
		for (String column : REQUIRED) {
			if (!header.containsKey(column)) {
				errors.add(new RowError(1, column, "Thiếu cột " + column, "COLUMN_MISSING"));
			}
		}
		if (!header.containsKey("group_code") && !header.containsKey("group_name")) {
			errors.add(new RowError(1, "group_code", "Cần cột group_code hoặc group_name", "COLUMN_MISSING"));
		}
		if (!errors.isEmpty()) {
			return new Result(0, List.of(), errors);
		}
		Map<String, UnitRecord> communes = new HashMap<>();
		Map<String, Map<String, String>> groupsByCommune = new HashMap<>();
		Map<String, Integer> seen = new HashMap<>();
		List<Integer> lines = new ArrayList<>();
		int rows = 0;
		for (CsvText.Record record : records.subList(1, records.size())) {
			rows++;
			int line = record.line();
			String communeCode = field(record, header, "commune_code");
			String groupCode = field(record, header, "group_code");
			String groupName = field(record, header, "group_name");
			String householdId = field(record, header, "household_id");
			if (!HOUSEHOLD_ID.matcher(householdId).matches()) {
				errors.add(new RowError(line, "household_id",
						"Mã hộ phải có 1 đến 64 ký tự: chữ, số, dấu chấm, gạch, hai chấm", "HOUSEHOLD_ID_INVALID"));
				continue;
			}
			Integer first = seen.putIfAbsent(householdId, line);
			if (first != null) {
				errors.add(new RowError(line, "household_id", "Hộ " + householdId + " đã có ở dòng " + first,
						"HOUSEHOLD_DUPLICATE"));
				continue;
			}
			UnitRecord commune = communes.computeIfAbsent(communeCode,
					(code) -> registry.byCode(code, UnitLevel.COMMUNE, asOf));
			if (commune == null) {
				errors.add(new RowError(line, "commune_code",
						"Không có đơn vị cấp xã mã \"" + communeCode + "\" vào ngày " + asOf, "COMMUNE_UNKNOWN"));
				continue;
			}
			if (!mayEdit.test(commune.id())) {
				errors.add(new RowError(line, "commune_code", commune.fullName() + " nằm ngoài phạm vi của bạn",
						"OUT_OF_SCOPE"));
				continue;
			}
			Map<String, String> groups = groupsByCommune.computeIfAbsent(commune.id(), (id) -> {
				Map<String, String> byKey = new HashMap<>();
				for (UnitRecord group : registry.children(id, asOf)) {
					if (group.level() == UnitLevel.RESIDENTIAL_GROUP) {
						if (group.code() != null) {
							byKey.put("code:" + group.code(), group.id());
						}
						byKey.put("name:" + VietnameseName.canonical(group.name()), group.id());
						byKey.put("name:" + VietnameseName.canonical(group.fullName()), group.id());
					}
				}
				return byKey;
			});
			String groupId = !groupCode.isEmpty() ? groups.get("code:" + groupCode)
					: groups.get("name:" + VietnameseName.canonical(groupName));
			if (groupId == null) {
				errors.add(new RowError(line, groupCode.isEmpty() ? "group_name" : "group_code", commune.fullName()
						+ " không có tổ dân phố, thôn \"" + (groupCode.isEmpty() ? groupName : groupCode) + "\"",
						"GROUP_UNKNOWN"));
				continue;
			}
			households.add(new Households.Household(householdId, commune.id(), groupId));
			lines.add(line);
		}
		checkMoves(households, lines, registeredCommunes, registry, asOf, mayEdit, errors);
		if (rows == 0) {
			errors.add(new RowError(2, null, "Tệp không có dòng dữ liệu nào", "FILE_EMPTY"));
		}
		errors.sort(Comparator.comparingInt(RowError::line));
		return errors.isEmpty() ? new Result(rows, households, List.of())
				: new Result(rows, List.of(), List.copyOf(errors.subList(0, Math.min(MAX_ERRORS, errors.size()))));
	}

	/**
	 * Refuses the rows that would move a household out of a commune the caller may not
	 * act for.
	 */
	private static void checkMoves(List<Households.Household> households, List<Integer> lines,
			Function<List<String>, Map<String, String>> registeredCommunes, UnitRegistry registry, LocalDate asOf,
			Predicate<String> mayEdit, List<RowError> errors) {
		if (households.isEmpty()) {
			return;
		}
		Map<String, String> registered = registeredCommunes
			.apply(households.stream().map(Households.Household::id).toList());
		for (int i = 0; i < households.size(); i++) {
			Households.Household household = households.get(i);
			String from = registered.get(household.id());
			if (from != null && !from.equals(household.communeId()) && !mayEdit.test(from)) {
				errors.add(new RowError(lines.get(i), "household_id",
						"Hộ " + household.id() + " đã đăng ký ở " + communeName(registry, from, asOf)
								+ ", nằm ngoài phạm vi của bạn: không chuyển được hộ sang xã khác",
						"HOUSEHOLD_OUT_OF_SCOPE"));
			}
		}
	}

	private static String communeName(UnitRegistry registry, String communeId, LocalDate asOf) {
		UnitRecord commune = registry.unit(communeId, asOf);
		return (commune != null) ? commune.fullName() : "một đơn vị cấp xã khác";
	}

	private static String field(CsvText.Record record, Map<String, Integer> header, String column) {
		Integer index = header.get(column);
		return (index != null && index < record.fields().size()) ? record.fields().get(index).strip() : "";
	}

	/**
	 * @param rows data rows read
	 * @param households the households, empty when there are errors
	 * @param errors problems by line
	 */
	record Result(int rows, List<Households.Household> households, List<RowError> errors) {
	}

}
