package vn.ydan.api.units;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Every name a province, district or commune ever had, folded ({@link SearchKey}), with
 * the versions that had it: what an address lookup reads, built once per
 * {@link Snapshot}. Residential groups are left out (their names, "Tổ dân phố số 5",
 * repeat in every commune).
 */
final class AddressIndex {

	private final Map<String, List<Named>> byName = new HashMap<>();

	/** Distinct folded commune names, for the nearest names to a typo. */
	private final String[] communeNames;

	AddressIndex(Collection<AdministrativeUnit> units) {
		java.util.Set<String> communes = new java.util.LinkedHashSet<>();
		for (AdministrativeUnit unit : units) {
			if (unit.level() == UnitLevel.RESIDENTIAL_GROUP) {
				continue;
			}
			for (UnitVersion version : unit.versions()) {
				String name = normalName(SearchKey.fold(version.name()));
				this.byName.computeIfAbsent(name, (key) -> new ArrayList<>(1)).add(new Named(unit, version));
				if (unit.level() == UnitLevel.COMMUNE) {
					communes.add(name);
				}
			}
		}
		this.communeNames = communes.toArray(String[]::new);
	}

	/**
	 * The versions that had {@code foldedName} (a normal name: see {@link #normalName}).
	 */
	List<Named> named(String foldedName) {
		return this.byName.getOrDefault(foldedName, List.of());
	}

	/**
	 * Commune names within {@code maxDistance} edits of {@code foldedName}, nearest
	 * first, at most {@code limit}.
	 */
	List<String> nearestCommuneNames(String foldedName, int maxDistance, int limit) {
		List<String> found = new ArrayList<>();
		int best = maxDistance + 1;
		for (String name : this.communeNames) {
			if (Math.abs(name.length() - foldedName.length()) > maxDistance) {
				continue;
			}
			int distance = distance(foldedName, name, Math.min(best, maxDistance));
			if (distance < best) {
				best = distance;
				found.clear();
			}
			if (distance == best && distance <= maxDistance && found.size() < limit) {
				found.add(name);
			}
		}
		return found;
	}

	/**
	 * The form names are indexed in: folded, and a number without its leading zeros
	 * ("Phường 01" and "P.1" are Phường 1).
	 */
	static String normalName(String folded) {
		if (!folded.isEmpty() && folded.chars().allMatch(Character::isDigit)) {
			return folded.replaceFirst("^0+(?=\\d)", "");
		}
		return folded;
	}

	/**
	 * Levenshtein distance, or {@code bound + 1} as soon as it must exceed {@code bound}.
	 */
	static int distance(String a, String b, int bound) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			int rowMinimum = current[0];
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
				rowMinimum = Math.min(rowMinimum, current[j]);
			}
			if (rowMinimum > bound) {
				return bound + 1;
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	/**
	 * A unit's version that had a name.
	 *
	 * @param unit the unit
	 * @param version the version with the name
	 */
	record Named(AdministrativeUnit unit, UnitVersion version) {

		/** Whether the version had started by {@code date} (it may have ended since). */
		boolean startedBy(LocalDate date) {
			return this.version.validFrom() == null || !date.isBefore(this.version.validFrom());
		}

		/**
		 * The day to view the unit on as it had this name: {@code date} while the name is
		 * in force, else the version's last day.
		 */
		LocalDate viewDate(LocalDate date) {
			return this.version.clamp(date);
		}

		/** The unit above on a day of this version, walking up to the province. */
		@Nullable String ancestorOfLevel(Snapshot snapshot, UnitLevel level, LocalDate date) {
			LocalDate day = viewDate(date);
			String parentId = this.version.parentId();
			for (int i = 0; parentId != null && i < 4; i++) {
				AdministrativeUnit parent = snapshot.unit(parentId);
				if (parent == null) {
					return null;
				}
				if (parent.level() == level) {
					return parent.id();
				}
				UnitVersion parentVersion = parent.versionAt(day);
				parentId = (parentVersion != null) ? parentVersion.parentId() : null;
			}
			return null;
		}

	}

}
