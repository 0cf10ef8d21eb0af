package vn.ydan.api.consultations;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PublishedAnswersUnitTest {

	@Test
	void onlyQueriesOfConsultationsByIdAreCandidates() {
		assertThat(PublishedAnswers.consultationIds("query($id: ID!) { consultation(id: $id) { title } }"))
			.containsExactly("$id");
		assertThat(PublishedAnswers
			.consultationIds("{ a: consultation(id: \"x\") { title } b: consultation(id: \"y\") { title } }"))
			.containsExactly("x", "y");
		assertThat(PublishedAnswers.consultationIds("{ consultation(id: \"x\") { title } me { username } }")).isEmpty();
		assertThat(PublishedAnswers.consultationIds("{ consultations { title } }")).isEmpty();
		assertThat(
				PublishedAnswers.consultationIds("mutation { closeConsultation(id: \"x\") { userErrors { code } } }"))
			.isEmpty();
		assertThat(PublishedAnswers.consultationIds("{ consultation(id: ")).isEmpty();
	}

}
