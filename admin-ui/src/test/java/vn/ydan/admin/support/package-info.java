/**
 * Test doubles that speak real HTTP: the console is tested against them through its real
 * clients.
 */
@NullMarked
package vn.ydan.admin.support;

import org.jspecify.annotations.NullMarked;
