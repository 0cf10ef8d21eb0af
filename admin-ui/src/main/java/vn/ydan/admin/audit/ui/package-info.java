/**
 * The audit log view: filters, the entries grid, verification and CSV download.
 */
@NullMarked
package vn.ydan.admin.audit.ui;

import org.jspecify.annotations.NullMarked;
