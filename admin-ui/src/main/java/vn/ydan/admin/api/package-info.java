/**
 * The console's client of the api (GraphQL over HTTP, as the signed-in user), the
 * failures it turns into messages, and the answer types every feature shares: a refusal
 * ({@link vn.ydan.admin.api.UserError}), a wrong row of an import
 * ({@link vn.ydan.admin.api.RowError}), a link to a unit
 * ({@link vn.ydan.admin.api.UnitRef}).
 * <p>
 * Features call the api only through their {@code *Api} classes, which use
 * {@link vn.ydan.admin.api.ApiClient}; {@code ConsoleArchitectureUnitTest} holds them to
 * it.
 */
@NullMarked
package vn.ydan.admin.api;

import org.jspecify.annotations.NullMarked;
