package vn.ydan.api.consultations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import graphql.ExecutionResult;
import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.StringValue;
import graphql.language.VariableReference;
import graphql.parser.Parser;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import vn.ydan.api.access.Caller;
import vn.ydan.api.units.UnitRegistry;

/**
 * A cache of responses: answers a repeated anonymous query of published consultations
 * from memory (its GraphQL response; residents' answers are {@link Answers}). Once
 * published, a consultation no longer changes (no answers, no tallies, no status after
 * it), so an answer is a function of the request and of the registry's revision (units
 * are shown by name): the key. This is what serves the public results of a wave — read
 * heavily on the day they are published — at memory speed (bench/consultations/). The
 * data is kept as its JSON text, written out as is: serialising a 526-commune table for
 * every reader costs more than computing it.
 * <p>
 * Only anonymous queries (nobody signed in, by the security context, and no token) whose
 * root fields are all {@code consultation(id:)} of published consultations; anything else
 * runs as usual, uncached.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class PublishedConsultationResponseCache implements WebGraphQlInterceptor {

	private static final int MAX_ANSWERS = 64;

	private static final int MAX_DOCUMENTS = 1_000;

	private final Consultations consultations;

	private final UnitRegistry registry;

	private final JsonMapper json;

	private final Map<Key, ExecutionResult> answers = new ConcurrentHashMap<>();

	/**
	 * The consultation ids a document reads (literal ids, or variable names prefixed by
	 * $).
	 */
	private final Map<String, List<String>> documents = new ConcurrentHashMap<>();

	/** Published is final: once seen, known for good. */
	private final Set<String> published = ConcurrentHashMap.newKeySet();

	PublishedConsultationResponseCache(Consultations consultations, UnitRegistry registry, JsonMapper json) {
		this.consultations = consultations;
		this.registry = registry;
		this.json = json;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (!anonymous(request)) {
			return chain.next(request);
		}
		String documentKey = (request.getOperationName() != null)
				? request.getOperationName() + "\n" + request.getDocument() : request.getDocument();
		List<String> ids = this.documents.get(documentKey);
		if (ids == null) {
			ids = consultationIds(request.getDocument());
			if (this.documents.size() >= MAX_DOCUMENTS) {
				this.documents.clear();
			}
			this.documents.put(documentKey, ids);
		}
		if (ids.isEmpty() || !allPublished(ids, request.getVariables())) {
			return chain.next(request);
		}
		Key key = new Key(documentKey, request.getVariables(), this.registry.revision());
		ExecutionResult answer = this.answers.get(key);
		if (answer != null) {
			return Mono
				.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), answer)));
		}
		return chain.next(request).doOnNext((response) -> {
			if (response.getErrors().isEmpty() && response.getExecutionResult().isDataPresent()) {
				if (this.answers.size() >= MAX_ANSWERS) {
					this.answers.clear();
				}
				ExecutionResult result = response.getExecutionResult();
				RawValue data = new RawValue(new SerializedString(this.json.writeValueAsString(result.getData())));
				this.answers.put(key, result.transform((builder) -> builder.data(data)));
			}
		});
	}

	/**
	 * Whether nobody is signed in: the security context says so (a graphql-ws connection
	 * is signed in by its connection payload, with no Authorization header on its
	 * requests); a request that carries a token is not anonymous either way.
	 */
	private static boolean anonymous(WebGraphQlRequest request) {
		return Caller.signedIn() == null && !request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
	}

	private boolean allPublished(List<String> ids, Map<String, Object> variables) {
		for (String ref : ids) {
			Object id = ref.startsWith("$") ? variables.get(ref.substring(1)) : ref;
			if (!(id instanceof String text)) {
				return false;
			}
			if (!this.published.contains(text)) {
				Consultation consultation = this.consultations.findById(text);
				if (consultation == null || consultation.status() != ConsultationStatus.PUBLISHED) {
					return false;
				}
				this.published.add(text);
			}
		}
		return true;
	}

	/**
	 * The {@code id} of every root {@code consultation} field of the document's only
	 * query (fragment definitions beside it are fine); empty when it has other root
	 * fields, fragments at the root, or several operations.
	 */
	static List<String> consultationIds(String text) {
		Document document;
		try {
			document = Parser.parse(text);
		}
		catch (RuntimeException ex) {
			return List.of();
		}
		// Fragments beside the one query are fine (the console's public results page
		// has one): spread below a root field they add no root field, and a spread at
		// the root is refused below.
		List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
		if (operations.size() != 1 || operations.size()
				+ document.getDefinitionsOfType(FragmentDefinition.class).size() != document.getDefinitions().size()) {
			return List.of();
		}
		OperationDefinition operation = operations.get(0);
		if (operation.getOperation() != OperationDefinition.Operation.QUERY) {
			return List.of();
		}
		List<String> ids = new ArrayList<>();
		for (Selection<?> selection : operation.getSelectionSet().getSelections()) {
			if (!(selection instanceof Field field) || !field.getName().equals("consultation")) {
				return List.of();
			}
			Argument id = field.getArguments()
				.stream()
				.filter((argument) -> argument.getName().equals("id"))
				.findFirst()
				.orElse(null);
			if (id == null) {
				return List.of();
			}
			switch (id.getValue()) {
				case StringValue value -> ids.add(value.getValue());
				case VariableReference variable -> ids.add("$" + variable.getName());
				default -> {
					return List.of();
				}
			}
		}
		return ids;
	}

	private record Key(String document, Map<String, @Nullable Object> variables, long revision) {
	}

}
