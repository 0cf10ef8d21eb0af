/**
 * Ý Dân API. One package per feature; each is a Spring Modulith application module.
 */
@NullMarked
package vn.ydan.api;

import org.jspecify.annotations.NullMarked;
