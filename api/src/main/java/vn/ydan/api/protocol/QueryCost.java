package vn.ydan.api.protocol;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import org.jspecify.annotations.Nullable;

/**
 * Measures an operation before it runs, on the parsed document alone (validation comes
 * later, so unknown fields are tolerated): how deep it nests, how many aliases it uses,
 * whether it introspects, and what it costs.
 * <p>
 * <b>Cost</b>: every field costs 1, times the number of times it is expected to run. A
 * field with a {@code first} argument (its value, its variable's value, or its default)
 * runs its list that many times: the list itself, or the {@code edges} / {@code nodes} of
 * the connection it returns. Another list field is assumed to hold
 * {@code defaultListSize} items. Mutation fields cost {@code mutationCost} more each.
 * Introspection fields are not walked, since graphql-java bounds them (good-faith
 * introspection: at most 500 fields, 20 levels, each heavy field once): {@code __schema}
 * costs {@value #SCHEMA_COST}, {@code __type} {@value #TYPE_COST}.
 * <p>
 * The walk stops as soon as a limit is passed, so a document crafted to explode (nested
 * fragment spreads) costs no more to refuse than its limits allow.
 */
final class QueryCost {

	private static final long CAP = 1L << 40;

	/** A whole introspection query: a fifth of what good faith allows it to select. */
	static final long SCHEMA_COST = 100;

	static final long TYPE_COST = 10;

	private final GraphQLSchema schema;

	private final ApiLimits limits;

	QueryCost(GraphQLSchema schema, ApiLimits limits) {
		this.schema = schema;
		this.limits = limits;
	}

	/**
	 * The operation's measure, or {@code null} when the document does not say which
	 * operation to run (the engine reports that).
	 */
	@Nullable Measure measure(Document document, @Nullable String operationName, Map<String, @Nullable Object> variables) {
		OperationDefinition operation = operation(document, operationName);
		if (operation == null) {
			return null;
		}
		Map<String, FragmentDefinition> fragments = new HashMap<>();
		for (FragmentDefinition fragment : document.getDefinitionsOfType(FragmentDefinition.class)) {
			fragments.putIfAbsent(fragment.getName(), fragment);
		}
		// Fragments spread in fragments multiply: count the fields the operation expands
		// to,
		// each fragment once, before walking it (a walk would visit every copy).
		long expanded = expandedFields(operation.getSelectionSet(), fragments, new HashMap<>(), new HashSet<>());
		if (expanded > this.limits.maxComplexity()) {
			return new Measure(0, 0, expanded, false, Limit.COMPLEXITY);
		}
		Walk walk = new Walk(fragments, variables, operation.getVariableDefinitions());
		boolean mutation = operation.getOperation() == OperationDefinition.Operation.MUTATION;
		GraphQLObjectType root = switch (operation.getOperation()) {
			case QUERY -> this.schema.getQueryType();
			case MUTATION -> this.schema.getMutationType();
			case SUBSCRIPTION -> this.schema.getSubscriptionType();
		};
		try {
			long cost = walk.selections(operation.getSelectionSet(), root, 0, null, new ArrayDeque<>(),
					mutation ? this.limits.mutationCost() : 0);
			return new Measure(walk.depth, walk.aliases, cost, walk.introspection,
					(cost > this.limits.maxComplexity()) ? Limit.COMPLEXITY : null);
		}
		catch (Exceeded exceeded) {
			return new Measure(walk.depth, walk.aliases, exceeded.cost, walk.introspection, exceeded.limit);
		}
	}

