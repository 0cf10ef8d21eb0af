/**
 * Users, roles, scopes and partner apps, through the api's mutations (which call
 * Keycloak's Admin REST API); the console never calls Keycloak's admin API itself.
 */
@NullMarked
package vn.ydan.admin.access;

import org.jspecify.annotations.NullMarked;
