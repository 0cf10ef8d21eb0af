package vn.ydan.api.store;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * Keys of the stand-in's unique indexes, compared value by value. H2's default type
 * compares objects it does not know (mongo-java-server's {@link KeyValue} is not
 * {@link Comparable}) by Java-serializing both at every step of a B-tree search: about
 * 0.3 ms per indexed lookup, most of a verification of the audit chain (bench/audit).
 * Only the order differs from the default layout, so a file written with the default
 * order is migrated ({@link StoreFileFormat}).
 * <p>
 * A key is written value by value in H2's own encoding ({@link #KEY_VALUES}), not
 * Java-serialized whole: serializing every key of every index page written, and reading
 * pages back the same way, was half the embedded store's time in an import of the
 * nation's residential groups (bench/communities). Keys written Java-serialized by
 * earlier versions still read, so a file needs no migration for it.
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

	/**
	 * Tag of a key written value by value. H2's {@link ObjectDataType} writes tags 0–14,
	 * 19, 32–49 and 64–119; a value it reads starts with one of those.
	 */
	static final int KEY_VALUES = 120;

	private IndexKeyType() {
	}

	@Override
	public void write(WriteBuffer buff, Object obj) {
		if (!(obj instanceof KeyValue key)) {
			super.write(buff, obj);
			return;
		}
		buff.put((byte) KEY_VALUES).putVarInt(key.size());
		for (Object value : key) {
			super.write(buff, value);
		}
	}

	@Override
	public Object read(ByteBuffer buff) {
		if ((buff.get(buff.position()) & 0xff) != KEY_VALUES) {
			return super.read(buff);
		}
		buff.get();
		int size = DataUtils.readVarInt(buff);
		List<Object> values = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			values.add(super.read(buff));
		}
		return new KeyValue(values);
	}

	/**
	 * The cache's estimate: H2's for a serialized object is its average serialized size.
	 */
	@Override
	public int getMemory(Object obj) {
		if (!(obj instanceof KeyValue key)) {
			return super.getMemory(obj);
		}
		int memory = 48;
		for (Object value : key) {
			memory += (value != null) ? super.getMemory(value) : 0;
		}
		return memory;
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
