/**
 * GraphQL over HTTP as third parties meet it: the limits every request passes before it
 * runs (document size, depth, aliases, cost, introspection, a budget per client and
 * window, a timeout), the cost reported in {@code extensions.cost}, the HTTP statuses of
 * refusals, and a cache of parsed and validated documents.
 * <p>
 * It also holds the API's one error contract, which every feature uses and which depends
 * on no feature: the codes of GraphQL errors ({@link vn.ydan.api.protocol.ErrorCode}),
 * the exceptions features throw for them
 * ({@link vn.ydan.api.protocol.BadRequestException},
 * {@link vn.ydan.api.protocol.NotFoundException}…) and the mappings that turn every
 * exception into a typed error; and the refusals of mutations, {@code userErrors} of
 * {@link vn.ydan.api.protocol.UserError} in payloads that implement
 * {@link vn.ydan.api.protocol.WithUserErrors}.
 * <p>
 * Its interceptor runs first among the {@code WebGraphQlInterceptor}s, so that nothing
 * (not even an answer served from a cache) escapes the limits and the accounting.
 */
@NullMarked
package vn.ydan.api.protocol;

import org.jspecify.annotations.NullMarked;
