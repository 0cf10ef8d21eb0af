/**
 * The console's screens of community teams: a commune's residential groups with their
 * teams and flags, the team form, the import and export of groups.
 */
@NullMarked
package vn.ydan.admin.communities.ui;

import org.jspecify.annotations.NullMarked;
