/**
 * GraphQL over HTTP as third parties meet it: the limits every request passes before it
 * runs (document size, depth, aliases, cost, introspection, a budget per client and
 * window, a timeout), the cost reported in {@code extensions.cost}, the HTTP statuses of
 * refusals, and a cache of parsed and validated documents.
 * <p>
 * Its interceptor runs first among the {@code WebGraphQlInterceptor}s, so that nothing
 * (not even an answer served from a cache) escapes the limits and the accounting.
 */
@NullMarked
package vn.ydan.api.protocol;

import org.jspecify.annotations.NullMarked;
