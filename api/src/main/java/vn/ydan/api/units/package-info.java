/**
 * The registry of administrative units over time: provinces, districts, communes and
 * residential groups, each with a stable identity (not its code), its versions and its
 * lineage; CSV import; the public GraphQL reads and the officials' edits.
 * <p>
 * MongoDB is the source of truth; reads are answered from an in-memory read model
 * ({@link vn.ydan.api.units.RegistryReadModel}) loaded at start-up and updated by this
 * process's own writes.
 */
@NullMarked
package vn.ydan.api.units;

import org.jspecify.annotations.NullMarked;
