package vn.ydan.api.units;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Checks the rows of an import file against each other and against the registry, every
 * row against every rule, and gives each row its unit's id and its parent's id.
 * <p>
 * Ids are derived from what identifies a row: level, code and the first day of validity
 * (residential groups: commune, code or name, first day), so that importing the same file
 * twice, or again after a failure midway, addresses the same units.
 */
final class ImportCheck {

	private static final int MAX_DEPTH = 16;

	private final Snapshot registry;

	private final ImportFile.Errors errors;

	/** Rows by level and code, to find parents and duplicates within the file. */
	private final Map<String, List<Candidate>> byLevelAndCode = new HashMap<>();

	/** Rows with a code by id, to follow parents through the file. */
	private final Map<String, Candidate> fileById = new HashMap<>();

	/** Residential-group rows by commune id. */
	private final Map<String, List<Candidate>> groupsByCommune = new HashMap<>();

	private ImportCheck(Snapshot registry, ImportFile.Errors errors) {
		this.registry = registry;
		this.errors = errors;
	}

	/**
	 * Checks {@code candidates} and fills in their ids and parent ids (where found).
	 * Returns one candidate per unit: repeated implied rows once.
	 */
	static List<Candidate> check(List<Candidate> candidates, Snapshot registry, ImportFile.Errors errors) {
		return new ImportCheck(registry, errors).run(candidates);
	}

	static String idOf(UnitLevel level, String key, @Nullable LocalDate validFrom) {
		String name = "ydan-unit|" + level + "|" + key + "|" + ((validFrom != null) ? validFrom : "");
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
	}

	static String groupKey(String communeId, @Nullable String code, String name) {
		return communeId + "|" + ((code != null) ? "code:" + code : "name:" + VietnameseName.canonical(name));
	}

	private List<Candidate> run(List<Candidate> candidates) {
		for (Candidate candidate : candidates) {
			if (candidate.code != null) {
				this.byLevelAndCode.computeIfAbsent(candidate.level + "|" + candidate.code, (key) -> new ArrayList<>())
					.add(candidate);
			}
		}
		// Ids of units with a code do not depend on their parent; residential groups' do.
		for (Candidate candidate : candidates) {
			if (candidate.level != UnitLevel.RESIDENTIAL_GROUP) {
				assignId(candidate);
				this.fileById.putIfAbsent(candidate.id, candidate);
			}
		}
		for (Candidate candidate : candidates) {
			resolveParent(candidate);
		}
		for (Candidate candidate : candidates) {
			if (candidate.level == UnitLevel.RESIDENTIAL_GROUP) {
				assignId(candidate);
			}
		}
		List<Candidate> distinct = distinct(candidates);
		Map<String, Candidate> byId = new HashMap<>();
		distinct.forEach((candidate) -> byId.put(candidate.id, candidate));
		for (Candidate candidate : distinct) {
			if (candidate.level == UnitLevel.RESIDENTIAL_GROUP && candidate.parentId != null) {
				this.groupsByCommune.computeIfAbsent(candidate.parentId, (key) -> new ArrayList<>()).add(candidate);
			}
		}
		for (Candidate candidate : distinct) {
			checkCodeIsFree(candidate);
			checkNoCycle(candidate, byId);
		}
		return distinct;
	}

	private void resolveParent(Candidate candidate) {
		if (candidate.parentCode == null || candidate.parentLevel == null) {
			return;
		}
		String code = candidate.parentCode;
		LocalDate date = candidate.validFrom;
		String column = candidate.columns.parent();
		String parentId = find(code, candidate.parentLevel, date);
		if (parentId == null) {
			String elsewhere = findAnyLevel(code, date);
			if (elsewhere != null) {
				this.errors.add(candidate.line, column,
						"Đơn vị cấp trên mã " + code + " là " + elsewhere + ", không phải đơn vị "
								+ candidate.parentLevel.label() + " (dòng " + candidate.line + ")",
						"PARENT_WRONG_LEVEL");
			}
			else {
				this.errors.add(candidate.line, column,
						"Không tìm thấy đơn vị " + candidate.parentLevel.label() + " mã " + code
								+ (date != null ? " có hiệu lực ngày " + date : "") + " (dòng " + candidate.line + ")",
						"PARENT_UNKNOWN");
			}
			return;
		}
		candidate.parentId = parentId;
		if (!candidate.parentLevel.isAbove(candidate.level)) {
			this.errors.add(candidate.line, column,
					"Đơn vị " + candidate.level.label() + " không thể có cấp trên là đơn vị "
							+ candidate.parentLevel.label() + " (mã " + code + ", dòng " + candidate.line + ")",
					"PARENT_WRONG_LEVEL");
		}
		if (candidate.grandparentCode != null) {
			String grandparent = find(candidate.grandparentCode, UnitLevel.PROVINCE, date);
			String actual = parentOf(parentId, date);
			if (grandparent == null || !grandparent.equals(actual)) {
				this.errors.add(candidate.line, "province_code", "Đơn vị cấp trên mã " + code + " không thuộc tỉnh mã "
						+ candidate.grandparentCode + " (dòng " + candidate.line + ")", "PARENT_MISMATCH");
			}
		}
	}

