package vn.ydan.api.units;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * The whole registry in memory at one revision, with the indexes that reads need
 * (MongoDB's stand-in has no secondary indexes, so queries on the store would scan).
 * Immutable: a write builds a new snapshot and swaps it in, so readers never lock and
 * never see half a write.
 * <p>
 * Rebuilding is linear in the number of units (tens of milliseconds for the 10,794
 * national units; a few hundred for ~95,000 with residential groups): fine for the
 * registry's write rate (imports, officials' corrections), not for a stream of writes.
 */
final class Snapshot {

	/** At most this many cached list entries (4 bytes each): a few MB. */
	private static final int CACHE_LIMIT = 500_000;

	private static final int COUNTS_LIMIT = 20_000;

	private static final AdministrativeUnit[] NONE = {};

	static final Snapshot EMPTY = new Snapshot(Map.of(), List.of(), 0);

	private final long revision;

	private final Map<String, AdministrativeUnit> byId;

	private final List<AdministrativeUnit> all;

	private final Map<UnitLevel, List<AdministrativeUnit>> byLevel = new EnumMap<>(UnitLevel.class);

	/** Every code a unit ever held → the units. */
	private final Map<String, List<AdministrativeUnit>> byCode = new HashMap<>();

	/** Every unit that was ever a parent → the units that ever were its children. */
	private final Map<String, List<AdministrativeUnit>> childrenOf = new HashMap<>();

	/** Every word of every name ever held, folded → the units. */
	private final NavigableMap<String, AdministrativeUnit[]> words;

	private final List<Lineage> lineage;

	private final Map<String, List<Lineage>> byPredecessor = new HashMap<>();

	private final Map<String, List<Lineage>> bySuccessor = new HashMap<>();

	/** Lists already filtered, by filter and date (see {@link #matching}). */
	private final Map<Query, List<AdministrativeUnit>> matches = new ConcurrentHashMap<>();

	private final AtomicInteger cachedReferences = new AtomicInteger();

	/** {@link #descendantCounts}, by unit and date; cleared when full. */
	private final Map<CountsKey, Map<UnitType, Integer>> counts = new ConcurrentHashMap<>();

	/** Built on the first address lookup of this snapshot (see {@link #addresses}). */
	private volatile @Nullable AddressIndex addresses;

	private Snapshot(Map<String, AdministrativeUnit> byId, List<Lineage> lineage, long revision) {
		this.revision = revision;
		this.byId = byId;
		this.all = sortedBySortKey(byId.values());
		Map<String, List<AdministrativeUnit>> wordLists = new HashMap<>();
		for (AdministrativeUnit unit : this.all) {
			this.byLevel.computeIfAbsent(unit.level(), (level) -> new ArrayList<>()).add(unit);
			Set<String> codes = new LinkedHashSet<>();
			Set<String> parents = new LinkedHashSet<>();
			for (UnitVersion version : unit.versions()) {
				if (version.code() != null) {
					codes.add(version.code());
				}
				if (version.parentId() != null) {
					parents.add(version.parentId());
				}
			}
			codes.forEach((code) -> this.byCode.computeIfAbsent(code, (key) -> new ArrayList<>(1)).add(unit));
			parents.forEach((parent) -> this.childrenOf.computeIfAbsent(parent, (key) -> new ArrayList<>()).add(unit));
			for (String word : new LinkedHashSet<>(unit.searchWords())) {
				if (!word.isEmpty()) {
					wordLists.computeIfAbsent(word, (key) -> new ArrayList<>(2)).add(unit);
				}
			}
		}
		TreeMap<String, AdministrativeUnit[]> index = new TreeMap<>();
		wordLists.forEach((word, units) -> index.put(word, units.toArray(NONE)));
		this.words = index;
		this.lineage = List.copyOf(lineage);
		for (Lineage link : lineage) {
			this.byPredecessor.computeIfAbsent(link.predecessorId(), (key) -> new ArrayList<>()).add(link);
			this.bySuccessor.computeIfAbsent(link.successorId(), (key) -> new ArrayList<>()).add(link);
		}
	}

	static Snapshot of(Collection<AdministrativeUnit> units, Collection<Lineage> lineage, long revision) {
		Map<String, AdministrativeUnit> byId = new HashMap<>(units.size() * 2);
		units.forEach((unit) -> byId.put(unit.id(), unit));
		return new Snapshot(byId, List.copyOf(lineage), revision);
	}

	/** This snapshot with {@code changed} units added or replaced. */
	Snapshot with(Collection<AdministrativeUnit> changed, long newRevision) {
		Map<String, AdministrativeUnit> byId = new HashMap<>(this.byId);
		changed.forEach((unit) -> byId.put(unit.id(), unit));
		return new Snapshot(byId, this.lineage, newRevision);
	}

