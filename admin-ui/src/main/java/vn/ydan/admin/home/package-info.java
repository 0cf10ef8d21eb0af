/**
 * The landing page after signing in: what it asks the api
 * ({@link vn.ydan.admin.home.HomeApi}). The view is in {@code ui}.
 */
@NullMarked
package vn.ydan.admin.home;

import org.jspecify.annotations.NullMarked;
