/**
 * Restructuring plans: which old units form each new unit, validated rule by rule, moved
 * through draft → published → in consultation → consulted → adopted → in effect, and
 * applied to the registry with lineage.
 */
@NullMarked
package vn.ydan.api.plans;

import org.jspecify.annotations.NullMarked;