	/**
	 * This snapshot with {@code changed} units and {@code links} added or replaced (by
	 * id): what a restructuring wrote, without reading the store again.
	 */
	Snapshot with(Collection<AdministrativeUnit> changed, Collection<Lineage> links, long newRevision) {
		Map<String, AdministrativeUnit> byId = new HashMap<>(this.byId);
		changed.forEach((unit) -> byId.put(unit.id(), unit));
		Map<String, Lineage> linksById = new java.util.LinkedHashMap<>();
		this.lineage.forEach((link) -> linksById.put(link.id(), link));
		links.forEach((link) -> linksById.put(link.id(), link));
		return new Snapshot(byId, List.copyOf(linksById.values()), newRevision);
	}

	long revision() {
		return this.revision;
	}

	/**
	 * The names of this snapshot's units, for address lookups: built once per snapshot (a
	 * write makes a new one), on first use, so that a lookup is a few map reads.
	 */
	AddressIndex addresses() {
		AddressIndex index = this.addresses;
		if (index == null) {
			index = new AddressIndex(this.all);
			this.addresses = index;
		}
		return index;
	}

	List<AdministrativeUnit> ofLevel(UnitLevel level) {
		return this.byLevel.getOrDefault(level, List.of());
	}

	int size() {
		return this.byId.size();
	}

	Collection<AdministrativeUnit> units() {
		return this.all;
	}

	@Nullable AdministrativeUnit unit(String id) {
		return this.byId.get(id);
	}

	/** Units that ever held {@code code}, at any level. */
	List<AdministrativeUnit> everHolding(String code) {
		return this.byCode.getOrDefault(code, List.of());
	}

	/**
	 * The unit of {@code level} (any level when null) whose version on {@code date} has
	 * {@code code}; with several (the same digits at two levels), the highest level. A
	 * null date means "since ever".
	 */
	@Nullable AdministrativeUnit holding(String code, @Nullable UnitLevel level, @Nullable LocalDate date) {
		AdministrativeUnit found = null;
		for (AdministrativeUnit unit : everHolding(code)) {
			if (level != null && unit.level() != level) {
				continue;
			}
			for (UnitVersion version : unit.versions()) {
				if (code.equals(version.code()) && version.inForceAtOrSinceEver(date)
						&& (found == null || unit.level().isAbove(found.level()))) {
					found = unit;
				}
			}
		}
		return found;
	}

	/** The units ever below {@code parentId}, in list order. */
	List<AdministrativeUnit> everChildrenOf(String parentId) {
		return this.childrenOf.getOrDefault(parentId, List.of());
	}

	List<Lineage> linksFrom(String predecessorId) {
		return this.byPredecessor.getOrDefault(predecessorId, List.of());
	}

	List<Lineage> linksTo(String successorId) {
		return this.bySuccessor.getOrDefault(successorId, List.of());
	}

	/**
	 * Counts by type of every unit below {@code unitId} on {@code date}, walking the
	 * parent links in force then.
	 */
	Map<UnitType, Integer> descendantCounts(String unitId, LocalDate date) {
		// A province's counts walk its 10,000 descendants; asked for by every unit of a
		// page, once per snapshot is enough. Bounded: dates are the caller's.
		CountsKey key = new CountsKey(unitId, date);
		Map<UnitType, Integer> cached = this.counts.get(key);
		if (cached != null) {
			return cached;
		}
		// In the order of the types (an EnumMap), as the schema lists them.
		Map<UnitType, Integer> counted = java.util.Collections.unmodifiableMap(countDescendants(unitId, date));
		if (this.counts.size() >= COUNTS_LIMIT) {
			this.counts.clear();
		}
		this.counts.put(key, counted);
		return counted;
	}

	private Map<UnitType, Integer> countDescendants(String unitId, LocalDate date) {
		Map<UnitType, Integer> counts = new EnumMap<>(UnitType.class);
		Deque<String> pending = new ArrayDeque<>();
		Set<String> seen = new java.util.HashSet<>();
		pending.add(unitId);
		seen.add(unitId);
		while (!pending.isEmpty()) {
			String parent = pending.poll();
			for (AdministrativeUnit child : everChildrenOf(parent)) {
				UnitVersion version = child.versionAt(date);
				if (version != null && parent.equals(version.parentId()) && seen.add(child.id())) {
					counts.merge(version.type(), 1, Integer::sum);
					pending.add(child.id());
				}
			}
		}
		return counts;
	}

	/**
	 * A page of the units in force on {@code date} that pass the filters, in list order
	 * (level, then code), after the unit whose sort key is {@code afterKey}.
	 */
	Page page(Filter filter, LocalDate date, @Nullable String afterKey, int first) {
		List<AdministrativeUnit> matching = matching(filter, date);
		int start = (afterKey != null) ? firstAfter(matching, afterKey) : 0;
		int end = Math.min(matching.size(), start + first);
		return new Page(matching.subList(start, end), matching.size(), end < matching.size(), start > 0);
	}

