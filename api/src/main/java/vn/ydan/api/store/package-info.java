/**
 * The MongoDB store: an external replica set when {@code MONGODB_URI} is set, otherwise
 * an embedded, file-backed stand-in that commits every write before acknowledging it.
 */
@NullMarked
package vn.ydan.api.store;

import org.jspecify.annotations.NullMarked;
