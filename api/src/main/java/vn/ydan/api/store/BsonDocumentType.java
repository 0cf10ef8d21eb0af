package vn.ydan.api.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

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

	@Override
	public int getMemory(Document document) {
		// An estimate for the page cache's accounting; encoding to measure would double
		// the
		// work.
		return 64 + 96 * document.size();
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
