package vn.ydan.api.audit;

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
import vn.ydan.api.access.Caller;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generic capture on a small schema of its own (graphql-java only, the audit log on
 * the in-memory stand-in): what a feature adds through {@link AuditTrail}, what is kept
 * when a mutation fails half-way, several mutations in one request, a log that cannot be
 * written, and the revisions features stored read back as their aggregates' history.
 */
class MutationAuditIntegrationTest {

	private static final String SCHEMA = """
			type Query { hello: String }
			type Mutation {
			  rename(id: ID!, name: String!, password: String): Payload
			  explode(id: ID!): Payload
			  revise(id: ID!, note: String!): Payload
			  answer(id: ID!): Payload
			}
			type Payload { ok: Boolean, userErrors: [UserError!]! }
			type UserError { code: String! }
			""";

	private static final String UNIT = "VW5pdDpDT01NVU5FOjAwMDA0"; // Unit:COMMUNE:00004

	private final AuditStoreForTests store = new AuditStoreForTests();

	private final AuditLog auditLog = this.store.newLog(16);

	private final AuditTrail trail = new AuditTrail(this.auditLog);

	private int revisions;

	private final List<Boolean> leftForTheEntry = new java.util.ArrayList<>();

	@AfterEach
	void close() {
		this.store.close();
	}

	@Test
	void aFeatureAddsBeforeAfterSummaryAndUnitsToItsEntry() {
		ExecutionResult result = execute(this.auditLog, """
				mutation { renamed: rename(id: "%s", name: "Ba Đình", password: "bí mật") { ok } }""".formatted(UNIT));

		assertThat(result.getErrors()).isEmpty();
		AuditEntry entry = newest();
		assertThat(entry.kind()).isEqualTo("mutation:rename");
		assertThat(entry.outcome()).isEqualTo("OK");
		assertThat(entry.summary()).isEqualTo("Đổi tên Phường Trúc Bạch");
		assertThat(entry.unitIds()).containsExactly(UNIT, "VW5pdDpESVNUUklDVDowMDE");
		assertThat(entry.before()).contains("Trúc Bạch");
		assertThat(entry.after()).contains("Ba Đình");
		assertThat(entry.input()).contains("\"password\": \"***\"").doesNotContain("bí mật");
		assertThat(entry.actor()).isEqualTo(Caller.ANONYMOUS_ACTOR);
	}

	@Test
	void ofAFieldWithKeptArgumentsOnlyThoseAreRecorded() {
		ExecutionResult result = execute(this.auditLog,
				new KeptArguments("rename", java.util.Set.of("id", "nothing.below")), """
						mutation { rename(id: "%s", name: "Ba Đình", password: "bí mật") { ok } }""".formatted(UNIT));

		assertThat(result.getErrors()).isEmpty();
		AuditEntry entry = newest();
		assertThat(entry.input()).contains(UNIT).doesNotContain("name").doesNotContain("password");
		assertThat(entry.unitIds()).containsExactly(UNIT, "VW5pdDpESVNUUklDVDowMDE");
	}

	@Test
	void aMutationThatFailsHalfWayKeepsNoAfterState() {
		ExecutionResult result = execute(this.auditLog, "mutation { explode(id: \"%s\") { ok } }".formatted(UNIT));

		assertThat(result.getErrors()).hasSize(1);
		AuditEntry entry = newest();
		assertThat(entry.outcome()).isEqualTo("ERROR");
		assertThat(entry.before()).contains("Trúc Bạch");
		assertThat(entry.after()).isNull();
		assertThat(entry.unitIds()).containsExactly(UNIT);
	}

	@Test
	void everyMutationOfARequestHasItsEntryInOrderAndQueriesNone() {
		execute(this.auditLog, "{ hello }");
		execute(this.auditLog, """
				mutation { a: rename(id: "%s", name: "") { ok } b: explode(id: "%s") { ok } }""".formatted(UNIT, UNIT));

		List<AuditEntry> entries = this.auditLog.newestFirst(AuditFilter.NONE, null, 10);
		assertThat(entries).extracting(AuditEntry::kind).containsExactly("mutation:explode", "mutation:rename");
		assertThat(entries.get(1).outcome()).isEqualTo("USER_ERRORS");
		assertThat(entries.get(1).codes()).containsExactly("NAME_EMPTY");
		assertThat(this.auditLog.verify(null).verified()).isTrue();
	}

