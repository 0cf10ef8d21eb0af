package vn.ydan.admin.security;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Outside development the console refuses to start with the development realm's client
 * secret; development is only what {@code ydan.environment} says.
 */
class DeploymentSafetyUnitTest {

	@Test
	void productionRefusesTheDevelopmentClientSecret() {
		MockEnvironment production = new MockEnvironment().withProperty("ydan.keycloak.client-secret",
				"ydan-console-dev-secret");

		assertThatThrownBy(() -> DeploymentSafety.check(production))
			.isInstanceOf(DeploymentSafety.UnsafeDeploymentException.class)
			.hasMessageContaining("ydan.keycloak.client-secret is a development secret");
	}

	@Test
	void productionRefusesAnEmptySecret() {
		assertThatThrownBy(() -> DeploymentSafety.check(new MockEnvironment()))
			.hasMessageContaining("ydan.keycloak.client-secret is empty");
	}

	@Test
	void productionStartsWithItsOwnSecret() {
		MockEnvironment production = new MockEnvironment().withProperty("ydan.keycloak.client-secret",
				"s3cr3t-from-the-vault");

		assertThatCode(() -> DeploymentSafety.check(production)).doesNotThrowAnyException();
	}

	@Test
	void developmentStartsWithTheDevelopmentSecret() {
		MockEnvironment development = new MockEnvironment().withProperty("ydan.environment", "development")
			.withProperty("ydan.keycloak.client-secret", "ydan-console-dev-secret");

		assertThatCode(() -> DeploymentSafety.check(development)).doesNotThrowAnyException();
	}

}
