package vn.ydan.api.protocol;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.ydan.api.ApiIntegrationTest;
import vn.ydan.api.GraphQlHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lists without {@code first} are estimated at the default size before a request runs;
 * what they really return is charged after. The demo Hanoi plan has 126 new units formed
 * from 795 old ones: estimated as 10 × 10, a read of all of them must cost what it
 * returned, not a hundredth of it.
 */
class RealSizeCostIntegrationTest extends ApiIntegrationTest {

	@Test
	void anUnpaginatedListIsChargedAtTheSizeItReturned() {
		Response answer = this.api.query("{ plans { proposedUnits { name components { kind } } } }",
				issuer.tokenFor("quantri", "Nguyễn Văn An", "admin"));

		int plans = answer.<List<?>>read("$.data.plans[*]").size();
		int units = answer.<List<?>>read("$.data.plans[*].proposedUnits[*]").size();
		int components = answer.<List<?>>read("$.data.plans[*].proposedUnits[*].components[*]").size();
		assertThat(components).as("the Hanoi plan's links at least").isGreaterThanOrEqualTo(795);
		// Every field 1: plans, then each plan's proposedUnits, each unit's name and
		// components, each component's kind.
		long returned = 1 + plans + 2L * units + components;
		assertThat(answer.<Number>read("$.extensions.cost.charged").longValue()).isEqualTo(returned);
		assertThat(answer.<Number>read("$.extensions.cost.requested").longValue()).isLessThan(returned);
	}

	@Test
	void aListWithinItsEstimateIsChargedTheEstimateOnly() {
		Response answer = this.api.query("{ units(first: 9) { edges { node { code } } } }", null);

		assertThat(answer.<Number>read("$.extensions.cost.requested").longValue()).isEqualTo(20);
		assertThat(answer.<Object>read("$.extensions.cost.charged")).isNull();
	}

}
