package vn.ydan.api.protocol;

import java.util.List;

import graphql.GraphQLError;
import graphql.Scalars;
import graphql.execution.ExecutionId;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.MergedField;
import graphql.execution.ResultPath;
import graphql.language.Field;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorMappingUnitTest {

	private final ErrorMapping mapping = new ErrorMapping();

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void internalErrorsHideTheirMessageAndGiveAReference() {
		GraphQLError error = resolve(new IllegalStateException("mongodb://admin:secret@db/ydan unreachable"));

		assertThat(error.getExtensions()).containsEntry("code", "INTERNAL");
		assertThat(error.getErrorType().toString()).isEqualTo("INTERNAL_ERROR");
		assertThat(error.getMessage()).doesNotContain("secret")
			.doesNotContain("IllegalStateException")
			.contains("reference exec-42");
	}

	@Test
	void accessDeniedForAnonymousCallersIsUnauthorized() {
		SecurityContextHolder.getContext()
			.setAuthentication(new AnonymousAuthenticationToken("key", "anonymous",
					AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));

		assertThat(resolve(new AuthorizationDeniedException("Access Denied")).getExtensions()).containsEntry("code",
				"UNAUTHORIZED");
	}

	@Test
	void accessDeniedForSignedInCallersIsForbidden() {
		var caller = new TestingAuthenticationToken("canbo", null, "ROLE_official");
		caller.setAuthenticated(true);
		SecurityContextHolder.getContext().setAuthentication(caller);

		GraphQLError error = resolve(new AuthorizationDeniedException("Access Denied"));

		assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN");
		assertThat(error.getErrorType().toString()).isEqualTo("FORBIDDEN");
	}

	@Test
	void notFoundAndBadRequestKeepTheirMessage() {
		assertThat(resolve(new NotFoundException("No unit 00001")).getExtensions()).containsEntry("code", "NOT_FOUND");
		GraphQLError badRequest = resolve(new BadRequestException("Counts do not reconcile"));
		assertThat(badRequest.getExtensions()).containsEntry("code", "BAD_REQUEST");
		assertThat(badRequest.getMessage()).isEqualTo("Counts do not reconcile");
	}

	private GraphQLError resolve(Throwable exception) {
		List<GraphQLError> errors = this.mapping.resolveException(exception, environment()).block();
		assertThat(errors).hasSize(1);
		return errors.get(0);
	}

	private static DataFetchingEnvironment environment() {
		Field field = Field.newField("me").build();
		return DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
			.executionId(ExecutionId.from("exec-42"))
			.mergedField(MergedField.newMergedField(field).build())
			.executionStepInfo(ExecutionStepInfo.newExecutionStepInfo()
				.type(Scalars.GraphQLString)
				.path(ResultPath.rootPath().segment("me"))
				.build())
			.build();
	}

}
