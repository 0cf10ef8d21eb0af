package vn.ydan.api.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Nothing ships open: outside development the api refuses to start with a secret of the
 * development realm or with the demo data on. Development is said, never guessed:
 * {@value #PROPERTY}{@code =development} ({@code YDAN_ENVIRONMENT}), which
 * {@code ./ydan run}, the tests and the end-to-end system set; anything else, unset
 * included, is production (decision 13).
 * <p>
 * A bean factory post-processor, so that it runs before any other bean is made: the store
 * is not opened, nor the demo data loaded, by an api that will not run.
 */
@Component
class DeploymentSafety implements BeanFactoryPostProcessor, EnvironmentAware {

	static final String PROPERTY = "ydan.environment";

	static final String DEVELOPMENT = "development";

	/**
	 * The secrets and passwords published in {@code keycloak-realm/ydan-realm.json} and
	 * the scripts: known to everyone who read the repository.
	 */
	static final Set<String> DEVELOPMENT_SECRETS = Set.of("ydan-console-dev-secret", "ydan-role-manager-dev-secret",
			"ydan-demo-partner-dev-secret", "admin-dev-only", "ydan-dev-2025");

	private static final List<String> SECRETS = List.of("ydan.keycloak.admin.client-secret");

	private static final List<String> DEMO_SWITCHES = List.of("ydan.demo-data.enabled", "ydan.demo-data.communities",
			"ydan.demo-data.simulate-answers");

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		check(this.environment);
	}

	/** Whether {@code environment} says it is development. */
	static boolean isDevelopment(Environment environment) {
		return DEVELOPMENT.equals(environment.getProperty(PROPERTY, "").strip().toLowerCase(Locale.ROOT));
	}

	/**
	 * Throws {@link UnsafeDeploymentException} naming every problem, in production.
	 */
	static void check(Environment environment) {
		if (isDevelopment(environment)) {
			return;
		}
		List<String> problems = new ArrayList<>();
		for (String property : SECRETS) {
			String value = environment.getProperty(property, "");
			if (value.isBlank()) {
				problems.add(property + " is empty");
			}
			else if (DEVELOPMENT_SECRETS.contains(value.strip())) {
				problems.add(property + " is a development secret published in the repository");
			}
		}
		for (String property : DEMO_SWITCHES) {
			if (environment.getProperty(property, Boolean.class, false)) {
				problems.add(property + " is true (demo data and synthetic answers are for development only)");
			}
		}
		if (!problems.isEmpty()) {
			throw new UnsafeDeploymentException("ydan-api", problems);
		}
	}

}
