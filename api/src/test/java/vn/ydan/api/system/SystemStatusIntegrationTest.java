package vn.ydan.api.system;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import vn.ydan.api.ApiIntegrationTest;
import vn.ydan.api.GraphQlHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;

class SystemStatusIntegrationTest extends ApiIntegrationTest {

	private static final String STATUS = "{ systemStatus { version startedAt store { kind status collections } } }";

	@Test
	void adminSeesTheStatus() {
		Response response = this.api.query(STATUS, issuer.tokenFor("quantri", "Nguyễn Văn An", "admin"));

		assertThat(response.<Object>read("$.errors")).as(response.toString()).isNull();
		assertThat(response.<String>read("$.data.systemStatus.version")).isNotBlank();
		assertThat(Instant.parse(response.read("$.data.systemStatus.startedAt"))).isBefore(Instant.now());
		assertThat(response.<String>read("$.data.systemStatus.store.kind")).isEqualTo("EMBEDDED");
		assertThat(response.<String>read("$.data.systemStatus.store.status")).isEqualTo("UP");
		assertThat(response.<Integer>read("$.data.systemStatus.store.collections")).isNotNegative();
	}

	@Test
	void officialIsForbidden() {
		Response response = this.api.query(STATUS, issuer.tokenFor("canbo", "Trần Thị Bình", "official"));

		assertThat(response.<Object>read("$.data")).as(response.toString()).isNull();
		assertThat(response.<String>read("$.errors[0].extensions.code")).isEqualTo("FORBIDDEN");
		assertThat(response.<String>read("$.errors[0].extensions.classification")).isEqualTo("FORBIDDEN");
		assertThat(response.<String>read("$.errors[0].message")).doesNotContain("Exception");
	}

	@Test
	void anonymousIsUnauthorized() {
		Response response = this.api.query(STATUS, null);

		assertThat(response.<String>read("$.errors[0].extensions.code")).as(response.toString())
			.isEqualTo("UNAUTHORIZED");
	}

}
