/**
 * Views of the plans feature: the list, the national coverage of one effective date
 * ({@link vn.ydan.admin.plans.ui.CoverageView}), the editor (new units by level with the
 * new provinces first, their components, the unassigned units, live validation, CSV
 * import, the diff by province) and the status steps up to applying a plan (followed to
 * its end when the api answers while it still runs).
 */
@NullMarked
package vn.ydan.admin.plans.ui;

import org.jspecify.annotations.NullMarked;