	/**
	 * How many fields the selections expand to, fragments included wherever they are
	 * spread (each fragment counted once and remembered; a cycle counts nothing,
	 * validation reports it).
	 */
	private static long expandedFields(@Nullable SelectionSet selections, Map<String, FragmentDefinition> fragments,
			Map<String, Long> known, Set<String> expanding) {
		if (selections == null) {
			return 0;
		}
		long count = 0;
		for (Selection<?> selection : selections.getSelections()) {
			long one = switch (selection) {
				case Field field -> 1 + expandedFields(field.getSelectionSet(), fragments, known, expanding);
				case InlineFragment inline -> expandedFields(inline.getSelectionSet(), fragments, known, expanding);
				case FragmentSpread spread -> {
					String name = spread.getName();
					Long done = known.get(name);
					FragmentDefinition fragment = fragments.get(name);
					if (done != null || fragment == null || !expanding.add(name)) {
						yield (done != null) ? done : 0;
					}
					long size = expandedFields(fragment.getSelectionSet(), fragments, known, expanding);
					expanding.remove(name);
					known.put(name, size);
					yield size;
				}
				default -> 0;
			};
			count = Math.min(CAP, count + one);
		}
		return count;
	}

	private static @Nullable OperationDefinition operation(Document document, @Nullable String operationName) {
		List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
		if (operationName == null || operationName.isEmpty()) {
			return (operations.size() == 1) ? operations.get(0) : null;
		}
		for (OperationDefinition operation : operations) {
			if (operationName.equals(operation.getName())) {
				return operation;
			}
		}
		return null;
	}

	/**
	 * What an operation asks for. When {@code exceeded} is set, the walk stopped there
	 * and the figures are lower bounds.
	 *
	 * @param depth deepest field nesting (root fields are 1)
	 * @param aliases aliased fields
	 * @param cost estimated cost (see the class comment)
	 * @param introspection whether it selects {@code __schema} or {@code __type}
	 * @param exceeded the first limit passed, if any
	 */
	record Measure(int depth, int aliases, long cost, boolean introspection, @Nullable Limit exceeded) {
	}

	/** The limits a document can pass, in the order they are checked while walking. */
	enum Limit {

		DEPTH, ALIASES, COMPLEXITY

	}

	private static final class Exceeded extends RuntimeException {

		private final Limit limit;

		private final long cost;

		Exceeded(Limit limit, long cost) {
			super(null, null, false, false);
			this.limit = limit;
			this.cost = cost;
		}

	}

	private final class Walk {

		private final Map<String, FragmentDefinition> fragments;

		private final Map<String, @Nullable Object> variables;

		private final Map<String, VariableDefinition> definitions = new HashMap<>();

		private int depth;

		private int aliases;

		private long fields;

		private boolean introspection;

		Walk(Map<String, FragmentDefinition> fragments, Map<String, @Nullable Object> variables,
				List<VariableDefinition> definitions) {
			this.fragments = fragments;
			this.variables = variables;
			definitions.forEach((definition) -> this.definitions.put(definition.getName(), definition));
		}

		/**
		 * @param connectionSize for the selections of a connection: how many edges its
		 * {@code first} asks for
		 * @param extra cost added to each field (mutation fields)
		 */
		long selections(@Nullable SelectionSet selections, @Nullable GraphQLType parent, int depth,
				@Nullable Long connectionSize, Deque<String> spreads, long extra) {
			if (selections == null) {
				return 0;
			}
			long cost = 0;
			for (Selection<?> selection : selections.getSelections()) {
				long one = switch (selection) {
					case Field field -> field(field, parent, depth + 1, connectionSize, spreads, extra);
					case InlineFragment inline -> selections(
							inline.getSelectionSet(), (inline.getTypeCondition() != null)
									? this.type(inline.getTypeCondition().getName()) : parent,
							depth, connectionSize, spreads, extra);
					case FragmentSpread spread -> spread(spread, depth, connectionSize, spreads, extra);
					default -> 0;
				};
				cost = add(cost, one);
			}
			return cost;
		}

		private long spread(FragmentSpread spread, int depth, @Nullable Long connectionSize, Deque<String> spreads,
				long extra) {
			FragmentDefinition fragment = this.fragments.get(spread.getName());
			// A cycle or an unknown fragment: validation reports it.
			if (fragment == null || spreads.contains(spread.getName())) {
				return 0;
			}
			spreads.push(spread.getName());
			try {
				return selections(fragment.getSelectionSet(), type(fragment.getTypeCondition().getName()), depth,
						connectionSize, spreads, extra);
			}
			finally {
				spreads.pop();
			}
		}

