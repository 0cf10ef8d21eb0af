package vn.ydan.api.protocol;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateBudgetsUnitTest {

	private static final int MAX_CLIENTS = 100;

	/** Mid-window, so that the whole test runs in one window. */
	private final InstantSource clock = InstantSource.fixed(Instant.parse("2026-05-01T10:00:30Z"));

	private final RateBudgets budgets = new RateBudgets(
			new ApiLimits.Rate(true, Duration.ofMinutes(1), 1000, 3000, 3000, "ydan-console", MAX_CLIENTS), this.clock);

	@Test
	void aFloodOfAddressesDoesNotResetTheBudgetsAlreadySpent() {
		BudgetKey spender = new BudgetKey(BudgetKey.Kind.ANONYMOUS, "203.0.113.7");
		assertThat(this.budgets.charge(spender, 900).allowed()).isTrue();

		for (int i = 0; i < 10 * MAX_CLIENTS; i++) {
			this.budgets.charge(new BudgetKey(BudgetKey.Kind.ANONYMOUS, "198.51." + (i / 256) + "." + (i % 256)), 1);
		}

		RateBudgets.Charge next = this.budgets.charge(spender, 200);
		assertThat(next.allowed()).isFalse();
		assertThat(next.remaining()).isEqualTo(100);
	}

	@Test
	void aNewClientInAFullTableIsStillCharged() {
		for (int i = 0; i < 10 * MAX_CLIENTS; i++) {
			this.budgets.charge(new BudgetKey(BudgetKey.Kind.ANONYMOUS, "198.51." + (i / 256) + "." + (i % 256)), 1);
		}
		BudgetKey newcomer = new BudgetKey(BudgetKey.Kind.ANONYMOUS, "203.0.113.8");

		assertThat(this.budgets.charge(newcomer, 600).allowed()).isTrue();
		assertThat(this.budgets.charge(newcomer, 600).allowed()).isFalse();
	}

	@Test
	void theTableStaysBounded() {
		for (int i = 0; i < 10 * MAX_CLIENTS; i++) {
			this.budgets.charge(new BudgetKey(BudgetKey.Kind.ANONYMOUS, "198.51." + (i / 256) + "." + (i % 256)), 1);
		}

		assertThat(this.budgets.size()).isLessThanOrEqualTo(MAX_CLIENTS);
	}

}