	/**
	 * The units that pass the filters on a date. Kept for the life of the snapshot (which
	 * never changes), so that the next page, the same list for another client, or its
	 * count cost a lookup; the cache is bounded by the references it holds.
	 */
	private List<AdministrativeUnit> matching(Filter filter, LocalDate date) {
		Query query = new Query(filter, date);
		List<AdministrativeUnit> cached = this.matches.get(query);
		if (cached != null) {
			return cached;
		}
		List<AdministrativeUnit> found = new ArrayList<>();
		for (AdministrativeUnit unit : source(filter)) {
			if (filter.accepts(unit, date)) {
				found.add(unit);
			}
		}
		List<AdministrativeUnit> matching = List.copyOf(found);
		if (this.cachedReferences.addAndGet(matching.size() + 1) > CACHE_LIMIT) {
			this.matches.clear();
			this.cachedReferences.set(matching.size() + 1);
		}
		this.matches.put(query, matching);
		return matching;
	}

	/** Index of the first unit whose sort key is greater than {@code key}. */
	private static int firstAfter(List<AdministrativeUnit> sorted, String key) {
		int low = 0;
		int high = sorted.size();
		while (low < high) {
			int middle = (low + high) >>> 1;
			if (sorted.get(middle).sortKey().compareTo(key) <= 0) {
				low = middle + 1;
			}
			else {
				high = middle;
			}
		}
		return low;
	}

	private List<AdministrativeUnit> source(Filter filter) {
		if (filter.search() != null) {
			return searchCandidates(filter.search());
		}
		if (filter.parentId() != null) {
			return everChildrenOf(filter.parentId());
		}
		if (filter.level() != null) {
			return this.byLevel.getOrDefault(filter.level(), List.of());
		}
		return this.all;
	}

	/**
	 * Units with a name word equal to each complete word of the query and one starting
	 * with its last word; the caller checks the phrase on the version in force. Picks the
	 * most selective word to start from.
	 */
	private List<AdministrativeUnit> searchCandidates(String query) {
		String[] tokens = query.split(" ");
		AdministrativeUnit[] best = null;
		for (int i = 0; i < tokens.length - 1; i++) {
			AdministrativeUnit[] exact = this.words.getOrDefault(tokens[i], NONE);
			if (best == null || exact.length < best.length) {
				best = exact;
			}
		}
		Collection<AdministrativeUnit> candidates;
		if (best != null) {
			candidates = List.of(best);
		}
		else {
			String prefix = tokens[tokens.length - 1];
			Set<AdministrativeUnit> union = new java.util.HashSet<>();
			for (AdministrativeUnit[] units : this.words.subMap(prefix, true, prefix + Character.MAX_VALUE, false)
				.values()) {
				union.addAll(List.of(units));
			}
			candidates = union;
		}
		return sortedBySortKey(candidates);
	}

	/**
	 * The units in list order, each sort key built once (a residential group builds its
	 * own when asked, and a sort asks about 17 times per unit).
	 */
	private static List<AdministrativeUnit> sortedBySortKey(Collection<AdministrativeUnit> units) {
		record Keyed(String key, AdministrativeUnit unit) {
		}
		List<Keyed> keyed = new ArrayList<>(units.size());
		for (AdministrativeUnit unit : units) {
			keyed.add(new Keyed(unit.sortKey(), unit));
		}
		keyed.sort(Comparator.comparing(Keyed::key));
		AdministrativeUnit[] sorted = new AdministrativeUnit[keyed.size()];
		for (int i = 0; i < sorted.length; i++) {
			sorted[i] = keyed.get(i).unit();
		}
		return List.of(sorted);
	}

	/**
	 * What to list.
	 *
	 * @param level only this level (null: all)
	 * @param type only this type (null: all)
	 * @param parentId only direct children of this unit on the date (null: anywhere)
	 * @param search folded words to find in the name or full name (null: no search)
	 */
	record Filter(@Nullable UnitLevel level, @Nullable UnitType type, @Nullable String parentId,
			@Nullable String search) {

		boolean accepts(AdministrativeUnit unit, LocalDate date) {
			if (this.level != null && unit.level() != this.level) {
				return false;
			}
			UnitVersion version = unit.versionAt(date);
			if (version == null) {
				return false;
			}
			if (this.type != null && version.type() != this.type) {
				return false;
			}
			if (this.parentId != null && !this.parentId.equals(version.parentId())) {
				return false;
			}
			return this.search == null || unit.nameMatchesAt(date, this.search);
		}

	}

	private record Query(Filter filter, LocalDate date) {
	}

	/**
	 * @param units the units of the page
	 * @param totalCount how many pass the filters in all
	 * @param hasNext whether units follow the page
	 * @param hasPrevious whether units precede it
	 */
	record Page(List<AdministrativeUnit> units, int totalCount, boolean hasNext, boolean hasPrevious) {
	}

	private record CountsKey(String unitId, LocalDate date) {
	}

}
