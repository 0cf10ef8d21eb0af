package vn.ydan.api.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An action that cannot be taken back (applying a plan, a role grant in Keycloak) has an
 * {@code intent:} entry appended before it starts, then its outcome entry: when it fails
 * after starting, the intent is in the log; when the intent cannot be written, it does
 * not start. Other mutations keep their single entry.
 */
class AuditIntentFirstIntegrationTest {

	private static final String SCHEMA = """
			type Query { hello: String }
			type Mutation { grantRole(userId: ID!, role: String!): Payload, rename(name: String!): Payload }
			type Payload { ok: Boolean, userErrors: [UserError!]! }
			type UserError { code: String! }
			""";

	private final AuditStoreForTests store = new AuditStoreForTests();

	private final AuditLog auditLog = this.store.newLog(16);

	/** What the log held each time the action started. */
	private final List<List<String>> seenByTheAction = new ArrayList<>();

	private boolean keycloakFails;

	@AfterEach
	void close() {
		this.store.close();
	}

	@Test
	void theIntentIsInTheLogBeforeTheActionStartsAndTheOutcomeAfter() {
		ExecutionResult result = execute(this.auditLog,
				"mutation { grantRole(userId: \"u1\", role: \"admin\") { ok } }");

		assertThat(result.getErrors()).isEmpty();
		assertThat(this.seenByTheAction).containsExactly(List.of("intent:grantRole STARTED"));
		assertThat(kindsOldestFirst()).containsExactly("intent:grantRole STARTED", "mutation:grantRole OK");
		List<AuditEntry> entries = this.auditLog.newestFirst(AuditFilter.NONE, null, 2);
		assertThat(entries.get(1).input()).contains("\"role\": \"admin\"");
		assertThat(entries.get(1).requestId()).isEqualTo(entries.get(0).requestId());
		assertThat(this.auditLog.verify(null).verified()).isTrue();
	}

	@Test
	void anActionThatFailsAfterStartingLeavesItsIntentThenTheError() {
		this.keycloakFails = true;

		ExecutionResult result = execute(this.auditLog,
				"mutation { grantRole(userId: \"u1\", role: \"admin\") { ok } }");

		assertThat(result.getErrors()).hasSize(1);
		assertThat(kindsOldestFirst()).containsExactly("intent:grantRole STARTED", "mutation:grantRole ERROR");
	}

	@Test
	void whenTheIntentCannotBeWrittenTheActionDoesNotStart() {
		AuditStoreForTests broken = new AuditStoreForTests();
		AuditLog unwritable = broken.newLog(16);
		broken.close();

		ExecutionResult result = execute(unwritable, "mutation { grantRole(userId: \"u1\", role: \"admin\") { ok } }");

		assertThat(this.seenByTheAction).isEmpty();
		assertThat(result.getErrors()).isNotEmpty();
		assertThat(result.getErrors().get(0).getMessage()).contains("chưa thực hiện gì");
	}

	@Test
	void otherMutationsHaveNoIntent() {
		execute(this.auditLog, "mutation { rename(name: \"Ba Đình\") { ok } }");

		assertThat(kindsOldestFirst()).containsExactly("mutation:rename OK");
	}

	@Test
	void aJobStartedWithoutARequestRecordsItsIntentThenItsFailure() {
		AuditTrail trail = new AuditTrail(this.auditLog);

		trail.recordIntent("system", "applyPlan", "Tiếp tục áp dụng phương án", "plan:p1");
		trail.recordJobFailed("system", "applyPlan", "Áp dụng dở dang", "plan:p1",
				new IllegalStateException("sổ đăng ký không trả lời"));

		assertThat(kindsOldestFirst()).containsExactly("intent:applyPlan STARTED", "job:applyPlan ERROR");
		assertThat(this.auditLog.newestFirst(AuditFilter.NONE, null, 1).get(0).codes())
			.containsExactly("IllegalStateException");
	}

	private List<String> kindsOldestFirst() {
		List<String> kinds = new ArrayList<>();
		this.auditLog.oldestFirst(AuditFilter.NONE, (entry) -> kinds.add(entry.kind() + " " + entry.outcome()));
		return kinds;
	}

	private ExecutionResult execute(AuditLog log, String document) {
		DataFetcher<?> grantRole = (environment) -> {
			this.seenByTheAction.add(kindsOldestFirst());
			if (this.keycloakFails) {
				throw new IllegalStateException("Keycloak không trả lời");
			}
			return Map.of("ok", true, "userErrors", List.of());
		};
		RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
			.type("Query", (type) -> type.dataFetcher("hello", (environment) -> "xin chào"))
			.type("Mutation",
					(type) -> type.dataFetcher("grantRole", grantRole)
						.dataFetcher("rename", (environment) -> Map.of("ok", true, "userErrors", List.of())))
			.build();
		GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SCHEMA), wiring);
		GraphQL graphQl = GraphQL.newGraphQL(schema)
			.instrumentation(new MutationAudit(log, List.of(), List.of("grantRole", "applyPlan")))
			.build();
		return graphQl.execute(ExecutionInput.newExecutionInput(document).build());
	}

}
