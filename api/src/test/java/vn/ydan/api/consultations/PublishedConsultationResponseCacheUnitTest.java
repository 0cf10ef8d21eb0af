package vn.ydan.api.consultations;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PublishedConsultationResponseCacheUnitTest {

	@Test
	void onlyQueriesOfConsultationsByIdAreCandidates() {
		assertThat(PublishedConsultationResponseCache
			.consultationIds("query($id: ID!) { consultation(id: $id) { title } }")).containsExactly("$id");
		assertThat(PublishedConsultationResponseCache
			.consultationIds("{ a: consultation(id: \"x\") { title } b: consultation(id: \"y\") { title } }"))
			.containsExactly("x", "y");
		assertThat(PublishedConsultationResponseCache
			.consultationIds("{ consultation(id: \"x\") { title } me { username } }")).isEmpty();
		assertThat(PublishedConsultationResponseCache.consultationIds("{ consultations { title } }")).isEmpty();
		assertThat(PublishedConsultationResponseCache
			.consultationIds("mutation { closeConsultation(id: \"x\") { userErrors { code } } }")).isEmpty();
		assertThat(PublishedConsultationResponseCache.consultationIds("{ consultation(id: ")).isEmpty();
	}

}
