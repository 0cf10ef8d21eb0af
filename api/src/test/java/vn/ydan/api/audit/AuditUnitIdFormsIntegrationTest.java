package vn.ydan.api.audit;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Entries are tagged with one form of a unit's id, whichever form the caller or the
 * feature used (padded or standard base64 of the global id), and a filter by a unit finds
 * them in any of those forms or by the unit's own id.
 */
class AuditUnitIdFormsIntegrationTest {

	/** {@code Unit:00004}, as the API hands it out. */
	private static final String CANONICAL = "VW5pdDowMDAwNA";

	private static final String PADDED = "VW5pdDowMDAwNA==";

	/**
	 * {@code Unit:a?b?}: a global id whose base64 has a {@code /} ({@code _} URL-safe).
	 */
	private static final String URL_SAFE = "VW5pdDphP2I_";

	private static final String STANDARD = "VW5pdDphP2I/";

	private final AuditStoreForTests store = new AuditStoreForTests();

	private final AuditLog auditLog = this.store.newLog(4);

	@AfterEach
	void close() {
		this.store.close();
	}

	@Test
	void aUnitSentPaddedIsTaggedInTheCanonicalFormOnce() {
		AuditEntry entry = this.auditLog
			.append(AuditStoreForTests.entry("quantri", "read:consultationHouseholds", List.of(PADDED, CANONICAL)));

		assertThat(entry.unitIds()).containsExactly(CANONICAL);
	}

	@Test
	void aFilterByUnitFindsItsEntriesWhicheverFormWasSentOrAsked() {
		this.auditLog.append(AuditStoreForTests.entry("quantri", "mutation:updateUnit", List.of(PADDED)));
		this.auditLog.append(AuditStoreForTests.entry("quantri", "mutation:updateUnit", List.of(CANONICAL)));
		this.auditLog.append(AuditStoreForTests.entry("quantri", "mutation:updateUnit", List.of("VW5pdDowMDAwMQ")));

		for (String asked : List.of(CANONICAL, PADDED, " " + CANONICAL + " ", "00004")) {
			assertThat(this.auditLog.newestFirst(new AuditFilter(null, asked, null, null, null), null, 10)).as(asked)
				.extracting(AuditEntry::seq)
				.containsExactly(2L, 1L);
		}
	}

	@Test
	void standardBase64OfAGlobalIdIsTheSameUnit() {
		assertThat(UnitIds.canonical(STANDARD)).isEqualTo(URL_SAFE);
		assertThat(UnitIds.canonical("not a unit")).isEqualTo("not a unit");
	}

}
