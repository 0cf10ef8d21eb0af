/**
 * Community teams of residential groups: per group, its teams by kind (the security and
 * order protection team the 2024 law puts in every group, at least 3 members; the
 * self-management group), each established by a decision of the commune chairman, with
 * members whose name, birth year and phone are personal data (reads audited, never
 * public); the flags (a group without a security team, a team below its minimum); and the
 * public aggregates by level (groups, teams, members, yearly cost). Teams hang on a
 * group's id, which a restructuring keeps: they move with their group, and their history
 * says so ({@link vn.ydan.api.units.ResidentialGroupsMoved}). Decision 0018.
 */
@NullMarked
package vn.ydan.api.communities;

import org.jspecify.annotations.NullMarked;
