package vn.ydan.api.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class GroupCommitUnitTest {

	@Test
	void aWriteAloneIsStoredAtOnceInABatchOfOne() {
		List<List<String>> batches = new CopyOnWriteArrayList<>();
		GroupCommit<String, Integer> commit = new GroupCommit<>((batch) -> {
			batches.add(batch.stream().map(GroupCommit.Write::value).toList());
			batch.forEach((write) -> write.complete(write.value().length()));
		});

		assertThat(commit.submit("Phúc Xá")).isEqualTo(7);
		assertThat(batches).containsExactly(List.of("Phúc Xá"));
	}

	@Test
	void writesWaitingWhileABatchIsStoredGoTogetherInTheNextAndEachGetsItsOwnOutcome() throws Exception {
		CountDownLatch firstStoring = new CountDownLatch(1);
		CountDownLatch othersWaiting = new CountDownLatch(1);
		List<Integer> batchSizes = new CopyOnWriteArrayList<>();
		GroupCommit<Integer, String> commit = new GroupCommit<>((batch) -> {
			batchSizes.add(batch.size());
			if (batch.get(0).value() == 0) {
				firstStoring.countDown();
				await(othersWaiting);
			}
			// Odd values are refused, as a duplicate answer would be.
			batch.forEach((write) -> {
				if (write.value() % 2 == 1) {
					write.fail(new IllegalStateException("refused " + write.value()));
				}
				else {
					write.complete("stored " + write.value());
				}
			});
		});
		ExecutorService writers = Executors.newFixedThreadPool(9);
		try {
			Future<String> first = writers.submit(() -> commit.submit(0));
			firstStoring.await(10, TimeUnit.SECONDS);
			List<Future<String>> others = new ArrayList<>();
			for (int i = 1; i <= 8; i++) {
				int value = i;
				others.add(writers.submit(() -> commit.submit(value)));
			}
			while (commit.queued() < 8) {
				Thread.onSpinWait();
			}
			othersWaiting.countDown();

			assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("stored 0");
			for (int i = 1; i <= 8; i++) {
				int value = i;
				if (value % 2 == 0) {
					assertThat(others.get(i - 1).get(10, TimeUnit.SECONDS)).isEqualTo("stored " + value);
				}
				else {
					assertThat(others.get(i - 1)).failsWithin(10, TimeUnit.SECONDS)
						.withThrowableOfType(java.util.concurrent.ExecutionException.class)
						.withMessageContaining("refused " + value);
				}
			}
			assertThat(batchSizes).containsExactly(1, 8);
		}
		finally {
			writers.shutdownNow();
		}
	}

	@Test
	void aStoreThatThrowsFailsEveryWriteItLeftUnsettledAndTheNextBatchStillRuns() {
		List<Integer> seen = new CopyOnWriteArrayList<>();
		GroupCommit<Integer, Integer> commit = new GroupCommit<>((batch) -> {
			batch.forEach((write) -> seen.add(write.value()));
			if (batch.get(0).value() < 0) {
				throw new IllegalStateException("store down");
			}
			batch.forEach((write) -> write.complete(write.value()));
		});

		assertThatIllegalStateException().isThrownBy(() -> commit.submit(-1)).withMessage("store down");
		assertThat(commit.submit(5)).isEqualTo(5);
		assertThat(seen).containsExactly(-1, 5);
	}

	@Test
	void aStoreThatForgetsAWriteMakesItFailRatherThanReturnNothing() {
		GroupCommit<Integer, Integer> commit = new GroupCommit<>((batch) -> {
		});

		assertThatIllegalStateException().isThrownBy(() -> commit.submit(1)).withMessageContaining("neither");
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
