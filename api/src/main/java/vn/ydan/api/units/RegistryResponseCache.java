package vn.ydan.api.units;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import graphql.ExecutionResult;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.parser.Parser;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import vn.ydan.api.access.Caller;
import vn.ydan.api.protocol.VietnamTime;

/**
 * A cache of responses: answers a repeated anonymous registry query from memory (its
 * GraphQL response, not the units: those are the {@link RegistryReadModel}'s). The
 * registry is public and changes only when it is written, so an answer is a function of
 * the request (document, operation, variables), the registry's revision and today's date
 * in Vietnam: those make the key, and a write makes every earlier answer unreachable.
 * This is what lets a page of 100 units with their parents (~1,700 fields, milliseconds
 * of GraphQL execution each time) be served many times a second to the public
 * (bench/units/).
 * <p>
 * Only queries whose root fields are all registry reads ({@link #REGISTRY_FIELDS}) and
 * only anonymous callers (nobody signed in, by the security context, and no token):
 * anything else runs as usual, uncached. A root field added to that list must read
 * nothing but the registry, or its data would be served stale.
 * {@code ydan.units.answer-cache.enabled=false} turns it off.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class RegistryResponseCache implements WebGraphQlInterceptor {

	static final Set<String> REGISTRY_FIELDS = Set.of("unit", "unitByCode", "units", "node", "__typename");

	/** Answers kept (a page of 100 units with parents is ~0.2 MB of maps). */
	private static final int MAX_ANSWERS = 64;

	private static final int MAX_DOCUMENTS = 1_000;

	private final RegistryReadModel registry;

	private final boolean enabled;

	private final Clock clock;

	private final Map<Key, ExecutionResult> answers = new ConcurrentHashMap<>();

	/** Whether a document (and operation) reads the registry only, by document text. */
	private final Map<String, Boolean> registryOnly = new ConcurrentHashMap<>();

	private final AtomicLong hits = new AtomicLong();

	RegistryResponseCache(RegistryReadModel registry, @Value("${ydan.units.answer-cache.enabled:true}") boolean enabled,
			Clock clock) {
		this.registry = registry;
		this.enabled = enabled;
		this.clock = clock;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		// Anonymous by the security context (a graphql-ws connection is signed in by its
		// connection payload, with no Authorization header on its requests).
		if (!this.enabled || Caller.signedIn() != null || request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
				|| !readsRegistryOnly(request.getDocument(), request.getOperationName())) {
			return chain.next(request);
		}
		Key key = new Key(request.getDocument(), request.getOperationName(), request.getVariables(),
				this.registry.current().revision(), VietnamTime.today(this.clock));
		ExecutionResult answer = this.answers.get(key);
		if (answer != null) {
			this.hits.incrementAndGet();
			return Mono
				.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), answer)));
		}
		return chain.next(request).doOnNext((response) -> {
			if (!response.getErrors().isEmpty()) {
				// Errors may be passing (an internal failure): ask again next time.
				return;
			}
			if (this.answers.size() >= MAX_ANSWERS) {
				this.answers.clear();
			}
			this.answers.put(key, response.getExecutionResult());
		});
	}

	long hits() {
		return this.hits.get();
	}

	private boolean readsRegistryOnly(String document, @Nullable String operationName) {
		String key = (operationName != null) ? operationName + "\n" + document : document;
		Boolean known = this.registryOnly.get(key);
		if (known != null) {
			return known;
		}
		boolean result = inspect(document, operationName);
		if (this.registryOnly.size() >= MAX_DOCUMENTS) {
			this.registryOnly.clear();
		}
		this.registryOnly.put(key, result);
		return result;
	}

	private static boolean inspect(String text, @Nullable String operationName) {
		Document document;
		try {
			document = Parser.parse(text);
		}
		catch (RuntimeException ex) {
			// Let the engine report it, uncached.
			return false;
		}
		List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
		OperationDefinition operation = null;
		for (OperationDefinition candidate : operations) {
			if (operationName == null ? operations.size() == 1 : operationName.equals(candidate.getName())) {
				operation = candidate;
			}
		}
		if (operation == null || operation.getOperation() != OperationDefinition.Operation.QUERY) {
			return false;
		}
		Map<String, FragmentDefinition> fragments = new ConcurrentHashMap<>();
		document.getDefinitionsOfType(FragmentDefinition.class)
			.forEach((fragment) -> fragments.put(fragment.getName(), fragment));
		return rootFieldsReadRegistry(operation.getSelectionSet(), fragments, new HashSet<>());
	}

	private static boolean rootFieldsReadRegistry(@Nullable SelectionSet selections,
			Map<String, FragmentDefinition> fragments, Set<String> visited) {
		if (selections == null) {
			return false;
		}
		for (Selection<?> selection : selections.getSelections()) {
			boolean registry = switch (selection) {
				case Field field -> REGISTRY_FIELDS.contains(field.getName());
				case InlineFragment inline -> rootFieldsReadRegistry(inline.getSelectionSet(), fragments, visited);
				case FragmentSpread spread ->
					visited.add(spread.getName()) && fragments.containsKey(spread.getName()) && rootFieldsReadRegistry(
							fragments.get(spread.getName()).getSelectionSet(), fragments, visited);
				default -> false;
			};
			if (!registry) {
				return false;
			}
		}
		return true;
	}

	private record Key(String document, @Nullable String operationName, Map<String, @Nullable Object> variables,
			long revision, LocalDate today) {

		Key {
			Objects.requireNonNull(document);
		}

	}

}
