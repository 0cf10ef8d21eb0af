package vn.ydan.api.protocol;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code ydan.api.limits.*}: what one request may ask for, and how much each kind of
 * client may ask for per window. Every request is checked against them before it runs;
 * defaults are documented in {@code docs/api/guide.md}.
 *
 * @param enabled whether requests are refused by the limits and the budgets at all (off:
 * the cost is still measured and reported; for benchmarks of other features)
 * @param maxDocumentSize longest GraphQL document (the {@code query} text, not the
 * variables)
 * @param maxDepth deepest nesting of fields (introspection fields excepted)
 * @param maxAliases most aliased fields in one operation (fragments counted where they
 * are used)
 * @param maxComplexity highest cost of one request (see {@link QueryCost})
 * @param defaultListSize the size assumed for a list field without {@code first}
 * @param mutationCost the cost of each mutation field, on top of its selections
 * @param timeout longest a query may run; checked between objects (mutations run to their
 * end)
 * @param maxBodySize largest HTTP request body of a signed-in caller (the console's file
 * imports travel as GraphQL variables: 20 MB of CSV, escaped in JSON); refused before it
 * is read, with HTTP 413
 * @param maxAnonymousBodySize largest HTTP request body of a caller without a token
 * @param maxBodyValues most JSON values in a request body (counted while it is read, as
 * {@code [}, <code>{</code> and {@code ,} outside strings), so that many tiny values are
 * refused before they are built
 * @param maxVariablesDepth deepest nesting of lists and objects in the variables (the
 * variables object itself is 1)
 * @param maxVariablesListSize most elements of one list in the variables
 * @param rate the budgets per client and window
 */
@ConfigurationProperties("ydan.api.limits")
record ApiLimits(@DefaultValue("true") boolean enabled, @DefaultValue("32KB") DataSize maxDocumentSize,
		@DefaultValue("12") int maxDepth, @DefaultValue("30") int maxAliases, @DefaultValue("5000") int maxComplexity,
		@DefaultValue("10") int defaultListSize, @DefaultValue("10") int mutationCost,
		@DefaultValue("10s") Duration timeout, @DefaultValue("25MB") DataSize maxBodySize,
		@DefaultValue("256KB") DataSize maxAnonymousBodySize, @DefaultValue("100000") long maxBodyValues,
		@DefaultValue("16") int maxVariablesDepth, @DefaultValue("10000") int maxVariablesListSize,
		@DefaultValue Rate rate) {

	/**
	 * Budgets of cost points per window, by kind of client: anonymous callers per remote
	 * address, partner applications per OAuth client ({@code azp}), console users per
	 * user.
	 *
	 * @param enabled whether budgets are enforced at all (the cost is reported either
	 * way)
	 * @param window length of a window; every budget is refilled at the start of each
	 * @param anonymous points per window for one remote address without a token
	 * @param partner points per window for one OAuth client other than the console
	 * @param console points per window for one user of the console
	 * @param consoleClientId the console's OAuth client id ({@code azp} of its tokens)
	 * @param maxClients clients tracked at once; beyond, finished windows are forgotten
	 */
	record Rate(@DefaultValue("true") boolean enabled, @DefaultValue("1m") Duration window,
			@DefaultValue("50000") long anonymous, @DefaultValue("300000") long partner,
			@DefaultValue("300000") long console, @DefaultValue("ydan-console") String consoleClientId,
			@DefaultValue("100000") int maxClients) {
	}

}
