package vn.ydan.api.audit;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChainHashUnitTest {

	private final ChainHash hashes = new ChainHash();

	@Test
	void theSameEntryReadBackInAnotherShapeHasTheSameHash() {
		BsonDocument written = BsonDocument.parse("{_id: {$numberLong: '3'}, actor: 'quantri', input: {b: 1, a: 'Đ'}}");
		BsonDocument readBack = BsonDocument
			.parse("{input: {a: 'Đ', b: {$numberLong: '1'}}, actor: 'quantri', _id: 3}");

		assertThat(this.hashes.of(readBack)).isEqualTo(this.hashes.of(written));
	}

	@Test
	void theHashFieldItselfIsLeftOut() {
		BsonDocument entry = BsonDocument.parse("{_id: 1, actor: 'quantri'}");
		String hash = this.hashes.of(entry);

		assertThat(this.hashes.of(entry.clone().append("hash", new BsonString(hash)))).isEqualTo(hash);
	}

	@Test
	void anyDifferenceChangesTheHash() {
		BsonDocument entry = BsonDocument.parse("{_id: 1, actor: 'quantri', roles: ['admin'], input: {n: 1}}");
		String hash = this.hashes.of(entry);

		assertThat(this.hashes.of(entry.clone().append("actor", new BsonString("quantrí")))).isNotEqualTo(hash);
		assertThat(this.hashes.of(entry.clone().append("_id", new BsonInt64(2)))).isNotEqualTo(hash);
		assertThat(this.hashes.of(BsonDocument.parse("{_id: 1, actor: 'quantri', roles: ['admin'], input: {n: 1.0}}")))
			.isNotEqualTo(hash);
		assertThat(this.hashes.of(BsonDocument.parse("{_id: 1, actor: 'quantri', roles: [], input: {n: 1}}")))
			.isNotEqualTo(hash);
		assertThat(this.hashes.of(entry.clone().append("extra", new BsonInt32(0)))).isNotEqualTo(hash);
		// Moving text between fields is a difference too.
		assertThat(this.hashes.of(BsonDocument.parse("{a: 'xy', b: ''}")))
			.isNotEqualTo(this.hashes.of(BsonDocument.parse("{a: 'x', b: 'y'}")));
	}

}
