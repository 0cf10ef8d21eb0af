/**
 * Consultations through the api, as the signed-in user: the list, one consultation with
 * its results, paper tallies, the household register and the exports.
 */
@NullMarked
package vn.ydan.admin.consultations;

import org.jspecify.annotations.NullMarked;
