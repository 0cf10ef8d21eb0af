package vn.ydan.api.store;

import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.UUID;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.type.ObjectDataType;

/**
 * Keys of the stand-in's unique indexes, compared value by value. H2's default type
 * compares objects it does not know (mongo-java-server's {@link KeyValue} is not
 * {@link Comparable}) by Java-serializing both at every step of a B-tree search: about
 * 0.3 ms per indexed lookup, most of a verification of the audit chain (bench/audit).
 * Keys are still written to the file as before; only the order differs, so a file written
 * with the default order is migrated ({@link StoreFileFormat}).
 * <p>
 * The order is total and consistent with {@link KeyValue#equals}: values of different
 * classes are ordered by class name, values of the classes below by their natural order
 * (each consistent with its {@code equals}), anything else by its serialized bytes, as
 * before.
 */
final class IndexKeyType extends ObjectDataType {

	static final IndexKeyType INSTANCE = new IndexKeyType();

	private static final Set<Class<?>> NATURALLY_ORDERED = Set.of(String.class, Long.class, Integer.class, Double.class,
			Boolean.class, ObjectId.class, Date.class, Instant.class, UUID.class);

	private IndexKeyType() {
	}

	@Override
	public int compare(Object a, Object b) {
		if (a instanceof KeyValue left && b instanceof KeyValue right) {
			return compareKeys(left, right);
		}
		return super.compare(a, b);
	}

	static int compareKeys(KeyValue left, KeyValue right) {
		int common = Math.min(left.size(), right.size());
		for (int i = 0; i < common; i++) {
			int order = compareValues(left.get(i), right.get(i));
			if (order != 0) {
				return order;
			}
		}
		return Integer.compare(left.size(), right.size());
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static int compareValues(Object a, Object b) {
		if (a == b) {
			return 0;
		}
		if (a == null || b == null) {
			return (a == null) ? -1 : 1;
		}
		if (a.getClass() != b.getClass()) {
			return a.getClass().getName().compareTo(b.getClass().getName());
		}
		if (NATURALLY_ORDERED.contains(a.getClass())) {
			return ((Comparable) a).compareTo(b);
		}
		return compareNotNull(serialize(a), serialize(b));
	}

}
