/**
 * The landing page after signing in.
 */
@NullMarked
package vn.ydan.admin.home;

import org.jspecify.annotations.NullMarked;
