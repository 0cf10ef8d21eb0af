/**
 * The admins' screens for users, roles, scopes and partner apps.
 */
@NullMarked
package vn.ydan.admin.access.ui;

import org.jspecify.annotations.NullMarked;
