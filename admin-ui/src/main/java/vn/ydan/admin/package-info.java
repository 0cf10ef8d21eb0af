/**
 * The Ý Dân console: a Vaadin app for officials and admins, a GraphQL client of the api.
 */
@NullMarked
package vn.ydan.admin;

import org.jspecify.annotations.NullMarked;
