/**
 * CSV files in and out: the one reader every import uses, so that every file is read by
 * the same rules (RFC 4180, UTF-8 only, errors by line).
 */
@NullMarked
package vn.ydan.api.csv;

import org.jspecify.annotations.NullMarked;
