/**
 * Views of the plans feature: the list, the editor (new units, their components, the
 * unassigned units, live validation, CSV import, the diff) and the status steps up to
 * applying a plan.
 */
@NullMarked
package vn.ydan.admin.plans.ui;

import org.jspecify.annotations.NullMarked;
