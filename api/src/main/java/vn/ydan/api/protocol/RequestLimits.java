package vn.ydan.api.protocol;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.introspection.Introspection;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The gate every GraphQL request passes before anything runs: document size, the
 * variables' nesting and list sizes, parser limits, depth, aliases, cost, introspection,
 * then the caller's budget; and the timeout while it runs ({@link RequestTimeout}). A
 * refused request gets one typed error ({@code extensions.code}) and no {@code data}, so
 * HTTP 400 under {@code application/graphql-response+json} (429 when over budget, with
 * {@code Retry-After}); nothing reaches the data fetchers or the store.
 * <p>
 * Every answer, refused or not, reports the cost in {@code extensions.cost} and, when
 * budgets are on, in {@code X-RateLimit-*} headers. Registered first among the
 * interceptors ({@link ProtocolConfiguration}) so that answers served from a cache are
 * charged too.
 */
class RequestLimits implements WebGraphQlInterceptor, Ordered {

	/** Charged for a request refused before it runs, or one the engine cannot parse. */
	private static final long REFUSAL_COST = 1;

	private final ApiLimits limits;

	private final RateBudgets budgets;

	private final Documents documents;

	private final ObjectProvider<GraphQlSource> source;

	private final boolean introspectionEnabled;

	private final RequestTimeout timeout;

	private volatile @Nullable QueryCost cost;

	RequestLimits(ApiLimits limits, RateBudgets budgets, Documents documents, ObjectProvider<GraphQlSource> source,
			boolean introspectionEnabled, RequestTimeout timeout) {
		this.limits = limits;
		this.budgets = budgets;
		this.documents = documents;
		this.source = source;
		this.introspectionEnabled = introspectionEnabled;
		this.timeout = timeout;
	}

