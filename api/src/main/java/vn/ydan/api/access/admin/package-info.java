/**
 * Administration of who may do what, for admins: users, their roles, scopes and
 * households, and partner apps, all kept in Keycloak and changed through its Admin REST
 * API with the {@code ydan-role-manager} service account ({@link KeycloakAdmin}). The
 * console never calls Keycloak's admin API; it calls these mutations.
 */
@NullMarked
package vn.ydan.api.access.admin;

import org.jspecify.annotations.NullMarked;