	@Test
	void aLogThatCannotBeWrittenAddsAnErrorToTheAnswer() {
		AuditStoreForTests broken = new AuditStoreForTests();
		AuditLog unwritable = broken.newLog(16);
		broken.close();

		ExecutionResult result = execute(unwritable,
				"mutation { rename(id: \"%s\", name: \"Ba Đình\") { ok } }".formatted(UNIT));

		assertThat(result.<Map<String, Object>>getData()).containsKey("rename");
		assertThat(result.getErrors()).singleElement()
			.satisfies((error) -> assertThat(error.getMessage()).startsWith("Không ghi được nhật ký kiểm toán"))
			.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "INTERNAL"));
	}

	@Test
	void aChangeMayLeaveItsStoreCommitToItsEntryOnlyInAMutation() {
		execute(this.auditLog, "mutation { answer(id: \"a\") { ok } }");

		assertThat(this.leftForTheEntry).containsExactly(true);
		assertThat(this.trail.current().commitsWithEntry()).as("outside a mutation").isFalse();
	}

	@Test
	void aChangeThatLeftItsCommitToAnEntryThatCannotBeWrittenIsCommittedAllTheSame() {
		AuditStoreForTests broken = new AuditStoreForTests();
		java.util.concurrent.atomic.AtomicInteger commits = new java.util.concurrent.atomic.AtomicInteger();
		AuditLog unwritable = new AuditLog(broken.database, broken.clock, 16, broken.key, broken.heads) {

			@Override
			void commitStore() {
				commits.incrementAndGet();
				super.commitStore();
			}

		};
		broken.close();

		ExecutionResult renamed = execute(unwritable,
				"mutation { rename(id: \"%s\", name: \"Ba Đình\") { ok } }".formatted(UNIT));
		int afterRename = commits.get();
		ExecutionResult answered = execute(unwritable, "mutation { answer(id: \"a\") { ok } }");

		assertThat(renamed.getErrors()).hasSize(1);
		assertThat(answered.getErrors()).singleElement()
			.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "INTERNAL"));
		assertThat(afterRename).as("a change that committed its own writes").isZero();
		assertThat(commits.get()).as("a change that left its commit to its entry").isEqualTo(1);
	}

	@Test
	void theRevisionsFeaturesStoredAreTheirAggregatesHistoryNewestFirst() {
		execute(this.auditLog, "mutation { revise(id: \"a\", note: \"Tạo\") { ok } }");
		execute(this.auditLog, "mutation { revise(id: \"b\", note: \"Tạo b\") { ok } }");
		execute(this.auditLog, "mutation { revise(id: \"a\", note: \"Sửa\") { ok } }");

		List<AuditTrail.Revision> history = this.trail.revisions("thing:a");

		assertThat(history).extracting(AuditTrail.Revision::revision).containsExactly(3, 1);
		assertThat(history).extracting(AuditTrail.Revision::change).containsExactly("Sửa", "Tạo");
		assertThat(history).extracting(AuditTrail.Revision::actor).containsOnly(Caller.ANONYMOUS_ACTOR);
		assertThat(history.get(0).at()).isAfterOrEqualTo(history.get(1).at());
		assertThat(this.trail.revisions("thing:b")).extracting(AuditTrail.Revision::change).containsExactly("Tạo b");
		assertThat(this.trail.revisions("thing:c")).isEmpty();
		assertThat(this.auditLog.verify(null).verified()).isTrue();
	}

	private AuditEntry newest() {
		return this.auditLog.newestFirst(AuditFilter.NONE, null, 1).get(0);
	}

	private ExecutionResult execute(AuditLog log, String document) {
		return execute(log, null, document);
	}

	private ExecutionResult execute(AuditLog log, KeptArguments kept, String document) {
		DataFetcher<?> rename = (environment) -> {
			String name = environment.getArgument("name");
			this.trail.current()
				.summary("Đổi tên Phường Trúc Bạch")
				.touched("VW5pdDpESVNUUklDVDowMDE")
				.before(Map.of("name", "Trúc Bạch"));
			if (name == null || name.isBlank()) {
				return Map.of("ok", false, "userErrors", List.of(Map.of("code", "NAME_EMPTY")));
			}
			this.trail.current().after(Map.of("name", name));
			return Map.of("ok", true, "userErrors", List.of());
		};
		DataFetcher<?> explode = (environment) -> {
			this.trail.current().before(Map.of("name", "Trúc Bạch")).after(Map.of("name", "nửa chừng"));
			throw new IllegalStateException("Keycloak không trả lời");
		};
		DataFetcher<?> revise = (environment) -> {
			String id = environment.getArgument("id");
			this.trail.current()
				.revised("thing:" + id, ++this.revisions, environment.getArgument("note"))
				.revised("other:" + id, 7, "Thay đổi kèm theo");
			return Map.of("ok", true, "userErrors", List.of());
		};
		DataFetcher<?> answer = (environment) -> {
			this.leftForTheEntry.add(this.trail.current().commitsWithEntry());
			return Map.of("ok", true, "userErrors", List.of());
		};
		RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
			.type("Query", (type) -> type.dataFetcher("hello", (environment) -> "xin chào"))
			.type("Mutation",
					(type) -> type.dataFetcher("rename", rename)
						.dataFetcher("explode", explode)
						.dataFetcher("revise", revise)
						.dataFetcher("answer", answer))
			.build();
		GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SCHEMA), wiring);
		GraphQL graphQl = GraphQL.newGraphQL(schema)
			.instrumentation((kept != null) ? new MutationAudit(log, List.of(kept), List.of()) : new MutationAudit(log))
			.build();
		return graphQl.execute(ExecutionInput.newExecutionInput(document).build());
	}

}
