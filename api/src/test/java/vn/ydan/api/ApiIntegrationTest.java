package vn.ydan.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole API on a random port, with the embedded store in a fresh directory and
 * {@link LocalIssuer} as its Keycloak. Subclasses share one application context, which
 * starts like a first run: the demo registry is loaded. {@link MongoCommands} records
 * what the API sends to the store. The request limits are the production defaults, but
 * the rate budgets are too large to be exhausted.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(MongoCommands.Registration.class)
public abstract class ApiIntegrationTest {

	protected static final LocalIssuer issuer = LocalIssuer.shared();

	private static final String dataDirectory = temporaryDirectory();

	@LocalServerPort
	private int port;

	protected GraphQlHttp api;

	@DynamicPropertySource
	static void api(DynamicPropertyRegistry properties) {
		properties.add("YDAN_KEYCLOAK_URL", issuer::baseUrl);
		properties.add("ydan.data-dir", () -> dataDirectory);
		// The tests of other features share one remote address and one console client:
		// budgets they cannot exhaust. The limits themselves are tested in
		// vn.ydan.api.protocol with their own.
		for (String client : new String[] { "anonymous", "partner", "console" }) {
			properties.add("ydan.api.limits.rate." + client, () -> "1000000000");
		}
	}

	public static String temporaryDirectory() {
		try {
			return Files.createTempDirectory("ydan-api-test").toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@BeforeEach
	void client() {
		this.api = new GraphQlHttp(this.port);
	}

}