	/**
	 * Id of the unit of {@code level} holding {@code code} on {@code date}: file first.
	 */
	private @Nullable String find(String code, UnitLevel level, @Nullable LocalDate date) {
		for (Candidate row : this.byLevelAndCode.getOrDefault(level + "|" + code, List.of())) {
			if (covers(row.validFrom, row.validTo, date)) {
				return idOf(level, code, row.validFrom);
			}
		}
		AdministrativeUnit unit = this.registry.holding(code, level, date);
		return (unit != null) ? unit.id() : null;
	}

	private @Nullable String findAnyLevel(String code, @Nullable LocalDate date) {
		for (UnitLevel level : UnitLevel.values()) {
			for (Candidate row : this.byLevelAndCode.getOrDefault(level + "|" + code, List.of())) {
				if (covers(row.validFrom, row.validTo, date)) {
					return row.label() + ", đơn vị " + level.label() + " ở dòng " + row.line;
				}
			}
		}
		AdministrativeUnit unit = this.registry.holding(code, null, date);
		return (unit != null) ? unit.latest().fullName() + ", đơn vị " + unit.level().label() : null;
	}

	private @Nullable String parentOf(String unitId, @Nullable LocalDate date) {
		Candidate row = this.fileById.get(unitId);
		if (row != null) {
			return row.parentId;
		}
		AdministrativeUnit unit = this.registry.unit(unitId);
		if (unit == null) {
			return null;
		}
		for (UnitVersion version : unit.versions()) {
			if (version.inForceAtOrSinceEver(date)) {
				return version.parentId();
			}
		}
		return null;
	}

	private void assignId(Candidate candidate) {
		if (candidate.level != UnitLevel.RESIDENTIAL_GROUP) {
			candidate.id = idOf(candidate.level, Objects.requireNonNullElse(candidate.code, ""), candidate.validFrom);
		}
		else {
			String commune = (candidate.parentId != null) ? candidate.parentId : "?" + candidate.parentCode;
			candidate.id = idOf(candidate.level, groupKey(commune, candidate.code, candidate.name),
					candidate.validFrom);
		}
	}

	/** One candidate per id; a repeated id is a duplicate row unless implied. */
	private List<Candidate> distinct(List<Candidate> candidates) {
		Map<String, Candidate> first = new LinkedHashMap<>();
		for (Candidate candidate : candidates) {
			Candidate earlier = first.putIfAbsent(candidate.id, candidate);
			if (earlier == null) {
				continue;
			}
			if (candidate.sameAs(earlier)) {
				if (!candidate.implied) {
					this.errors.add(candidate.line, null,
							"Dòng " + candidate.line + " trùng với dòng " + earlier.line + ": " + candidate.label(),
							"DUPLICATE_ROW");
				}
			}
			else {
				String what = (candidate.code != null) ? "Mã " + candidate.code : "Tên \"" + candidate.name + "\"";
				this.errors.add(candidate.line, candidate.implied ? candidate.columns.code() : null,
						what + " (" + candidate.level.label() + ") đã có ở dòng " + earlier.line
								+ " với thông tin khác (dòng " + candidate.line + ")",
						"DUPLICATE_CODE");
			}
		}
		return new ArrayList<>(first.values());
	}

