package vn.ydan.api.plans;

import java.time.Instant;

/**
 * One change in a plan's history.
 *
 * @param version the revision it made
 * @param actor who made it
 * @param change what changed, in Vietnamese
 * @param at when
 */
record PlanRevision(int version, String actor, String change, Instant at) {
}
