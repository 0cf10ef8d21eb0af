/**
 * Residential groups' community teams as the console reads and changes them through the
 * api (the security and order protection team, the self-management group): the values it
 * shows and the calls it makes. Members are personal data: read only when a team is
 * edited, never exported. The views are in {@code ui}.
 */
@NullMarked
package vn.ydan.admin.communities;

import org.jspecify.annotations.NullMarked;
