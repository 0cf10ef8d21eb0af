/**
 * The audit log as the console reads it through the api (administrators only): entries
 * with filters, verification of the hash chain, CSV export. The view is in {@code ui}.
 */
@NullMarked
package vn.ydan.admin.audit;

import org.jspecify.annotations.NullMarked;
