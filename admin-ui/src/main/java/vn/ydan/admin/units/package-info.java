/**
 * The registry of administrative units as the console reads and changes it through the
 * api: the values it shows and the calls it makes. The views are in {@code ui}.
 */
@NullMarked
package vn.ydan.admin.units;

import org.jspecify.annotations.NullMarked;
