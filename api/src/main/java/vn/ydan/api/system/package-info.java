/**
 * Facts about the running application for administrators ({@code systemStatus}).
 */
@NullMarked
package vn.ydan.api.system;

import org.jspecify.annotations.NullMarked;
