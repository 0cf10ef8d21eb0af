package vn.ydan.api.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collection;
import java.util.Map;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.jspecify.annotations.Nullable;

/**
 * The stand-in's documents stored as BSON, as MongoDB stores them, instead of H2's Java
 * serialization of mongo-java-server's {@link Document}: reading a serialized audit entry
 * cost ~90 µs (bench/audit), decoding its BSON a fraction of that. Every document the
 * stand-in keeps came from, or goes back to, the wire as BSON, so nothing it holds is
 * outside what the encoder writes.
 */
final class BsonDocumentType extends BasicDataType<Document> {

	static final BsonDocumentType INSTANCE = new BsonDocumentType();

	private BsonDocumentType() {
	}

	/**
	 * The heap a decoded document holds, estimated for the page cache's accounting (and
	 * the store's decision to write): counted down the nested documents and arrays, which
	 * a unit's versions and a team's members are. Counting only the top-level fields put
	 * a unit at a third of its size, so a cache of 4 MB held some 12 (bench/communities).
	 */
	@Override
	public int getMemory(Document document) {
		return (int) Math.min(Integer.MAX_VALUE, memory(document));
	}

	private static long memory(@Nullable Object value) {
		if (value instanceof Document document) {
			// The map, its table, and per field its entry and its name (decoded anew).
			long memory = 56 + 8L * document.size();
			for (Map.Entry<String, Object> entry : document.entrySet()) {
				memory += 80 + memory(entry.getValue());
			}
			return memory;
		}
		if (value instanceof Collection<?> values) {
			long memory = 24 + 4L * values.size();
			for (Object element : values) {
				memory += memory(element);
			}
			return memory;
		}
		if (value instanceof String text) {
			return 32 + 2L * text.length();
		}
		return (value != null) ? 24 : 0;
	}

	@Override
	public void write(WriteBuffer buffer, Document document) {
		ByteBuf bson = Unpooled.buffer(256);
		try {
			BsonEncoder.encodeDocument(document, bson);
			// BSON starts with its own length (int32, little-endian).
			buffer.put(bson.nioBuffer());
		}
		finally {
			bson.release();
		}
	}

	@Override
	public Document read(ByteBuffer buffer) {
		int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(buffer.position());
		ByteBuf bson = Unpooled.wrappedBuffer(buffer.slice(buffer.position(), length));
		buffer.position(buffer.position() + length);
		return BsonDecoder.decodeBson(bson);
	}

	@Override
	public Document[] createStorage(int size) {
		return new Document[size];
	}

}