		private long field(Field field, @Nullable GraphQLType parent, int depth, @Nullable Long connectionSize,
				Deque<String> spreads, long extra) {
			this.fields++;
			if (field.getAlias() != null && ++this.aliases > QueryCost.this.limits.maxAliases()) {
				throw new Exceeded(Limit.ALIASES, this.fields);
			}
			String name = field.getName();
			if (name.equals("__schema") || name.equals("__type")) {
				this.introspection = true;
				return name.equals("__schema") ? SCHEMA_COST : TYPE_COST;
			}
			if (depth > this.depth) {
				this.depth = depth;
				if (depth > QueryCost.this.limits.maxDepth()) {
					throw new Exceeded(Limit.DEPTH, this.fields);
				}
			}
			if (this.fields > QueryCost.this.limits.maxComplexity()) {
				throw new Exceeded(Limit.COMPLEXITY, this.fields);
			}
			GraphQLFieldDefinition definition = (parent instanceof GraphQLFieldsContainer container)
					? container.getFieldDefinition(name) : null;
			GraphQLOutputType type = (definition != null) ? definition.getType() : null;
			Long first = first(field, definition);
			long times = 1;
			if (type != null && GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(type))) {
				if (connectionSize != null) {
					times = connectionSize;
				}
				else {
					times = (first != null) ? first : QueryCost.this.limits.defaultListSize();
				}
			}
			GraphQLType named = (type != null) ? GraphQLTypeUtil.unwrapAll(type) : null;
			Long edges = null;
			if (named instanceof GraphQLNamedType namedType && namedType.getName().endsWith("Connection")) {
				edges = (first != null) ? first : (long) QueryCost.this.limits.defaultListSize();
			}
			long children = selections(field.getSelectionSet(), named, depth, edges, spreads, 0);
			long cost = add(1 + extra, multiply(times, children));
			if (cost > QueryCost.this.limits.maxComplexity()) {
				throw new Exceeded(Limit.COMPLEXITY, cost);
			}
			return cost;
		}

		/** The page size a field asks for: its {@code first}, else the default. */
		private @Nullable Long first(Field field, @Nullable GraphQLFieldDefinition definition) {
			GraphQLArgument declared = (definition != null) ? definition.getArgument("first") : null;
			Argument given = field.getArguments()
				.stream()
				.filter((argument) -> argument.getName().equals("first"))
				.findFirst()
				.orElse(null);
			Long value = (given != null) ? literal(given.getValue()) : null;
			if (value == null && declared != null && declared.hasSetDefaultValue()) {
				Object fallback = declared.getArgumentDefaultValue().getValue();
				value = (fallback instanceof Value<?> literal) ? literal(literal) : number(fallback);
			}
			return (value != null) ? Math.max(0, value) : null;
		}

		private @Nullable Long literal(@Nullable Value<?> value) {
			return switch (value) {
				case IntValue number -> number.getValue().min(java.math.BigInteger.valueOf(CAP)).longValue();
				case VariableReference reference -> variable(reference.getName());
				case null, default -> null;
			};
		}

		private @Nullable Long variable(String name) {
			if (this.variables.containsKey(name)) {
				return number(this.variables.get(name));
			}
			VariableDefinition definition = this.definitions.get(name);
			return (definition != null) ? literal(definition.getDefaultValue()) : null;
		}

		private static @Nullable Long number(@Nullable Object value) {
			return switch (value) {
				case Integer number -> (long) number;
				case Long number -> number;
				case java.math.BigInteger number -> number.min(java.math.BigInteger.valueOf(CAP)).longValue();
				case Number number when number.doubleValue() == Math.rint(number.doubleValue()) ->
					(long) Math.min(number.doubleValue(), CAP);
				case null, default -> null;
			};
		}

		private @Nullable GraphQLType type(String name) {
			return QueryCost.this.schema.getType(name);
		}

		private static long add(long a, long b) {
			return Math.min(CAP, a + b);
		}

		private static long multiply(long a, long b) {
			if (a == 0 || b == 0) {
				return 0;
			}
			return (a > CAP / b) ? CAP : Math.min(CAP, a * b);
		}

	}

}
