package vn.ydan.api.units;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import vn.ydan.api.access.UnitHierarchy;

import org.springframework.stereotype.Component;

/**
 * Walks up the read model for {@link vn.ydan.api.access.UnitScope}, as of today.
 */
@Component
class UnitHierarchyFromRegistry implements UnitHierarchy {

	private final Registry registry;

	UnitHierarchyFromRegistry(Registry registry) {
		this.registry = registry;
	}

	@Override
	public List<String> identifiersUpward(String unitId) {
		Snapshot snapshot = this.registry.current();
		LocalDate today = VietnamTime.today();
		List<String> identifiers = new ArrayList<>();
		AdministrativeUnit unit = snapshot.unit(unitId);
		for (int depth = 0; unit != null && depth < 8; depth++) {
			UnitVersion version = unit.nearestVersion(today);
			identifiers.add(unit.id());
			identifiers.add(GlobalId.unit(unit.id()));
			// GSO codes differ in length by level (2, 3, 5 digits); residential groups'
			// codes are local to their commune, so a scope cannot name one by code.
			if (version.code() != null && unit.level() != UnitLevel.RESIDENTIAL_GROUP) {
				identifiers.add(version.code());
			}
			unit = (version.parentId() != null) ? snapshot.unit(version.parentId()) : null;
		}
		return identifiers;
	}

}
