/**
 * Who the caller is and what they may do: bearer-token security, the {@code me} query,
 * the role names, and how failures become typed GraphQL errors.
 */
@NullMarked
package vn.ydan.api.access;

import org.jspecify.annotations.NullMarked;
