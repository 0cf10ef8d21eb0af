/**
 * Who the caller is and what they may do: bearer-token security, the {@code me} query,
 * the role names, the caller as every module reads them
 * ({@link vn.ydan.api.access.Caller}) and the scopes of units and households.
 */
@NullMarked
package vn.ydan.api.access;

import org.jspecify.annotations.NullMarked;
