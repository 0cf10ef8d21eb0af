package vn.ydan.api.access;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import vn.ydan.api.ApiIntegrationTest;
import vn.ydan.api.GraphQlHttp;
import vn.ydan.api.LocalIssuer;
import vn.ydan.api.YdanApi;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/**
 * What authorization costs per call, measured in the running api with the national demo
 * registry (10,800 units): a method guarded by {@link Roles#MAY_ACT_FOR_COMMUNE} through
 * Spring Security's own {@code @PreAuthorize} interceptor and the app's expression
 * handler (so {@code @unitScope} walks the real registry), against the same method
 * unguarded; then whole GraphQL requests over HTTP, anonymous against with a bearer token
 * (signature, issuer, audience checks and the role mapping). Run by
 * {@code bench/access/measure.sh}; prints a table.
 */
public final class AuthorizationMeasurement {

	public interface Tally {

		@PreAuthorize(Roles.MAY_ACT_FOR_COMMUNE)
		int record(String unitId);

	}

	static final class PlainTally implements Tally {

		@Override
		public int record(String unitId) {
			return unitId.length();
		}

	}

	public static void main(String[] args) throws Exception {
		int calls = (args.length > 0) ? Integer.parseInt(args[0]) : 200_000;
		int requests = (args.length > 1) ? Integer.parseInt(args[1]) : 2_000;
		LocalIssuer issuer = LocalIssuer.shared();
		ConfigurableApplicationContext app = SpringApplication.run(YdanApi.class, "--server.port=0",
				"--YDAN_KEYCLOAK_URL=" + issuer.baseUrl(), "--ydan.data-dir=" + ApiIntegrationTest.temporaryDirectory(),
				"--logging.level.root=WARN");
		try {
			UnitHierarchy units = app.getBean(UnitHierarchy.class);
			UnitHierarchy.ScopeUnit trucBach = units.resolve("00004");
			UnitHierarchy.ScopeUnit phucXa = units.resolve("00001");
			if (trucBach == null || phucXa == null) {
				throw new IllegalStateException("The demo registry is not loaded");
			}
			// A class, not a lambda: the expression reads #unitId from the implementing
			// method's parameter names, which a lambda's synthetic method does not keep.
			Tally plain = new PlainTally();
			DefaultMethodSecurityExpressionHandler handler = new DefaultMethodSecurityExpressionHandler();
			handler.setApplicationContext(app);
			PreAuthorizeAuthorizationManager manager = new PreAuthorizeAuthorizationManager();
			manager.setExpressionHandler(handler);
			ProxyFactory factory = new ProxyFactory(plain);
			factory.addInterface(Tally.class);
			factory.addAdvice(AuthorizationManagerBeforeMethodInterceptor.preAuthorize(manager));
			Tally guarded = (Tally) factory.getProxy();

			JwtDecoder decoder = app.getBean(JwtDecoder.class);
			// The app's own converter (Boot's, from the authorities-claim properties)
			// when it
			// is a bean; otherwise one configured the same way.
			JwtAuthenticationConverter converter = app.getBeanProvider(JwtAuthenticationConverter.class)
				.getIfAvailable(AuthorizationMeasurement::converter);
			Authentication clerk = converter
				.convert(decoder.decode(issuer.token((claims) -> claims.claim("preferred_username", "thuky")
					.claim("realm_access", Map.of("roles", List.of("clerk")))
					.claim("ydan_scope", List.of(trucBach.id())))));
			Authentication official = converter
				.convert(decoder.decode(issuer.token((claims) -> claims.claim("preferred_username", "canbo")
					.claim("realm_access", Map.of("roles", List.of("official")))
					.claim("ydan_scope", List.of("01")))));

			System.out.printf("%-58s %10s %10s %10s%n", "in-process, per call (" + calls + " calls)", "p50 µs",
					"p99 µs", "mean µs");
			row("unguarded method", calls, () -> plain.record(trucBach.id()), clerk);
			row("@PreAuthorize MAY_ACT_FOR_COMMUNE: clerk, own commune", calls, () -> guarded.record(trucBach.id()),
					clerk);
			row("@PreAuthorize MAY_ACT_FOR_COMMUNE: official of the province", calls,
					() -> guarded.record(trucBach.id()), official);
			row("@PreAuthorize MAY_ACT_FOR_COMMUNE: clerk refused elsewhere", calls, () -> {
				try {
					return guarded.record(phucXa.id());
				}
				catch (AccessDeniedException ex) {
					return -1;
				}
			}, clerk);

			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			GraphQlHttp http = new GraphQlHttp(port);
			String query = "{ unitByCode(code: \"00004\", level: COMMUNE) { id fullName } }";
			String token = issuer.tokenFor("thuky", "Lê Văn Cường", "clerk");
			System.out.printf("%n%-58s %10s %10s %10s%n", "over HTTP, whole request (" + requests + " each)", "p50 µs",
					"p99 µs", "mean µs");
			// Interleaved so that both see the same machine.
			long[] anonymous = new long[requests];
			long[] bearer = new long[requests];
			for (int i = 0; i < requests / 5; i++) {
				http.query(query, null);
				http.query(query, token);
			}
			for (int i = 0; i < requests; i++) {
				long start = System.nanoTime();
				http.query(query, null);
				anonymous[i] = System.nanoTime() - start;
				start = System.nanoTime();
				http.query(query, token);
				bearer[i] = System.nanoTime() - start;
			}
			print("public query, anonymous", anonymous);
			print("public query, bearer token (verified, roles mapped)", bearer);
		}
		catch (RuntimeException | Error ex) {
			ex.printStackTrace();
			app.close();
			System.exit(1);
		}
		app.close();
		System.exit(0);
	}

	private static JwtAuthenticationConverter converter() {
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter((jwt) -> {
			Object access = jwt.getClaims().get("realm_access");
			List<String> roles = (access instanceof Map<?, ?> map && map.get("roles") instanceof List<?> list)
					? list.stream().map(String::valueOf).toList() : List.of();
			return roles.stream()
				.map((role) -> (org.springframework.security.core.GrantedAuthority) new org.springframework.security.core.authority.SimpleGrantedAuthority(
						Roles.AUTHORITY_PREFIX + role))
				.toList();
		});
		converter.setPrincipalClaimName("preferred_username");
		return converter;
	}

	private static void row(String name, int calls, Supplier<Integer> call, Authentication caller) {
		SecurityContextHolder.getContext().setAuthentication(caller);
		long sink = 0;
		for (int i = 0; i < calls / 4; i++) {
			sink += call.get();
		}
		long[] times = new long[calls];
		for (int i = 0; i < calls; i++) {
			long start = System.nanoTime();
			sink += call.get();
			times[i] = System.nanoTime() - start;
		}
		SecurityContextHolder.clearContext();
		print(name + ((sink == 42) ? " " : ""), times);
	}

	private static void print(String name, long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		double mean = Arrays.stream(sorted).average().orElse(0);
		System.out.printf("%-58s %10.2f %10.2f %10.2f%n", name, sorted[sorted.length / 2] / 1000.0,
				sorted[(int) (sorted.length * 0.99)] / 1000.0, mean / 1000.0);
	}

}
