package vn.ydan.api.access;

import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Outside development the api refuses to start with a development secret or the demo data
 * on; development is only what {@code ydan.environment} says (decision 13).
 */
class DeploymentSafetyUnitTest {

	@Test
	void productionRefusesTheDevelopmentSecretAndTheDemoData() {
		MockEnvironment production = new MockEnvironment()
			.withProperty("ydan.keycloak.admin.client-secret", "ydan-role-manager-dev-secret")
			.withProperty("ydan.demo-data.enabled", "true");

		assertThatThrownBy(() -> DeploymentSafety.check(production)).isInstanceOf(UnsafeDeploymentException.class)
			.hasMessageContaining("ydan.keycloak.admin.client-secret is a development secret")
			.hasMessageContaining("ydan.demo-data.enabled is true");
	}

	@Test
	void anotherPublishedSecretIsRefusedToo() {
		MockEnvironment production = new MockEnvironment()
			.withProperty("ydan.keycloak.admin.client-secret", "ydan-console-dev-secret")
			.withProperty("ydan.demo-data.enabled", "false");

		assertThatThrownBy(() -> DeploymentSafety.check(production)).isInstanceOf(UnsafeDeploymentException.class);
	}

	@Test
	void anUnsetEnvironmentIsProduction() {
		MockEnvironment unset = new MockEnvironment().withProperty("ydan.demo-data.simulate-answers", "true")
			.withProperty("ydan.keycloak.admin.client-secret", "s3cr3t-from-the-vault");

		assertThatThrownBy(() -> DeploymentSafety.check(unset)).hasMessageContaining("simulate-answers");
	}

	@Test
	void productionStartsWithItsOwnSecretAndNoDemoData() {
		MockEnvironment production = new MockEnvironment().withProperty("ydan.environment", "production")
			.withProperty("ydan.keycloak.admin.client-secret", "s3cr3t-from-the-vault")
			.withProperty("ydan.demo-data.enabled", "false");

		assertThatCode(() -> DeploymentSafety.check(production)).doesNotThrowAnyException();
	}

	@Test
	void developmentStartsWithTheDevelopmentRealmAndDemoData() {
		MockEnvironment development = new MockEnvironment().withProperty("ydan.environment", "development")
			.withProperty("ydan.keycloak.admin.client-secret", "ydan-role-manager-dev-secret")
			.withProperty("ydan.demo-data.enabled", "true");

		assertThatCode(() -> DeploymentSafety.check(development)).doesNotThrowAnyException();
	}

	@Test
	void theRefusalSaysWhatToSet() {
		UnsafeDeploymentException refusal = new UnsafeDeploymentException("ydan-api",
				java.util.List.of("ydan.demo-data.enabled is true"));

		FailureAnalysis analysis = new UnsafeDeploymentException.Analyzer().analyze(refusal);

		assertThat(analysis.getDescription()).contains("ydan.demo-data.enabled is true");
		assertThat(analysis.getAction()).contains("YDAN_ROLE_MANAGER_SECRET").contains("YDAN_DEMODATA_ENABLED=false");
	}

}
