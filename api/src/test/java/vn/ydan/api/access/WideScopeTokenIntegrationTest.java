package vn.ydan.api.access;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import vn.ydan.api.ApiIntegrationTest;
import vn.ydan.api.GraphQlHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An official may act for up to 200 units (the most an admin can give): their scope
 * travels in the token, as unit ids, so the token of such a user is larger than the 8 KB
 * a web server takes in a header by default. The api must still take it.
 */
class WideScopeTokenIntegrationTest extends ApiIntegrationTest {

	@Test
	void aTokenCarryingTheWidestScopeAnAdminCanGiveIsAccepted() {
		List<String> scope = IntStream.range(0, 200).mapToObj((i) -> UUID.randomUUID().toString()).toList();
		String token = ScopedRolesIntegrationTest.token("canbo-rong", "official", scope);
		assertThat(token.length()).as("a token wider than the default 8 KB header limit").isGreaterThan(8 * 1024);

		Response me = this.api.query("{ me { username roles } }", token);

		assertThat(me.status()).as(me.toString()).isEqualTo(200);
		assertThat(me.<String>read("$.data.me.username")).isEqualTo("canbo-rong");
	}

}
