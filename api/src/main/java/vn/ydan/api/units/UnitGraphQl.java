package vn.ydan.api.units;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.ydan.api.protocol.BadRequestException;
import vn.ydan.api.protocol.VietnamTime;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The public reads of the registry. Everything comes from the in-memory read model; the
 * nested fields that fan out over a page (parent, ancestors, lineage) are batch-loaded
 * all the same, so that they stay one call per page if they ever come from the store.
 */
@Controller
class UnitGraphQl {

	static final int MAX_PAGE = 100;

	private final RegistryReadModel registry;

	private final Clock clock;

	UnitGraphQl(RegistryReadModel registry, Clock clock) {
		this.registry = registry;
		this.clock = clock;
	}

	@QueryMapping
	@Nullable Object node(@Argument String id) {
		String[] parts = GlobalId.parse(id);
		if (parts == null) {
			throw new BadRequestException("Not a global id: " + id);
		}
		if (!GlobalId.UNIT.equals(parts[0])) {
			return null;
		}
		AdministrativeUnit unit = this.registry.current().unit(parts[1]);
		return (unit != null) ? Unit.at(unit, VietnamTime.today(this.clock)) : null;
	}

	@QueryMapping
	@Nullable Unit unit(@Argument String id, @Argument @Nullable LocalDate asOf) {
		AdministrativeUnit unit = this.registry.current().unit(GlobalId.unitId(id));
		return (unit != null) ? Unit.at(unit, orToday(asOf)) : null;
	}

	@QueryMapping
	@Nullable Unit unitByCode(@Argument String code, @Argument @Nullable UnitLevel level, @Argument @Nullable LocalDate asOf) {
		LocalDate date = orToday(asOf);
		AdministrativeUnit unit = this.registry.current().holding(code.strip(), level, date);
		return (unit != null) ? Unit.at(unit, date) : null;
	}

	@QueryMapping
	UnitConnection units(@Argument @Nullable UnitLevel level, @Argument @Nullable UnitType type,
			@Argument @Nullable String parentId, @Argument @Nullable String search, @Argument @Nullable LocalDate asOf,
			@Argument int first, @Argument @Nullable String after) {
		LocalDate date = orToday(asOf);
		String folded = (search != null) ? SearchKey.fold(search) : "";
		Snapshot.Filter filter = new Snapshot.Filter(level, type, (parentId != null) ? GlobalId.unitId(parentId) : null,
				folded.isEmpty() ? null : folded);
		return UnitConnection.of(this.registry.current().page(filter, date, Cursor.sortKey(after), pageSize(first)),
				date);
	}

	/**
	 * A map, not a list: a province has no parent, and a batch list may not hold nulls.
	 */
	@BatchMapping(typeName = "Unit")
	Map<Unit, Unit> parent(List<Unit> units) {
		Snapshot snapshot = this.registry.current();
		Map<Unit, Unit> parents = new HashMap<>(units.size() * 2);
		for (Unit unit : units) {
			Unit parent = parentOf(snapshot, unit);
			if (parent != null) {
				parents.put(unit, parent);
			}
		}
		return parents;
	}

	@BatchMapping(typeName = "Unit")
	List<List<Unit>> ancestors(List<Unit> units) {
		Snapshot snapshot = this.registry.current();
		List<List<Unit>> all = new ArrayList<>(units.size());
		for (Unit unit : units) {
			List<Unit> ancestors = new ArrayList<>(3);
			Unit parent = parentOf(snapshot, unit);
			// The levels bound the depth; the limit guards against a corrupt store.
			while (parent != null && ancestors.size() < 8) {
				ancestors.add(parent);
				parent = parentOf(snapshot, parent);
			}
			all.add(ancestors);
		}
		return all;
	}

	@SchemaMapping(typeName = "Unit")
	UnitConnection children(Unit unit, @Argument @Nullable UnitLevel level, @Argument @Nullable UnitType type,
			@Argument int first, @Argument @Nullable String after) {
		Snapshot.Filter filter = new Snapshot.Filter(level, type, unit.registered().id(), null);
		return UnitConnection
			.of(this.registry.current().page(filter, unit.asOf(), Cursor.sortKey(after), pageSize(first)), unit.asOf());
	}

	@SchemaMapping(typeName = "Unit")
	List<TypeCount> childCounts(Unit unit) {
		Map<UnitType, Integer> counts = this.registry.current().descendantCounts(unit.registered().id(), unit.asOf());
		List<TypeCount> list = new ArrayList<>(counts.size());
		counts.forEach((type, count) -> list.add(new TypeCount(type, count)));
		return list;
	}

	@BatchMapping(typeName = "Unit")
	List<List<LineageLink>> predecessors(List<Unit> units) {
		Snapshot snapshot = this.registry.current();
		List<List<LineageLink>> all = new ArrayList<>(units.size());
		for (Unit unit : units) {
			List<LineageLink> links = new ArrayList<>();
			for (Lineage link : snapshot.linksTo(unit.registered().id())) {
				AdministrativeUnit predecessor = snapshot.unit(link.predecessorId());
				if (predecessor != null) {
					// As it stood on its last day before the change.
					links.add(link(link, Unit.at(predecessor, link.effectiveDate().minusDays(1))));
				}
			}
			all.add(links);
		}
		return all;
	}

	@BatchMapping(typeName = "Unit")
	List<List<LineageLink>> successors(List<Unit> units) {
		Snapshot snapshot = this.registry.current();
		List<List<LineageLink>> all = new ArrayList<>(units.size());
		for (Unit unit : units) {
			List<LineageLink> links = new ArrayList<>();
			for (Lineage link : snapshot.linksFrom(unit.registered().id())) {
				AdministrativeUnit successor = snapshot.unit(link.successorId());
				if (successor != null) {
					links.add(link(link, Unit.at(successor, link.effectiveDate())));
				}
			}
			all.add(links);
		}
		return all;
	}

	@SchemaMapping(typeName = "Unit")
	List<UnitVersion> history(Unit unit) {
		return unit.registered().versions();
	}

	/** The parent of a past version: as it stood on the version's last day. */
	@SchemaMapping(typeName = "UnitVersion", field = "parent")
	@Nullable Unit versionParent(UnitVersion version) {
		if (version.parentId() == null) {
			return null;
		}
		AdministrativeUnit parent = this.registry.current().unit(version.parentId());
		return (parent != null) ? Unit.at(parent, version.clamp(VietnamTime.today(this.clock))) : null;
	}

	private static @Nullable Unit parentOf(Snapshot snapshot, Unit unit) {
		String parentId = unit.current().parentId();
		if (parentId == null) {
			return null;
		}
		AdministrativeUnit parent = snapshot.unit(parentId);
		return (parent != null) ? Unit.at(parent, unit.asOf()) : null;
	}

	private static LineageLink link(Lineage link, Unit other) {
		return new LineageLink(other, link.relation(), link.detail(), link.effectiveDate(), link.legalBasis());
	}

	LocalDate orToday(@Nullable LocalDate asOf) {
		return (asOf != null) ? asOf : VietnamTime.today(this.clock);
	}

	private static int pageSize(int first) {
		if (first < 0 || first > MAX_PAGE) {
			throw new BadRequestException("`first` must be between 0 and " + MAX_PAGE + ", was " + first + ".");
		}
		return first;
	}

}
