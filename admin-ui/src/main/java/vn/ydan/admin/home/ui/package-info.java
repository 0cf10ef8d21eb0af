/**
 * Views of the home feature.
 */
@NullMarked
package vn.ydan.admin.home.ui;

import org.jspecify.annotations.NullMarked;
