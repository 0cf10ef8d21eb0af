package vn.ydan.api.protocol;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import org.jspecify.annotations.Nullable;
import vn.ydan.api.access.ErrorCode;

/**
 * Stops an execution that runs longer than {@code ydan.api.limits.timeout}, with a
 * {@code TIMEOUT} error. graphql-java's cancellation is cooperative: the deadline is
 * checked before each field and object, so a single data fetcher that blocks is not
 * interrupted, but nothing starts after the deadline and the answer is not held up by the
 * rest of the document.
 */
class ExecutionTimeout extends SimplePerformantInstrumentation {

	private final Duration timeout;

	ExecutionTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	@Override
	public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
		return new Deadline(System.nanoTime() + this.timeout.toNanos());
	}

	@Override
	public ExecuteObjectInstrumentationContext beginExecuteObject(InstrumentationExecutionStrategyParameters parameters,
			InstrumentationState state) {
		check(parameters.getExecutionContext(), state);
		return ExecuteObjectInstrumentationContext.NOOP;
	}

	@Override
	public @Nullable InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters,
			InstrumentationState state) {
		check(parameters.getExecutionContext(), state);
		return null;
	}

	@Override
	public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		if (!(state instanceof Deadline deadline) || !deadline.passed) {
			return CompletableFuture.completedFuture(result);
		}
		List<GraphQLError> errors = new ArrayList<>();
		for (GraphQLError error : result.getErrors()) {
			if (error.getErrorType() != ErrorType.ExecutionAborted) {
				errors.add(error);
			}
		}
		long millis = this.timeout.toMillis();
		errors.add(RequestLimits.error(ErrorCode.TIMEOUT,
				"Yêu cầu chạy quá %d ms và đã bị dừng. (The request ran longer than %d ms and was stopped.)"
					.formatted(millis, millis),
				millis, null));
		return CompletableFuture.completedFuture(result.transform((builder) -> builder.errors(errors)));
	}

	private static void check(ExecutionContext context, InstrumentationState state) {
		if (state instanceof Deadline deadline && !deadline.passed && System.nanoTime() - deadline.at > 0) {
			deadline.passed = true;
			context.getExecutionInput().cancel();
		}
	}

	private static final class Deadline implements InstrumentationState {

		private final long at;

		private volatile boolean passed;

		Deadline(long at) {
			this.at = at;
		}

	}

}
