package vn.ydan.admin.access;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import vn.ydan.admin.api.ApiClient;

/**
 * Users and partner apps through the api, as the signed-in admin. Each call is one
 * document of {@code graphql-documents/}; failures are
 * {@link vn.ydan.admin.api.ApiException}s.
 */
@Component
public class AccessApi {

	/**
	 * The api charges every field by the page size: 50 users with their scopes stay
	 * within a request's cost limit.
	 */
	public static final int PAGE_SIZE = 50;

	private final ApiClient api;

	AccessApi(ApiClient api) {
		this.api = api;
	}

	public Users users(@Nullable String search) {
		Map<String, @Nullable Object> variables = new HashMap<>();
		variables.put("search", (search != null && !search.isBlank()) ? search.strip() : null);
		Connection connection = this.api.fetch("accessUsers", variables, "users", Connection.class);
		return new Users(connection.edges().stream().map(Edge::node).toList(), connection.totalCount());
	}

	public UserPayload createUser(String username, @Nullable String lastName, @Nullable String firstName,
			@Nullable String email, @Nullable String temporaryPassword, List<Role> roles) {
		Map<String, @Nullable Object> input = new HashMap<>();
		input.put("username", username);
		input.put("lastName", blankToNull(lastName));
		input.put("firstName", blankToNull(firstName));
		input.put("email", blankToNull(email));
		input.put("temporaryPassword", blankToNull(temporaryPassword));
		input.put("roles", roles.stream().map(Role::name).toList());
		return user("createUser", input);
	}

	public UserPayload setEnabled(String userId, boolean enabled) {
		return user("setUserEnabled", Map.of("userId", userId, "enabled", enabled));
	}

	public UserPayload setTemporaryPassword(String userId, String password) {
		return user("setTemporaryPassword", Map.of("userId", userId, "password", password));
	}

	/** Roles and scope together: the api undoes the roles if the scope fails. */
	public UserPayload setRolesAndScope(String userId, List<Role> roles, List<String> scopeUnitIds) {
		return user("setUserRoles", Map.of("userId", userId, "roles", roles.stream().map(Role::name).toList(),
				"scopeUnitIds", scopeUnitIds));
	}

	public UserPayload setHousehold(String userId, @Nullable String household) {
		Map<String, @Nullable Object> input = new HashMap<>();
		input.put("userId", userId);
		input.put("household", blankToNull(household));
		return user("setUserHousehold", input);
	}

	/** Provinces, districts and communes whose name matches; diacritics optional. */
	public List<ScopeUnit> searchUnits(String text) {
		Map<String, @Nullable Object> variables = new HashMap<>();
		variables.put("search", text.strip());
		UnitConnection units = this.api.fetch("scopeUnitSearch", variables, "units", UnitConnection.class);
		return units.edges()
			.stream()
			.map(UnitEdge::node)
			.filter((unit) -> !"RESIDENTIAL_GROUP".equals(unit.level()))
			.toList();
	}

	public List<PartnerApp> partnerApps() {
		return List.of(this.api.fetch("partnerApps", Map.of(), "partnerApps", PartnerApp[].class));
	}

	public PartnerAppPayload registerPartnerApp(String name, @Nullable String description, boolean residentAnswers,
			List<String> redirectUris) {
		Map<String, @Nullable Object> input = new HashMap<>();
		input.put("name", name);
		input.put("description", blankToNull(description));
		input.put("residentAnswers", residentAnswers);
		input.put("redirectUris", redirectUris);
		return app("registerPartnerApp", input);
	}

	public PartnerAppPayload rotateSecret(String id) {
		return app("rotatePartnerAppSecret", Map.of("id", id));
	}

	public PartnerAppPayload setAppEnabled(String id, boolean enabled) {
		return app("setPartnerAppEnabled", Map.of("id", id, "enabled", enabled));
	}

	private UserPayload user(String document, Map<String, ? extends @Nullable Object> input) {
		return this.api.fetch(document, Map.of("input", present(input)), document, UserPayload.class);
	}

	private PartnerAppPayload app(String document, Map<String, ? extends @Nullable Object> input) {
		return this.api.fetch(document, Map.of("input", present(input)), document, PartnerAppPayload.class);
	}

	private static Map<String, Object> present(Map<String, ? extends @Nullable Object> values) {
		Map<String, Object> present = new HashMap<>();
		values.forEach((key, value) -> {
			if (value != null) {
				present.put(key, value);
			}
		});
		return present;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/**
	 * A page of users.
	 *
	 * @param users the users
	 * @param totalCount how many match in all
	 */
	public record Users(List<UserAccount> users, int totalCount) {
	}

	record Connection(List<Edge> edges, int totalCount) {
	}

	record Edge(UserAccount node) {
	}

	record UnitConnection(List<UnitEdge> edges) {
	}

	record UnitEdge(ScopeUnit node) {
	}

}
