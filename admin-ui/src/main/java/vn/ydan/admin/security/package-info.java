/**
 * Signing in with Keycloak (OIDC with PKCE), realm roles, the user's tokens, signing out.
 */
@NullMarked
package vn.ydan.admin.security;

import org.jspecify.annotations.NullMarked;
