package vn.ydan.api.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.OperationDefinition.Operation;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ydan.api.access.Caller;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Audits every mutation field without the feature having to ask: it wraps the data
 * fetcher of each top-level field of a mutation to note the caller, the arguments and how
 * the fetch ended, and when the whole request has been executed appends one entry per
 * field, in order, with the outcome read from the final result (the field's GraphQL error
 * and its code, else the payload's {@code userErrors}). Entries are written after the
 * fact, whole: a mutation that failed half-way is recorded as failed, with no
 * {@code after} state.
 * <p>
 * While a field's fetcher runs, its entry is {@link AuditTrail#current()} on that thread
 * (Spring runs annotated controllers on the calling thread).
 * <p>
 * Of a field a feature declared {@link KeptArguments} for, only the arguments named are
 * recorded (a consultation answer: which consultation, not how the household answered).
 */
@Component
class MutationAudit extends SimplePerformantInstrumentation {

	static final ThreadLocal<@Nullable FieldCapture> CURRENT = new ThreadLocal<>();

	private static final Logger log = LoggerFactory.getLogger(MutationAudit.class);

	private static final String CODE = "code";

	private final AuditLog auditLog;

	/** Field → the only arguments its entries keep ({@link KeptArguments}). */
	private final Map<String, KeptArguments> kept = new HashMap<>();

	/**
	 * The fields whose intent is recorded before they run
	 * ({@code ydan.audit.intent-first}).
	 */
	private final Set<String> intentFirst;

	MutationAudit(AuditLog auditLog) {
		this(auditLog, List.of(), List.of());
	}

	@Autowired
	MutationAudit(AuditLog auditLog, List<KeptArguments> kept,
			@Value("${ydan.audit.intent-first:}") List<String> intentFirst) {
		this.auditLog = auditLog;
		kept.forEach((arguments) -> this.kept.put(arguments.field(), arguments));
		this.intentFirst = intentFirst.stream()
			.map(String::strip)
			.filter((field) -> !field.isEmpty())
			.collect(java.util.stream.Collectors.toUnmodifiableSet());
	}

	@Override
	public @Nullable InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
		return new Execution(this.auditLog, this.intentFirst);
	}

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		if (!(state instanceof Execution execution)
				|| parameters.getExecutionContext().getOperationDefinition().getOperation() != Operation.MUTATION
				|| parameters.getExecutionStepInfo().getPath().getLevel() != 1) {
			return fetcher;
		}
		return (environment) -> execution.fetch(fetcher, environment,
				this.kept.get(parameters.getExecutionStepInfo().getFieldDefinition().getName()));
	}

	@Override
	public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		if (!(state instanceof Execution execution) || execution.captures.isEmpty()) {
			return CompletableFuture.completedFuture(result);
		}
		List<GraphQLError> failures = new ArrayList<>();
		for (FieldCapture capture : execution.captures) {
			NewEntry entry = entryOf(capture, result.getErrors());
			try {
				this.auditLog.append(entry);
			}
			catch (RuntimeException ex) {
				log.error("Could not append the audit entry of {} (request {}): {}", entry.kind(), entry.requestId(),
						entry, ex);
				if (capture.commitOwed) {
					this.auditLog.commitStore();
				}
				failures.add(GraphqlErrorBuilder.newError()
					.message("Không ghi được nhật ký kiểm toán cho " + capture.field + " (mã yêu cầu "
							+ entry.requestId() + "); kết quả thao tác ở trên vẫn đúng.")
					.errorType(ErrorType.INTERNAL_ERROR)
					.extensions(Map.of(CODE, "INTERNAL"))
					.build());
			}
		}
		if (failures.isEmpty()) {
			return CompletableFuture.completedFuture(result);
		}
		List<GraphQLError> errors = new ArrayList<>(result.getErrors());
		errors.addAll(failures);
		return CompletableFuture.completedFuture(result.transform((builder) -> builder.errors(errors)));
	}

	static NewEntry entryOf(FieldCapture capture, List<GraphQLError> errors) {
		List<String> codes = new ArrayList<>();
		for (GraphQLError error : errors) {
			List<Object> path = error.getPath();
			if (path != null && path.size() == 1 && capture.resultKey.equals(path.get(0))) {
				codes.add(codeOf(error));
			}
		}
		AuditOutcome outcome;
		synchronized (capture) {
			if (!codes.isEmpty()) {
				outcome = (codes.contains("UNAUTHORIZED") || codes.contains("FORBIDDEN")) ? AuditOutcome.DENIED
						: AuditOutcome.ERROR;
			}
			else if (capture.failure != null) {
				outcome = AuditOutcome.ERROR;
				codes.add("INTERNAL");
			}
			else {
				codes.addAll(UserErrorCodes.of(capture.result));
				outcome = codes.isEmpty() ? AuditOutcome.OK : AuditOutcome.USER_ERRORS;
			}
			return new NewEntry(Caller.of(capture.request.authentication()), capture.request.requestId(),
					"mutation:" + capture.field, capture.unitIds, capture.summary, capture.input, capture.before,
					(outcome == AuditOutcome.OK) ? capture.after : null, outcome, codes, capture.revisions);
		}
	}

	private static String codeOf(GraphQLError error) {
		Map<String, Object> extensions = error.getExtensions();
		if (extensions != null && extensions.get(CODE) != null) {
			return String.valueOf(extensions.get(CODE));
		}
		return String.valueOf(error.getErrorType());
	}

	/** The mutation fields of one request, in the order they ran. */
	static final class Execution implements InstrumentationState {

		final List<FieldCapture> captures = new CopyOnWriteArrayList<>();

		private final AuditLog auditLog;

		private final Set<String> intentFirst;

		Execution(AuditLog auditLog, Set<String> intentFirst) {
			this.auditLog = auditLog;
			this.intentFirst = intentFirst;
		}

		Object fetch(DataFetcher<?> fetcher, DataFetchingEnvironment environment, @Nullable KeptArguments kept)
				throws Exception {
			Map<String, ?> arguments = (kept != null) ? kept.keep(environment.getArguments())
					: new LinkedHashMap<>(environment.getArguments());
			FieldCapture capture = new FieldCapture(environment.getField().getName(),
					environment.getExecutionStepInfo().getResultKey(), AuditRequest.of(environment.getGraphQlContext()),
					arguments);
			this.captures.add(capture);
			if (this.intentFirst.contains(capture.field)) {
				try {
					recordIntent(capture);
				}
				catch (RuntimeException ex) {
					capture.ended(null, ex);
					throw new IllegalStateException("Không ghi được nhật ký kiểm toán trước khi thực hiện "
							+ capture.field + ": chưa thực hiện gì.", ex);
				}
			}
			FieldCapture outer = CURRENT.get();
			CURRENT.set(capture);
			try {
				Object value = fetcher.get(environment);
				if (value instanceof CompletionStage<?> stage) {
					return stage.toCompletableFuture().whenComplete(capture::ended);
				}
				capture.ended(value, null);
				return value;
			}
			catch (Exception | Error ex) {
				capture.ended(null, ex);
				throw ex;
			}
			finally {
				CURRENT.set(outer);
			}
		}

		/**
		 * An action that cannot be taken back (applying a plan, granting a role in
		 * Keycloak) is recorded before it starts, as {@code intent:<field>} with the
		 * caller and the arguments: if it then fails half-way, or the process dies, the
		 * log still says it was attempted. The outcome is the field's usual entry, after
		 * it.
		 */
		private void recordIntent(FieldCapture capture) {
			List<String> unitIds;
			synchronized (capture) {
				unitIds = List.copyOf(capture.unitIds);
			}
			this.auditLog.append(new NewEntry(Caller.of(capture.request.authentication()), capture.request.requestId(),
					"intent:" + capture.field, unitIds, "Bắt đầu " + capture.field + " (kết quả ở mục sau)",
					capture.input, null, null, AuditOutcome.STARTED, List.of()));
		}

	}

}
