package vn.ydan.api.protocol;

import org.junit.jupiter.api.Test;
import vn.ydan.api.ApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without the {@link Bench#PROFILE} profile, nothing answers under {@link Bench#PATHS}.
 */
class BenchProfileOffIntegrationTest extends ApiIntegrationTest {

	@Test
	void theBaselinesAreNotThere() {
		assertThat(this.api.get("/bench/ladder/static", null).status()).isIn(401, 403, 404);
		assertThat(this.api.get("/bench/raw/unit-by-code?code=00004", null).status()).isIn(401, 403, 404);
	}

}
