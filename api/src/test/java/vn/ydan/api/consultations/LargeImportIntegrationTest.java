package vn.ydan.api.consultations;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.ydan.api.ApiIntegrationTest;
import vn.ydan.api.GraphQlHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 20 MB register (the largest file the console lets an official pick, ~690,000 rows) is
 * refused with a row error once the import has read its first 200,000 rows, instead of
 * being held whole; the api answers the next request.
 */
class LargeImportIntegrationTest extends ApiIntegrationTest {

	@Test
	void aTwentyMegabyteRegisterIsRefusedWithTooManyRowsAndTheApiGoesOn() {
		StringBuilder csv = new StringBuilder("commune_code,group_code,household_id\n");
		for (int i = 0; csv.length() < 20 * 1024 * 1024; i++) {
			csv.append("00004,1,ho-lon-").append(i).append('\n');
		}

		Response answer = this.api.query("""
				mutation($csv: String!) { importHouseholds(input: { csv: $csv }) {
				  households errors { line code message } } }""", Map.of("csv", csv.toString()),
				issuer.tokenFor("quantri", "Nguyễn Văn An", "admin"));

		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		assertThat(answer.<List<String>>read("$.data.importHouseholds.errors[*].code"))
			.containsExactly("TOO_MANY_ROWS");
		assertThat(answer.<Integer>read("$.data.importHouseholds.households")).isZero();
		assertThat(this.api.query("{ units(first: 1) { totalCount } }", null).status()).isEqualTo(200);
	}

}