	/**
	 * No two live units of a level may hold the same code on the same day (residential
	 * groups: within their commune, and by name when they have no code).
	 */
	private void checkCodeIsFree(Candidate candidate) {
		if (candidate.id == null) {
			return;
		}
		LocalDate from = candidate.validFrom;
		LocalDate to = candidate.validTo;
		AdministrativeUnit existing = this.registry.unit(candidate.id);
		if (to == null && existing != null) {
			for (UnitVersion version : existing.versions()) {
				if (Objects.equals(version.validFrom(), from)) {
					to = version.validTo();
				}
			}
		}
		if (candidate.level != UnitLevel.RESIDENTIAL_GROUP) {
			if (candidate.code == null) {
				return;
			}
			for (AdministrativeUnit other : this.registry.everHolding(candidate.code)) {
				if (other.level() != candidate.level || other.id().equals(candidate.id)) {
					continue;
				}
				for (UnitVersion version : other.versions()) {
					if (candidate.code.equals(version.code()) && version.overlaps(from, to)) {
						this.errors.add(candidate.line, candidate.columns.code(),
								"Mã " + candidate.code + " đã thuộc về " + version.fullName() + " trong "
										+ interval(version) + ": hai đơn vị " + candidate.level.label()
										+ " không thể cùng mã cùng lúc (dòng " + candidate.line + ")",
								"CODE_TAKEN");
						return;
					}
				}
			}
			for (Candidate row : this.byLevelAndCode.getOrDefault(candidate.level + "|" + candidate.code, List.of())) {
				if (row.line < candidate.line && !Objects.equals(row.id, candidate.id)
						&& overlaps(row.validFrom, row.validTo, from, to)) {
					this.errors.add(
							candidate.line, candidate.columns.code(), "Mã " + candidate.code + " đã có ở dòng "
									+ row.line + " trong cùng khoảng thời gian (dòng " + candidate.line + ")",
							"DUPLICATE_CODE");
					return;
				}
			}
			return;
		}
		if (candidate.parentId == null) {
			return;
		}
		String canonical = VietnameseName.canonical(candidate.name);
		for (AdministrativeUnit other : this.registry.everChildrenOf(candidate.parentId)) {
			if (other.level() != UnitLevel.RESIDENTIAL_GROUP || other.id().equals(candidate.id)) {
				continue;
			}
			for (UnitVersion version : other.versions()) {
				if (!candidate.parentId.equals(version.parentId()) || !version.overlaps(from, to)) {
					continue;
				}
				boolean sameCode = candidate.code != null && candidate.code.equals(version.code());
				boolean sameName = canonical.equals(VietnameseName.canonical(version.name()));
				if (sameCode || sameName) {
					this.errors.add(candidate.line, sameCode ? candidate.columns.code() : candidate.columns.name(),
							(sameCode ? "Mã " + candidate.code : "Tên \"" + candidate.name + "\"") + " đã thuộc về "
									+ version.fullName() + " trong cùng xã (dòng " + candidate.line + ")",
							sameCode ? "CODE_TAKEN" : "NAME_TAKEN");
					return;
				}
			}
		}
		for (Candidate row : this.groupsByCommune.getOrDefault(candidate.parentId, List.of())) {
			if (row != candidate && row.line < candidate.line && !Objects.equals(row.id, candidate.id)) {
				boolean sameCode = candidate.code != null && candidate.code.equals(row.code);
				boolean sameName = canonical.equals(VietnameseName.canonical(row.name));
				if (sameCode || sameName) {
					this.errors
						.add(candidate.line, sameCode ? candidate.columns.code() : candidate.columns.name(),
								(sameCode ? "Mã " + candidate.code : "Tên \"" + candidate.name + "\"")
										+ " đã có ở dòng " + row.line + " trong cùng xã (dòng " + candidate.line + ")",
								"DUPLICATE_CODE");
					return;
				}
			}
		}
	}

	/** Following parents from a row must never lead back to it. */
	private void checkNoCycle(Candidate candidate, Map<String, Candidate> byId) {
		Set<String> seen = new HashSet<>();
		String current = candidate.parentId;
		for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
			if (current.equals(candidate.id)) {
				this.errors.add(candidate.line, candidate.columns.parent(), "Vòng lặp cấp trên: " + candidate.label()
						+ " lại là cấp trên của chính nó (dòng " + candidate.line + ")", "CYCLE");
				return;
			}
			if (!seen.add(current)) {
				return;
			}
			Candidate row = byId.get(current);
			current = (row != null) ? row.parentId : parentOf(current, candidate.validFrom);
		}
	}

	/** Whether {@code [from, to)} contains {@code date} (null: since ever). */
	private static boolean covers(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable LocalDate date) {
		if (date == null) {
			return from == null;
		}
		return (from == null || !date.isBefore(from)) && (to == null || date.isBefore(to));
	}

	private static boolean overlaps(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable LocalDate otherFrom,
			@Nullable LocalDate otherTo) {
		boolean startsBeforeOtherEnds = from == null || otherTo == null || from.isBefore(otherTo);
		boolean endsAfterOtherStarts = to == null || otherFrom == null || otherFrom.isBefore(to);
		return startsBeforeOtherEnds && endsAfterOtherStarts;
	}

	private static String interval(UnitVersion version) {
		return "khoảng " + ((version.validFrom() != null) ? "từ " + version.validFrom() : "từ trước")
				+ ((version.validTo() != null) ? " đến " + version.validTo() : " đến nay");
	}

}
