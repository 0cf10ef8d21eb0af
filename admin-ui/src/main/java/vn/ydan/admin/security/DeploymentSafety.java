package vn.ydan.admin.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Nothing ships open: outside development the console refuses to start with the client
 * secret of the development realm. Development is said, never guessed:
 * {@value #PROPERTY}{@code =development} ({@code YDAN_ENVIRONMENT}), which
 * {@code ./ydan run}, the tests and the end-to-end system set; anything else, unset
 * included, is production (the api does the same; its decision 13).
 * <p>
 * A bean factory post-processor, so that it runs before any other bean is made.
 */
@Component
class DeploymentSafety implements BeanFactoryPostProcessor, EnvironmentAware {

	static final String PROPERTY = "ydan.environment";

	static final String DEVELOPMENT = "development";

	/** Secrets and passwords published in {@code keycloak-realm/ydan-realm.json}. */
	static final Set<String> DEVELOPMENT_SECRETS = Set.of("ydan-console-dev-secret", "ydan-role-manager-dev-secret",
			"ydan-demo-partner-dev-secret", "admin-dev-only", "ydan-dev-2025");

	private static final String SECRET = "ydan.keycloak.client-secret";

	private @Nullable Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		if (this.environment != null) {
			check(this.environment);
		}
	}

	/** Throws {@link UnsafeDeploymentException} naming every problem, in production. */
	static void check(Environment environment) {
		if (DEVELOPMENT.equals(environment.getProperty(PROPERTY, "").strip().toLowerCase(Locale.ROOT))) {
			return;
		}
		List<String> problems = new ArrayList<>();
		String secret = environment.getProperty(SECRET, "");
		if (secret.isBlank()) {
			problems.add(SECRET + " is empty");
		}
		else if (DEVELOPMENT_SECRETS.contains(secret.strip())) {
			problems.add(SECRET + " is a development secret published in the repository");
		}
		if (!problems.isEmpty()) {
			throw new UnsafeDeploymentException(problems);
		}
	}

	/** The console was started outside development with a development-only setting. */
	static final class UnsafeDeploymentException extends IllegalStateException {

		private final List<String> problems;

		UnsafeDeploymentException(List<String> problems) {
			super("ydan-console refuses to start outside development: " + String.join("; ", problems));
			this.problems = List.copyOf(problems);
		}

	}

	/**
	 * Reports the refusal without a stack trace (registered in
	 * {@code META-INF/spring.factories}).
	 */
	static final class Analyzer extends AbstractFailureAnalyzer<UnsafeDeploymentException> {

		@Override
		protected FailureAnalysis analyze(Throwable rootFailure, UnsafeDeploymentException cause) {
			return new FailureAnalysis(
					"The console runs as production (" + PROPERTY + " is not '" + DEVELOPMENT + "') and:\n  - "
							+ String.join("\n  - ", cause.problems),
					"Set YDAN_CONSOLE_CLIENT_SECRET to the secret of the ydan-console client of your realm. "
							+ "For development only, set YDAN_ENVIRONMENT=development (./ydan run does).",
					cause);
		}

	}

}