	/**
	 * First but one: before answers cached by features, audit records and error
	 * rewriting; after the WebSocket authentication, which sets the caller of a
	 * graphql-ws connection (access.WebSocketAuthentication).
	 */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		BudgetKey client = BudgetKey.of(SecurityContextHolder.getContext().getAuthentication(),
				request.getRemoteAddress(), this.limits.rate().consoleClientId());
		if (!this.introspectionEnabled) {
			// Also refused below; this keeps the engine from answering it in any case.
			request.configureExecutionInput((input, builder) -> {
				input.getGraphQLContext().put(Introspection.INTROSPECTION_DISABLED, true);
				return input;
			});
		}
		String text = request.getDocument();
		long maxSize = this.limits.maxDocumentSize().toBytes();
		long size = (text.length() * 3L > maxSize) ? text.getBytes(StandardCharsets.UTF_8).length : text.length();
		if (size > maxSize && this.limits.enabled()) {
			return refuse(request, client, ErrorCode.DOCUMENT_TOO_LARGE,
					"Tài liệu GraphQL quá dài: %d byte, tối đa %d. (The GraphQL document is %d bytes long; at most %d are accepted.)"
						.formatted(size, maxSize, size, maxSize),
					maxSize, size);
		}
		Variables variables = Variables.measure(request.getVariables(), this.limits.maxVariablesDepth(),
				this.limits.maxVariablesListSize());
		if (variables != null && this.limits.enabled()) {
			return switch (variables.exceeded()) {
				case DEPTH -> refuse(request, client, ErrorCode.VARIABLES_TOO_DEEP,
						"Biến (variables) lồng nhau quá sâu: hơn %d cấp. (The variables nest lists and objects more than %d levels deep.)"
							.formatted(this.limits.maxVariablesDepth(), this.limits.maxVariablesDepth()),
						(long) this.limits.maxVariablesDepth(), null);
				case LIST_SIZE -> refuse(request, client, ErrorCode.VARIABLES_TOO_LARGE,
						"Một danh sách trong biến (variables) có %d phần tử, tối đa %d. (A list in the variables has %d elements; at most %d are accepted.)"
							.formatted(variables.actual(), this.limits.maxVariablesListSize(), variables.actual(),
									this.limits.maxVariablesListSize()),
						(long) this.limits.maxVariablesListSize(), variables.actual());
			};
		}
		Documents.Parsed parsed = this.documents.parse(text);
		return switch (parsed) {
			case Documents.Parsed.TooDeep unused -> refuse(request, client, ErrorCode.QUERY_TOO_DEEP,
					"Tài liệu GraphQL lồng nhau quá sâu để phân tích. (The document nests too deeply to be parsed.)",
					(long) this.limits.maxDepth(), null);
			case Documents.Parsed.TooLarge unused -> refuse(request, client, ErrorCode.DOCUMENT_TOO_LARGE,
					"Tài liệu GraphQL có quá nhiều ký hiệu để phân tích. (The document has more tokens than the parser accepts.)",
					maxSize, size);
			// The engine parses it again and says where the syntax is wrong.
			case Documents.Parsed.Invalid unused -> proceed(request, chain, client, REFUSAL_COST);
			case Documents.Parsed.Ok ok -> measured(request, chain, client, ok);
		};
	}

	private Mono<WebGraphQlResponse> measured(WebGraphQlRequest request, Chain chain, BudgetKey client,
			Documents.Parsed.Ok parsed) {
		QueryCost.Measure measure = cost().measure(parsed.document(), request.getOperationName(),
				request.getVariables());
		if (measure == null) {
			// No operation to run: the engine reports it.
			return proceed(request, chain, client, REFUSAL_COST);
		}
		if (measure.exceeded() != null && this.limits.enabled()) {
			return switch (measure.exceeded()) {
				case DEPTH -> refuse(request, client, ErrorCode.QUERY_TOO_DEEP,
						"Truy vấn lồng quá sâu: hơn %d cấp. (The query nests fields more than %d levels deep.)"
							.formatted(this.limits.maxDepth(), this.limits.maxDepth()),
						(long) this.limits.maxDepth(), null);
				case ALIASES -> refuse(request, client, ErrorCode.TOO_MANY_ALIASES,
						"Truy vấn dùng quá nhiều bí danh (alias): hơn %d. (The query uses more than %d aliases.)"
							.formatted(this.limits.maxAliases(), this.limits.maxAliases()),
						(long) this.limits.maxAliases(), null);
				case COMPLEXITY -> refuse(request, client, ErrorCode.QUERY_TOO_COMPLEX,
						("Truy vấn quá phức tạp: chi phí ước tính ít nhất %d, tối đa %d; hãy xin trang nhỏ hơn (`first`) "
								+ "hoặc ít trường lồng nhau hơn. (The query's estimated cost is at least %d, at most %d "
								+ "per request: ask for smaller pages or fewer nested fields.)")
							.formatted(measure.cost(), this.limits.maxComplexity(), measure.cost(),
									this.limits.maxComplexity()),
						(long) this.limits.maxComplexity(), measure.cost());
			};
		}
		if (measure.introspection() && !this.introspectionEnabled) {
			return refuse(request, client, ErrorCode.INTROSPECTION_DISABLED,
					"Introspection (__schema, __type) đã tắt trên máy chủ này; lược đồ được công bố trong "
							+ "docs/api/schema.graphql. (Introspection is turned off on this server; the schema is "
							+ "published as docs/api/schema.graphql.)",
					null, null);
		}
		this.documents.keep(request.getDocument(), parsed);
		return proceed(request, chain, client, Math.max(REFUSAL_COST, measure.cost()),
				!isMutation(parsed.document(), request.getOperationName()));
	}

	/**
	 * Mutations run to their end: they are bounded by the api's own work (applying a
	 * plan, an import), and stopping one between fields would only hide what it did.
	 */
	private static boolean isMutation(graphql.language.Document document, @Nullable String operationName) {
		for (graphql.language.OperationDefinition operation : document
			.getDefinitionsOfType(graphql.language.OperationDefinition.class)) {
			if (operationName == null || operationName.equals(operation.getName())) {
				return operation.getOperation() == graphql.language.OperationDefinition.Operation.MUTATION;
			}
		}
		return false;
	}

	private Mono<WebGraphQlResponse> proceed(WebGraphQlRequest request, Chain chain, BudgetKey client, long points) {
		return proceed(request, chain, client, points, true);
	}

	private Mono<WebGraphQlResponse> proceed(WebGraphQlRequest request, Chain chain, BudgetKey client, long points,
			boolean timed) {
		RateBudgets.Charge charge = this.budgets.charge(client, points);
		if (charge != null && !charge.allowed()) {
			WebGraphQlResponse refused = refusal(request,
					ErrorCode.RATE_LIMITED.error(("Đã dùng hết hạn mức: còn %d điểm, yêu cầu này cần %d; hạn mức được "
							+ "làm mới lúc %s. (Rate limit reached: %d points left, this request costs %d; the budget "
							+ "resets at %s.)")
						.formatted(charge.remaining(), points, charge.resetAt(), charge.remaining(), points,
								charge.resetAt()),
							charge.limit(), points),
					client, points, charge);
			refused.getResponseHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(charge.retryAfterSeconds()));
			return Mono.just(refused);
		}
		Mono<WebGraphQlResponse> execution = timed ? this.timeout.run(request, chain.next(request))
				: chain.next(request);
		return execution.map((response) -> {
			// Lists without `first` were estimated at the default size; a consultation's
			// 526
			// communes are charged at what was actually returned.
			long returned = fieldsIn(response.getExecutionResult().getData());
			if (returned <= points) {
				return withCost(response, client, points, charge);
			}
			RateBudgets.Charge after = this.budgets.spend(client, returned - points);
			WebGraphQlResponse costed = withCost(response, client, points, after);
			costedExtensions(costed).put("charged", returned);
			return costed;
		});
	}

	/**
	 * The fields of an answer's data, each list element's counted: the estimate's unit
	 * (every field 1, times the length of the lists around it), measured.
	 */
	static long fieldsIn(@Nullable Object data) {
		long fields = 0;
		java.util.ArrayDeque<Object> pending = new java.util.ArrayDeque<>();
		if (data != null) {
			pending.push(data);
		}
		while (!pending.isEmpty()) {
			Object value = pending.pop();
			if (value instanceof Map<?, ?> object) {
				fields += object.size();
				for (Object field : object.values()) {
					if (field instanceof Map<?, ?> || field instanceof Iterable<?>) {
						pending.push(field);
					}
				}
			}
			else if (value instanceof Iterable<?> list) {
				for (Object element : list) {
					if (element instanceof Map<?, ?> || element instanceof Iterable<?>) {
						pending.push(element);
					}
				}
			}
		}
		return fields;
	}

	@SuppressWarnings("unchecked")
	private static Map<Object, Object> costedExtensions(WebGraphQlResponse response) {
		return (Map<Object, Object>) response.getExecutionResult().getExtensions().get("cost");
	}

	private Mono<WebGraphQlResponse> refuse(WebGraphQlRequest request, BudgetKey client, ErrorCode code, String message,
			@Nullable Long limit, @Nullable Long actual) {
		RateBudgets.Charge charge = this.budgets.charge(client, REFUSAL_COST);
		return Mono.just(refusal(request, code.error(message, limit, actual), client, REFUSAL_COST, charge));
	}

	private static WebGraphQlResponse refusal(WebGraphQlRequest request, GraphQLError error, BudgetKey client,
			long points, RateBudgets.@Nullable Charge charge) {
		ExecutionResult result = ExecutionResult.newExecutionResult().addError(error).build();
		WebGraphQlResponse response = new WebGraphQlResponse(
				new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
		return withCost(response, client, points, charge);
	}

	private static WebGraphQlResponse withCost(WebGraphQlResponse response, BudgetKey client, long points,
			RateBudgets.@Nullable Charge charge) {
		Map<Object, Object> cost = new LinkedHashMap<>();
		cost.put("requested", points);
		cost.put("client", client.kind().label());
		if (charge != null) {
			cost.put("limit", charge.limit());
			cost.put("remaining", charge.remaining());
			cost.put("resetAt", charge.resetAt().toString());
		}
		Map<Object, Object> extensions = new LinkedHashMap<>();
		Map<Object, Object> existing = response.getExecutionResult().getExtensions();
		if (existing != null) {
			extensions.putAll(existing);
		}
		extensions.put("cost", cost);
		WebGraphQlResponse result = response.transform((builder) -> builder.extensions(extensions));
		if (charge != null) {
			HttpHeaders headers = result.getResponseHeaders();
			headers.set("X-RateLimit-Limit", String.valueOf(charge.limit()));
			headers.set("X-RateLimit-Remaining", String.valueOf(charge.remaining()));
			headers.set("X-RateLimit-Reset", String.valueOf(charge.resetAt().getEpochSecond()));
		}
		return result;
	}

	private QueryCost cost() {
		QueryCost current = this.cost;
		if (current == null) {
			current = new QueryCost(this.source.getObject().schema(), this.limits);
			this.cost = current;
		}
		return current;
	}

	/**
	 * The first limit the variables pass, if any: how deep lists and objects nest (the
	 * variables object itself is level 1) and how long one list is. The walk stops at the
	 * first limit passed, so it never goes deeper than the limit.
	 *
	 * @param exceeded which limit
	 * @param actual the list's size, for {@code LIST_SIZE}
	 */
	record Variables(Exceeded exceeded, long actual) {

		enum Exceeded {

			DEPTH, LIST_SIZE

		}

		static @Nullable Variables measure(Map<String, @Nullable Object> variables, int maxDepth, int maxListSize) {
			return walk(variables, 1, maxDepth, maxListSize);
		}

		private static @Nullable Variables walk(@Nullable Object value, int depth, int maxDepth, int maxListSize) {
			if (!(value instanceof Map<?, ?>) && !(value instanceof Iterable<?>)) {
				return null;
			}
			if (depth > maxDepth) {
				return new Variables(Exceeded.DEPTH, depth);
			}
			Iterable<?> children;
			if (value instanceof Map<?, ?> map) {
				children = map.values();
			}
			else {
				Iterable<?> list = (Iterable<?>) value;
				long size = (list instanceof java.util.Collection<?> collection) ? collection.size() : count(list);
				if (size > maxListSize) {
					return new Variables(Exceeded.LIST_SIZE, size);
				}
				children = list;
			}
			for (Object child : children) {
				Variables passed = walk(child, depth + 1, maxDepth, maxListSize);
				if (passed != null) {
					return passed;
				}
			}
			return null;
		}

		private static long count(Iterable<?> list) {
			long count = 0;
			for (Object unused : list) {
				count++;
			}
			return count;
		}

	}

}
