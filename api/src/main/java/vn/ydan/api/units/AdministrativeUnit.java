package vn.ydan.api.units;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A unit with its whole history: the aggregate stored as one MongoDB document. Its level
 * never changes; everything else lives in its versions, which do not overlap and are kept
 * oldest first. Immutable: a change makes a new instance with the next revision.
 */
final class AdministrativeUnit {

	private static final Comparator<UnitVersion> OLDEST_FIRST = Comparator.comparing(UnitVersion::validFrom,
			Comparator.nullsFirst(Comparator.naturalOrder()));

	private final String id;

	private final UnitLevel level;

	private final List<UnitVersion> versions;

	private final int revision;

	/** Folded names and full names of each version, for search: parallel to versions. */
	private final String[] foldedNames;

	private final String[] foldedFullNames;

	/**
	 * Kept for the 10,800 units above groups; a group's is built when asked (see below).
	 */
	private final @Nullable String sortKey;

	/** Computed once: every page of units shows it (groups: built when asked). */
	private final @Nullable String globalId;

	/**
	 * The strings that units repeat (ids as parent ids, the names, codes and types of
	 * residential groups: "Thôn mẫu 01" in thousands of communes) are interned, and a
	 * residential group keeps no sort key and global id of its own: the nation's some
	 * 85,000 groups would otherwise hold about 60 MB of copies (bench/communities).
	 */
	AdministrativeUnit(String id, UnitLevel level, List<UnitVersion> versions, int revision) {
		if (versions.isEmpty()) {
			throw new IllegalArgumentException("A unit has at least one version: " + id);
		}
		this.id = id.intern();
		this.level = level;
		List<UnitVersion> sorted = new ArrayList<>(versions.size());
		for (UnitVersion version : versions) {
			sorted.add(version.interned());
		}
		sorted.sort(OLDEST_FIRST);
		this.versions = List.copyOf(sorted);
		this.revision = revision;
		this.foldedNames = new String[sorted.size()];
		this.foldedFullNames = new String[sorted.size()];
		for (int i = 0; i < sorted.size(); i++) {
			this.foldedNames[i] = SearchKey.fold(sorted.get(i).name()).intern();
			this.foldedFullNames[i] = SearchKey.fold(sorted.get(i).fullName()).intern();
		}
		boolean group = level == UnitLevel.RESIDENTIAL_GROUP;
		this.sortKey = group ? null : sortKey(this.id, level, latest());
		this.globalId = group ? null : GlobalId.unit(this.id);
	}

	/**
	 * Lists are ordered by level, then code (residential groups: by commune, then code or
	 * name), then id so that the order is total and cursors are stable. Built from the
	 * latest version so that a unit keeps its place whatever date is asked.
	 */
	private static String sortKey(String id, UnitLevel level, UnitVersion latest) {
		String code = (latest.code() != null) ? latest.code() : "";
		if (level == UnitLevel.RESIDENTIAL_GROUP) {
			String parent = (latest.parentId() != null) ? latest.parentId() : "";
			String number = (code.isEmpty()) ? SearchKey.fold(latest.name()) : code;
			return level.ordinal() + "|" + parent + "|" + number + "|" + id;
		}
		return level.ordinal() + "|" + code + "|" + id;
	}

	String id() {
		return this.id;
	}

	String globalId() {
		return (this.globalId != null) ? this.globalId : GlobalId.unit(this.id);
	}

	UnitLevel level() {
		return this.level;
	}

	List<UnitVersion> versions() {
		return this.versions;
	}

	int revision() {
		return this.revision;
	}

	String sortKey() {
		return (this.sortKey != null) ? this.sortKey : sortKey(this.id, this.level, latest());
	}

	UnitVersion latest() {
		return this.versions.get(this.versions.size() - 1);
	}

	@Nullable UnitVersion versionAt(LocalDate date) {
		for (int i = this.versions.size() - 1; i >= 0; i--) {
			UnitVersion version = this.versions.get(i);
			if (version.inForceAt(date)) {
				return version;
			}
		}
		return null;
	}

	/**
	 * The version in force on {@code date}, else the last one that ended before it, else
	 * the first one (which starts after it).
	 */
	UnitVersion nearestVersion(LocalDate date) {
		UnitVersion nearest = this.versions.get(0);
		for (UnitVersion version : this.versions) {
			if (version.inForceAt(date)) {
				return version;
			}
			if (version.validTo() != null && !date.isBefore(version.validTo())) {
				nearest = version;
			}
		}
		return nearest;
	}

	/**
	 * Whether the version in force on {@code date} has a name or full name matching the
	 * folded {@code query} at the start of a word.
	 */
	boolean nameMatchesAt(LocalDate date, String query) {
		for (int i = this.versions.size() - 1; i >= 0; i--) {
			if (this.versions.get(i).inForceAt(date)) {
				return SearchKey.matchesAtWord(this.foldedNames[i], query)
						|| SearchKey.matchesAtWord(this.foldedFullNames[i], query);
			}
		}
		return false;
	}

	/**
	 * Every word of every name the unit ever had, folded: what the search index holds.
	 */
	List<String> searchWords() {
		List<String> words = new ArrayList<>();
		for (int i = 0; i < this.versions.size(); i++) {
			for (String word : this.foldedNames[i].split(" ")) {
				words.add(word);
			}
			for (String word : this.foldedFullNames[i].split(" ")) {
				words.add(word);
			}
		}
		return words;
	}

	/**
	 * Folded names and full names of all versions: stored for the raw-driver benchmark.
	 */
	List<String> searchKeys() {
		List<String> keys = new ArrayList<>();
		for (int i = 0; i < this.versions.size(); i++) {
			if (!keys.contains(this.foldedNames[i])) {
				keys.add(this.foldedNames[i]);
			}
			if (!keys.contains(this.foldedFullNames[i])) {
				keys.add(this.foldedFullNames[i]);
			}
		}
		return keys;
	}

	AdministrativeUnit withVersions(List<UnitVersion> newVersions) {
		return new AdministrativeUnit(this.id, this.level, newVersions, this.revision + 1);
	}

	/** Same data, ignoring the revision: whether a write would change anything. */
	boolean sameData(AdministrativeUnit other) {
		return this.id.equals(other.id) && this.level == other.level && this.versions.equals(other.versions);
	}

	@Override
	public String toString() {
		return latest().fullName() + " (" + this.id + ")";
	}

}
