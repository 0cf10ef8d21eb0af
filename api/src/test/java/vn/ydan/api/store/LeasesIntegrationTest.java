package vn.ydan.api.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Leases in the store, as two api instances (two {@link Leases}, one clock each) see
 * them: one holder at a time; a lease its holder let expire is taken over; closing
 * releases it.
 */
class LeasesIntegrationTest {

	private final MongoServer server = new MongoServer(new MemoryBackend());

	private final MongoClient client = MongoClients.create(this.server.bindAndGetConnectionString());

	private final MongoDatabase database = this.client.getDatabase("ydan");

	private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-03T10:00:00Z"));

	private final Clock clock = new Clock() {

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return LeasesIntegrationTest.this.now.get();
		}

	};

	private final Leases first = new Leases(this.database, this.clock);

	private final Leases second = new Leases(this.database, this.clock);

	@AfterEach
	void stop() {
		this.first.destroy();
		this.second.destroy();
		this.client.close();
		this.server.shutdownNow();
	}

	@Test
	void oneHolderAtATimeAndClosingReleases() {
		Leases.Lease held = this.first.tryAcquire("applyPlan:p1", Duration.ofMinutes(1));

		assertThat(held).isNotNull();
		assertThat(this.second.tryAcquire("applyPlan:p1", Duration.ofMinutes(1))).isNull();
		assertThat(this.first.tryAcquire("applyPlan:p1", Duration.ofMinutes(1))).as("not reentrant").isNull();
		assertThat(this.second.holder("applyPlan:p1")).isEqualTo(this.first.instance());
		assertThat(this.second.tryAcquire("applyPlan:p2", Duration.ofMinutes(1))).as("another job").isNotNull();

		held.close();

		assertThat(this.second.holder("applyPlan:p1")).isNull();
		assertThat(this.second.tryAcquire("applyPlan:p1", Duration.ofMinutes(1))).isNotNull();
	}

	@Test
	void aLeaseItsHolderLetExpireIsTakenOverAndListedAsExpiredUntilThen() {
		assertThat(this.first.tryAcquire("applyPlan:p1", Duration.ofMinutes(1))).isNotNull();
		this.first.destroy(); // the holder dies: no more renewals

		this.now.set(this.now.get().plus(Duration.ofSeconds(61)));

		assertThat(this.second.holder("applyPlan:p1")).isNull();
		assertThat(this.second.expired("applyPlan:")).containsExactly("applyPlan:p1");
		Leases.Lease taken = this.second.tryAcquire("applyPlan:p1", Duration.ofMinutes(1));
		assertThat(taken).isNotNull();
		assertThat(this.first.holder("applyPlan:p1")).isEqualTo(this.second.instance());
		assertThat(this.second.expired("applyPlan:")).isEmpty();
	}

	@Test
	void runExclusivelyWaitsForTheHolderThenRuns() throws Exception {
		Leases.Lease held = this.first.tryAcquire("demo-data:plans", Duration.ofMinutes(1));
		Thread release = Thread.ofVirtual().start(() -> {
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			held.close();
		});

		Boolean ran = this.second.runExclusively("demo-data:plans", Duration.ofSeconds(30), () -> true);

		release.join();
		assertThat(ran).isTrue();
		assertThat(this.first.holder("demo-data:plans")).as("released after the job").isNull();
	}

}
