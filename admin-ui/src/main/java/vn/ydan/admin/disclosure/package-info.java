/**
 * Public disclosure: what anyone may read without signing in (published plans with their
 * old → new tables, a unit's history and lineage, published consultation results, and
 * "what is my address now?"), fetched from the api anonymously.
 */
@NullMarked
package vn.ydan.admin.disclosure;

import org.jspecify.annotations.NullMarked;
