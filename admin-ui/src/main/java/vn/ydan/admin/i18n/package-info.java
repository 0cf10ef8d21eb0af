/**
 * The console's languages: Vietnamese first, English second.
 */
@NullMarked
package vn.ydan.admin.i18n;

import org.jspecify.annotations.NullMarked;
