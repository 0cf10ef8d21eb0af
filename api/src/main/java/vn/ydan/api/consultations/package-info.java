/**
 * Consultations of residents on a plan: the household register per commune, online
 * answers (one per household), paper tallies entered twice, results per commune against
 * all its households, certification level by level, and publication.
 */
@NullMarked
package vn.ydan.api.consultations;

import org.jspecify.annotations.NullMarked;
