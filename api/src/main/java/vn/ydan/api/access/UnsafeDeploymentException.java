package vn.ydan.api.access;

import java.util.List;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The api was started outside development with a configuration that is only safe in
 * development ({@link DeploymentSafety}).
 */
class UnsafeDeploymentException extends IllegalStateException {

	private final List<String> problems;

	UnsafeDeploymentException(String application, List<String> problems) {
		super(application + " refuses to start outside development: " + String.join("; ", problems));
		this.problems = List.copyOf(problems);
	}

	List<String> problems() {
		return this.problems;
	}

	/**
	 * Reports the refusal as Boot reports a wrong configuration: what is wrong and what
	 * to do, without a stack trace (registered in {@code META-INF/spring.factories}).
	 */
	static final class Analyzer extends AbstractFailureAnalyzer<UnsafeDeploymentException> {

		@Override
		protected FailureAnalysis analyze(Throwable rootFailure, UnsafeDeploymentException cause) {
			return new FailureAnalysis(
					"The api runs as production (" + DeploymentSafety.PROPERTY + " is not '"
							+ DeploymentSafety.DEVELOPMENT + "') and:\n  - " + String.join("\n  - ", cause.problems()),
					"Set YDAN_ROLE_MANAGER_SECRET to the secret of the ydan-role-manager client of your realm, and "
							+ "YDAN_DEMODATA_ENABLED=false (see docs/decisions/0013-client-bound-roles-and-safe-deployment.md). "
							+ "For development only, set YDAN_ENVIRONMENT=development (./ydan run does).",
					cause);
		}

	}

}
