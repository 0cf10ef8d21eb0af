/**
 * Restructuring plans as the console reads and changes them through the api: the values
 * it shows and the calls it makes. The views are in {@code ui}.
 */
@NullMarked
package vn.ydan.admin.plans;

import org.jspecify.annotations.NullMarked;
