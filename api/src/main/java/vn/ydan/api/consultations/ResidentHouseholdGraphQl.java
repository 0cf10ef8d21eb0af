package vn.ydan.api.consultations;

import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code myHousehold}: a resident's own household ({@link ResidentHouseholds}). */
@Controller
class ResidentHouseholdGraphQl {

	private final ResidentHouseholds residents;

	ResidentHouseholdGraphQl(ResidentHouseholds residents) {
		this.residents = residents;
	}

	@QueryMapping
	ResidentHouseholds.@Nullable MyHousehold myHousehold() {
		return this.residents.mine();
	}

}
