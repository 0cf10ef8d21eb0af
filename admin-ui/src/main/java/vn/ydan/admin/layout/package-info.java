/**
 * The frame around every view.
 */
@NullMarked
package vn.ydan.admin.layout;

import org.jspecify.annotations.NullMarked;
