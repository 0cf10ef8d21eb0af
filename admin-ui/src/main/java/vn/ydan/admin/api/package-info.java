/**
 * The console's client of the api (GraphQL over HTTP, as the signed-in user), and the
 * failures it turns into messages.
 */
@NullMarked
package vn.ydan.admin.api;

import org.jspecify.annotations.NullMarked;
