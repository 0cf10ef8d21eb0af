/**
 * The consultation views: the list and the create dialog, a consultation's page with live
 * results, certification and publication, tally entry for clerks, the household register
 * and the printable household list.
 */
@NullMarked
package vn.ydan.admin.consultations.ui;

import org.jspecify.annotations.NullMarked;
