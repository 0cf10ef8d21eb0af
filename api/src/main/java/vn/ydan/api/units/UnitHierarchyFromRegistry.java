package vn.ydan.api.units;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.ydan.api.access.UnitHierarchy;
import vn.ydan.api.protocol.VietnamTime;

import org.springframework.stereotype.Component;

/**
 * Walks up the read model for {@link vn.ydan.api.access.UnitScope}, as of today.
 */
@Component
class UnitHierarchyFromRegistry implements UnitHierarchy {

	private final RegistryReadModel registry;

	private final Clock clock;

	UnitHierarchyFromRegistry(RegistryReadModel registry, Clock clock) {
		this.registry = registry;
		this.clock = clock;
	}

	@Override
	public List<String> identifiersUpward(String unitId) {
		Snapshot snapshot = this.registry.current();
		LocalDate today = VietnamTime.today(this.clock);
		List<String> identifiers = new ArrayList<>();
		AdministrativeUnit unit = snapshot.unit(unitId);
		for (int depth = 0; unit != null && depth < 8; depth++) {
			UnitVersion version = unit.nearestVersion(today);
			addIdentifiers(snapshot, unit, version, identifiers);
			unit = (version.parentId() != null) ? snapshot.unit(version.parentId()) : null;
		}
		return identifiers;
	}

	@Override
	public List<String> identifiersOfCommune(String unitId) {
		Snapshot snapshot = this.registry.current();
		LocalDate today = VietnamTime.today(this.clock);
		AdministrativeUnit unit = snapshot.unit(unitId);
		if (unit != null && unit.level() == UnitLevel.RESIDENTIAL_GROUP) {
			String parentId = unit.nearestVersion(today).parentId();
			unit = (parentId != null) ? snapshot.unit(parentId) : null;
		}
		if (unit == null || unit.level() != UnitLevel.COMMUNE) {
			return List.of();
		}
		List<String> identifiers = new ArrayList<>(3);
		addIdentifiers(snapshot, unit, unit.nearestVersion(today), identifiers);
		return identifiers;
	}

	@Override
	public @Nullable ScopeUnit resolve(String identifier) {
		Snapshot snapshot = this.registry.current();
		LocalDate today = VietnamTime.today(this.clock);
		String id = identifier.strip();
		AdministrativeUnit unit = snapshot.unit(id);
		if (unit == null) {
			String[] parts = GlobalId.parse(id);
			if (parts != null && GlobalId.UNIT.equals(parts[0])) {
				unit = snapshot.unit(parts[1]);
			}
		}
		if (unit == null) {
			// A code: the unit holding it today, from the top level down (scopes name
			// provinces by their two digits, districts by three, communes by five).
			for (UnitLevel level : List.of(UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.COMMUNE)) {
				unit = snapshot.holding(id, level, today);
				if (unit != null) {
					break;
				}
			}
		}
		if (unit == null) {
			return null;
		}
		UnitVersion version = unit.nearestVersion(today);
		return new ScopeUnit(unit.id(), unit.globalId(), version.code(), unit.level().name(), version.fullName(),
				unit.versionAt(today) != null, Unit.at(unit, today));
	}

	private static void addIdentifiers(Snapshot snapshot, AdministrativeUnit unit, UnitVersion version,
			List<String> identifiers) {
		identifiers.add(unit.id());
		identifiers.add(GlobalId.unit(unit.id()));
		// GSO codes differ in length by level (2, 3, 5 digits); residential groups'
		// codes are local to their commune, so a scope cannot name one by code. A code
		// reused by another unit of the level (Trúc Bạch's 00004 by the new Ba Đình)
		// names neither: a scope written as that code meant one of them, and following it
		// to the new holder would widen the scope unseen. Ids do not have the problem.
		String code = version.code();
		if (code != null && unit.level() != UnitLevel.RESIDENTIAL_GROUP && onlyHolder(snapshot, unit, code)) {
			identifiers.add(code);
		}
	}

	private static boolean onlyHolder(Snapshot snapshot, AdministrativeUnit unit, String code) {
		return snapshot.everHolding(code).stream().noneMatch((other) -> other != unit && other.level() == unit.level());
	}

}
