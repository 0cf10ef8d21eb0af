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
	UnitImportResult importResidentialGroups(@Argument ResidentialGroupImportInput input) {
		return this.administration.importResidentialGroups(input.csv(), Boolean.TRUE.equals(input.dryRun()));
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
	 * @param csv the file's text
	 * @param dryRun check and count only
	 */
	record ResidentialGroupImportInput(String csv, @Nullable Boolean dryRun) {
	}

}
