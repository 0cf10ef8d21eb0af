/**
 * What users see when something fails unexpectedly.
 */
@NullMarked
package vn.ydan.admin.error;

import org.jspecify.annotations.NullMarked;
