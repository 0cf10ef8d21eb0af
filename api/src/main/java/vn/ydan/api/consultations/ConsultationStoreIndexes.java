package vn.ydan.api.consultations;

import org.bson.Document;

import vn.ydan.api.store.StoreIndexes;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.stereotype.Component;

/**
 * The reads of a consultation by commune, group and consultation, indexed on a real
 * MongoDB (the stand-in ignores indexes other than unique ones, and reads a few communes
 * or groups at a time instead). One answer per household needs no index of its own: the
 * answer's id is the consultation and the household.
 */
@Component
class ConsultationStoreIndexes implements StoreIndexes {

	@Override
	public void ensureIndexes(MongoOperations mongo) {
		// Older documents have no roundKey: sparse, so that they are not all one "null".
		mongo.indexOps(Consultations.COLLECTION)
			.createIndex(new CompoundIndexDefinition(new Document("roundKey", 1)).unique()
				.sparse()
				.named("consultation_plan_round"));
		mongo.indexOps(Households.REGISTER)
			.createIndex(new CompoundIndexDefinition(new Document("communeId", 1).append("groupId", 1))
				.named("register_commune_group"));
		mongo.indexOps(Households.ELECTORATE)
			.createIndex(new CompoundIndexDefinition(
					new Document("consultationId", 1).append("communeId", 1).append("groupId", 1))
				.named("electorate_consultation_commune_group"));
		mongo.indexOps(Households.ELECTORATE_GROUPS)
			.createIndex(new CompoundIndexDefinition(new Document("consultationId", 1))
				.named("electorate_groups_consultation"));
		mongo.indexOps(Answers.COLLECTION)
			.createIndex(new CompoundIndexDefinition(new Document("consultationId", 1).append("groupId", 1))
				.named("answers_consultation_group"));
	}

}
