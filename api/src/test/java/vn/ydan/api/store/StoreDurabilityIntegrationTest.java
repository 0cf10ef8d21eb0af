package vn.ydan.api.store;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class StoreDurabilityIntegrationTest {

	@Test
	void everyAcknowledgedInsertSurvivesKill9(@TempDir Path directory) throws Exception {
		var result = new Kill9Measurement(directory, true, 10_000, 8, 5_000).run();

		assertThat(result.acknowledged()).as("killed in the middle of the burst: %s", result)
			.isGreaterThanOrEqualTo(5_000)
			.isLessThan(10_001);
		assertThat(result.lost()).as(result.toString()).isZero();
	}

}
