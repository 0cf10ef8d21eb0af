import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A token issuer for benchmarks (JDK only, run as `java BenchIssuer.java <port> <households file> <tokens file>`):
 * serves OIDC discovery and a JWKS like Keycloak's realm `ydan`, and signs real RS256 tokens — one per household
 * (role resident, claim ydan_household) plus an admin's and an official's — into the tokens file
 * (`<household or role>\t<token>` per line). The api verifies them exactly as it verifies Keycloak's.
 * Keycloak itself cannot hand out tens of thousands of user tokens in a benchmark's time.
 */
public class BenchIssuer {

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		List<String> households = Files.readAllLines(Path.of(args[1]));
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair keys = generator.generateKeyPair();
		String issuer = "http://127.0.0.1:" + port + "/realms/ydan";
		RSAPublicKey publicKey = (RSAPublicKey) keys.getPublic();
		String jwks = "{\"keys\":[{\"kty\":\"RSA\",\"alg\":\"RS256\",\"use\":\"sig\",\"kid\":\"bench\",\"n\":\""
				+ b64(unsigned(publicKey.getModulus())) + "\",\"e\":\"" + b64(unsigned(publicKey.getPublicExponent()))
				+ "\"}]}";
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		server.createContext("/realms/ydan/.well-known/openid-configuration", (exchange) -> json(exchange,
				"{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/protocol/openid-connect/certs\","
						+ "\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"]}"));
		server.createContext("/realms/ydan/protocol/openid-connect/certs", (exchange) -> json(exchange, jwks));
		server.start();
		long now = System.currentTimeMillis() / 1000;
		StringBuilder out = new StringBuilder();
		out.append("admin\t").append(sign(keys, claims(issuer, now, "quantri", "admin", null, "ydan-console"))).append('\n');
		out.append("admin2\t").append(sign(keys, claims(issuer, now, "quantri2", "admin", null, "ydan-console"))).append('\n');
		// Issued three hours ago, expired an hour ago: for bench/abuse.
		out.append("expired\t")
			.append(sign(keys, claims(issuer, now - 10800, "cd-expired", "resident", "b-expired", "ydan-resident-app")))
			.append('\n');
		List<String> lines = households.parallelStream()
			.filter((household) -> !household.isBlank())
			.map((household) -> household + "\t"
					+ sign(keys, claims(issuer, now, "cd-" + household, "resident", household, "ydan-resident-app")))
			.collect(Collectors.toList());
		lines.forEach((line) -> out.append(line).append('\n'));
		Files.writeString(Path.of(args[2]), out);
		System.out.println("ready " + lines.size() + " tokens");
		Thread.currentThread().join();
	}

	private static String claims(String issuer, long now, String user, String role, String household, String client) {
		return "{\"iss\":\"" + issuer + "\",\"sub\":\"" + UUID.randomUUID() + "\",\"aud\":[\"ydan-api\"],\"azp\":\""
				+ client + "\",\"typ\":\"Bearer\",\"iat\":" + now + ",\"exp\":" + (now + 7200)
				+ ",\"preferred_username\":\"" + user + "\",\"realm_access\":{\"roles\":[\"" + role + "\"]}"
				// A resident answers through an app granted resident answers (decision 13).
				+ ((household != null) ? ",\"ydan_household\":\"" + household + "\",\"ydan_grants\":\"resident-answers\"" : "")
				+ "}";
	}

	private static String sign(KeyPair keys, String claims) {
		try {
			String input = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"bench\"}".getBytes(StandardCharsets.UTF_8))
					+ "." + b64(claims.getBytes(StandardCharsets.UTF_8));
			Signature signature = Signature.getInstance("SHA256withRSA");
			signature.initSign(keys.getPrivate());
			signature.update(input.getBytes(StandardCharsets.US_ASCII));
			return input + "." + b64(signature.sign());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] unsigned(BigInteger value) {
		byte[] bytes = value.toByteArray();
		return (bytes[0] == 0) ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
	}

	private static String b64(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static void json(HttpExchange exchange, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
