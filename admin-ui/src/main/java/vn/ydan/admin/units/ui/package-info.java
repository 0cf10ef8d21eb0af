/**
 * Views of the units feature: the tree and search, a unit's page with its history, the
 * edit forms and the CSV import.
 */
@NullMarked
package vn.ydan.admin.units.ui;

import org.jspecify.annotations.NullMarked;
