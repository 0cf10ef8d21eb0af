/**
 * The public pages: their own simple layout
 * ({@link vn.ydan.admin.disclosure.ui.PublicLayout}), open to anonymous visitors,
 * readable on a 390-pixel screen.
 */
@NullMarked
package vn.ydan.admin.disclosure.ui;

import org.jspecify.annotations.NullMarked;
