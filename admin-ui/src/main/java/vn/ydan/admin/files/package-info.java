/**
 * Files users upload to the views (CSV tables of units, links, households): read within a
 * size limit, taken as text only when they are UTF-8; and the names of the files they
 * download.
 */
@NullMarked
package vn.ydan.admin.files;

import org.jspecify.annotations.NullMarked;
