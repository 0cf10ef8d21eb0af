/**
 * The resident's page ({@code cu-tri}), inside the console's layout, readable on a
 * 390-pixel phone.
 */
@NullMarked
package vn.ydan.admin.residents.ui;

import org.jspecify.annotations.NullMarked;
