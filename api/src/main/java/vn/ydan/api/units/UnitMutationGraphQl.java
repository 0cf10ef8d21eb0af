package vn.ydan.api.units;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * The registry's mutations; who may call them is decided by {@link UnitAdministration}.
 */
@Controller
class UnitMutationGraphQl {

	private final UnitAdministration administration;

	UnitMutationGraphQl(UnitAdministration administration) {
		this.administration = administration;
	}

	@MutationMapping
	UnitImportResult importUnits(@Argument UnitImportInput input) {
		return this.administration.importUnits(input.kind(), input.csv(), input.validFrom(),
				Boolean.TRUE.equals(input.dryRun()));
	}

	@MutationMapping
	UnitPayload updateUnit(@Argument UpdateUnitInput input) {
		return this.administration.update(GlobalId.unitId(input.id()), input);
	}

	@MutationMapping
	UnitPayload addResidentialGroup(@Argument AddResidentialGroupInput input) {
		return this.administration.addResidentialGroup(GlobalId.unitId(input.communeId()), input);
	}

	/**
	 * @param kind shape of the file
	 * @param csv the file's text
	 * @param validFrom start of validity for rows without one
	 * @param dryRun check and count only
	 */
	record UnitImportInput(UnitImportKind kind, String csv, @Nullable LocalDate validFrom, @Nullable Boolean dryRun) {
	}

	/**
	 * @param id global id of the unit
	 * @param name new name, or null to keep it
	 * @param fullName new full name, or null
	 * @param areaKm2 new area, or null
	 * @param population new population, or null
	 * @param households new households, or null
	 * @param expectedVersion the version the change is based on, or null not to check
	 */
	record UpdateUnitInput(String id, @Nullable String name, @Nullable String fullName, @Nullable Double areaKm2,
			@Nullable Integer population, @Nullable Integer households, @Nullable Integer expectedVersion) {
	}

	/**
	 * @param communeId global id of the commune
	 * @param code code within the commune, if any
	 * @param name name of the group
	 * @param type a residential-group type
	 * @param households number of households
	 */
	record AddResidentialGroupInput(String communeId, @Nullable String code, String name, UnitType type,
			int households) {
	}

}
