package vn.ydan.api;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

	@Test
	void modulesOnlyUseEachOthersPublicApiWithoutCycles() {
		ApplicationModules.of(YdanApi.class).verify();
	}

}
