package vn.ydan.api.consultations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

	@Test
	void queriesWithFragmentsBelowTheConsultationAreCandidates() {
		// The console's public results page (publicResults.graphql) spreads a fragment in
		// its roll-ups: uncached, every reader ran the whole 526-commune document.
		assertThat(PublishedConsultationResponseCache.consultationIds("""
				query publicResults($id: ID!) { consultation(id: $id) { results { total { ...r } } } }
				fragment r on RollUp { communes }
				""")).containsExactly("$id");
		assertThat(PublishedConsultationResponseCache.consultationIds("""
				query($id: ID!) { ...root }
				fragment root on Query { consultation(id: $id) { title } me { username } }
				""")).isEmpty();
		assertThat(PublishedConsultationResponseCache.consultationIds("""
				query($id: ID!) { consultation(id: $id) { title } }
				query other { consultations { title } }
				fragment r on RollUp { communes }
				""")).isEmpty();
	}

	@Test
	void theConsolesPublicResultsDocumentIsACandidate() throws IOException {
		// The page read by the public on publication day: it must be served from memory.
		String document = Files
			.readString(Path.of("../admin-ui/src/main/resources/graphql-documents/publicResults.graphql"));
		assertThat(PublishedConsultationResponseCache.consultationIds(document)).containsExactly("$id");
	}

}
