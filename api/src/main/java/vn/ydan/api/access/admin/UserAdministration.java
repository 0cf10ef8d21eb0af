package vn.ydan.api.access.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.ydan.api.access.LiveConnections;
import vn.ydan.api.access.Roles;
import vn.ydan.api.access.UnitHierarchy.ScopeUnit;
import vn.ydan.api.access.UnitHierarchy;
import vn.ydan.api.protocol.KeycloakUnavailableException;
import vn.ydan.api.protocol.UserError;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Service;

/**
 * Users, their roles, scopes and households, in Keycloak. Administrators only. Domain
 * refusals come back as {@link UserError}s; Keycloak failing midway leaves nothing
 * half-done: a change made of several Admin REST calls undoes the calls already made when
 * a later one fails, and says so when even the undo fails.
 */
@Service
class UserAdministration {

	private static final Logger log = LoggerFactory.getLogger(UserAdministration.class);

	static final int MAX_PAGE = 100;

	static final int MAX_SCOPE = 200;

	static final int MIN_PASSWORD = 8;

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

	private static final Pattern HOUSEHOLD = Pattern.compile("[0-9A-Za-z_=-]{1,64}");

	private final KeycloakAdmin keycloak;

	private final ObjectProvider<UnitHierarchy> hierarchy;

	private final Map<Role, Map<String, Object>> roleRepresentations = new ConcurrentHashMap<>();

	private final LiveConnections connections;

	UserAdministration(KeycloakAdmin keycloak, ObjectProvider<UnitHierarchy> hierarchy, LiveConnections connections) {
		this.keycloak = keycloak;
		this.hierarchy = hierarchy;
		this.connections = connections;
	}

	@PreAuthorize(Roles.IS_ADMIN)
	UserConnection users(@Nullable String search, int first, @Nullable String after) {
		if (first < 0 || first > MAX_PAGE) {
			throw new vn.ydan.api.protocol.BadRequestException("first phải từ 0 đến " + MAX_PAGE);
		}
		int offset = UserConnection.offsetAfter(after);
		Map<String, Object> query = new LinkedHashMap<>();
		if (search != null && !search.isBlank()) {
			query.put("search", search.strip());
		}
		int total = this.keycloak.count("/users/count", query);
		query.put("first", offset);
		query.put("max", first);
		query.put("briefRepresentation", false);
		List<UserAccount> users = new ArrayList<>();
		if (first > 0) {
			for (Map<String, Object> representation : this.keycloak.list("/users", query)) {
				users.add(UserAccount.of(representation, rolesOf(String.valueOf(representation.get("id")))));
			}
		}
		return UserConnection.of(users, offset, total);
	}

	@PreAuthorize(Roles.IS_ADMIN)
	@Nullable UserAccount user(String id) {
		try {
			return load(id);
		}
		catch (KeycloakAdmin.Missing ex) {
			return null;
		}
	}

	@PreAuthorize(Roles.IS_ADMIN)
	UserPayload create(CreateUserInput input) {
		List<UserError> errors = new ArrayList<>();
		String username = input.username().strip().toLowerCase(java.util.Locale.ROOT);
		if (!USERNAME.matcher(username).matches()) {
			errors.add(UserError.of("username",
					"Tên đăng nhập gồm 3–64 chữ thường không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới",
					"USERNAME_INVALID"));
		}
		if (input.temporaryPassword() != null && input.temporaryPassword().length() < MIN_PASSWORD) {
			errors.add(UserError.of("temporaryPassword", "Mật khẩu tạm cần ít nhất " + MIN_PASSWORD + " ký tự",
					"PASSWORD_TOO_SHORT"));
		}
		List<Role> roles = (input.roles() != null) ? List.copyOf(new LinkedHashSet<>(input.roles())) : List.of();
		List<String> scope = checkScope(orEmpty(input.scopeUnitIds()), roles, "scopeUnitIds", errors);
		String household = checkHousehold(input.household(), "household", errors);
		if (!errors.isEmpty()) {
			return UserPayload.rejected(errors);
		}
		Map<String, Object> representation = new LinkedHashMap<>();
		representation.put("username", username);
		putIfPresent(representation, "firstName", input.firstName());
		putIfPresent(representation, "lastName", input.lastName());
		putIfPresent(representation, "email", input.email());
		representation.put("enabled", true);
		representation.put("emailVerified", input.email() != null);
		Map<String, List<String>> attributes = new LinkedHashMap<>();
		if (!scope.isEmpty()) {
			attributes.put(UserAccount.SCOPE, scope);
		}
		if (household != null) {
			attributes.put(UserAccount.HOUSEHOLD, List.of(household));
		}
		representation.put("attributes", attributes);
		if (input.temporaryPassword() != null) {
			representation.put("credentials",
					List.of(Map.of("type", "password", "value", input.temporaryPassword(), "temporary", true)));
		}
		String id;
		try {
			id = this.keycloak.create("/users", representation);
		}
		catch (KeycloakAdmin.Conflict ex) {
			return UserPayload.rejected(List.of(UserError.of(ex.getMessage().contains("email") ? "email" : "username",
					ex.getMessage().contains("email") ? "Email đã được dùng cho người dùng khác"
							: "Tên đăng nhập " + username + " đã có",
					ex.getMessage().contains("email") ? "EMAIL_TAKEN" : "USERNAME_TAKEN")));
		}
		catch (KeycloakAdmin.Rejected ex) {
			// Keycloak's own text is for the server log, not for the caller.
			log.warn("Keycloak rejected user {} ({}): {}", username, ex.status, ex.getMessage());
			return UserPayload.rejected(List.of(new UserError(List.of("input"),
					"Keycloak từ chối người dùng này; hãy kiểm tra tên đăng nhập, email và họ tên", "USER_REJECTED")));
		}
		if (id == null) {
			throw new KeycloakUnavailableException("Keycloak không trả về id của người dùng vừa tạo.");
		}
		if (!roles.isEmpty()) {
			try {
				this.keycloak.post("/users/{id}/role-mappings/realm", representations(roles), id);
			}
			catch (RuntimeException ex) {
				undo("tạo người dùng " + username, ex, () -> this.keycloak.delete("/users/{id}", null, id),
						"người dùng " + username + " đã được tạo nhưng chưa có vai trò; hãy xoá trong Keycloak");
			}
		}
		return UserPayload.of(load(id));
	}

	@PreAuthorize(Roles.IS_ADMIN)
	UserPayload setEnabled(String userId, boolean enabled) {
		UserAccount user = loadOrNull(userId);
		if (user == null) {
			return notFound("userId");
		}
		if (!enabled && isSelf(userId)) {
			return UserPayload.rejected(
					List.of(UserError.of("enabled", "Không thể tự khoá tài khoản của chính mình", "SELF_DISABLE")));
		}
		if (!enabled && user.has(Role.ADMIN) && user.enabled() && !otherEnabledAdminExists(userId)) {
			return lastAdmin("enabled");
		}
		if (user.enabled() == enabled) {
			return UserPayload.of(user);
		}
		Map<String, Object> representation = this.keycloak.get("/users/{id}", userId);
		representation.put("enabled", enabled);
		this.keycloak.put("/users/{id}", representation, userId);
		if (!enabled) {
			try {
				// Ends the user's sessions: no new tokens; tokens issued already lapse
				// within their 5 minutes.
				this.keycloak.post("/users/{id}/logout", null, userId);
			}
			catch (RuntimeException ex) {
				log.warn("User {} disabled, but ending their sessions failed: {}", user.username(), ex.getMessage());
			}
			this.connections.end(userId);
		}
		return UserPayload.of(load(userId));
	}

	@PreAuthorize(Roles.IS_ADMIN)
	UserPayload setTemporaryPassword(String userId, String password) {
		if (password.length() < MIN_PASSWORD) {
			return UserPayload.rejected(List.of(UserError.of("password",
					"Mật khẩu tạm cần ít nhất " + MIN_PASSWORD + " ký tự", "PASSWORD_TOO_SHORT")));
		}
		UserAccount user = loadOrNull(userId);
		if (user == null) {
			return notFound("userId");
		}
		try {
			this.keycloak.put("/users/{id}/reset-password",
					Map.of("type", "password", "value", password, "temporary", true), userId);
		}
		catch (KeycloakAdmin.Rejected ex) {
			log.warn("Keycloak rejected the temporary password of {} ({}): {}", user.username(), ex.status,
					ex.getMessage());
			return UserPayload.rejected(List.of(UserError.of("password",
					"Keycloak từ chối mật khẩu: mật khẩu không đạt chính sách mật khẩu của hệ thống",
					"PASSWORD_REJECTED")));
		}
		return UserPayload.of(user);
	}

	/**
	 * Sets the user's roles (and, when {@code scopeUnitIds} is given, their scope) to
	 * exactly these: role changes first, then the scope; if the scope cannot be written
	 * the role changes are undone.
	 */
	@PreAuthorize(Roles.IS_ADMIN)
	UserPayload setRoles(String userId, List<Role> wanted, @Nullable List<String> scopeUnitIds) {
		UserAccount user = loadOrNull(userId);
		if (user == null) {
			return notFound("userId");
		}
		List<Role> roles = List.copyOf(new LinkedHashSet<>(wanted));
		List<UserError> errors = new ArrayList<>();
		List<String> scope = (scopeUnitIds != null) ? checkScope(scopeUnitIds, roles, "scopeUnitIds", errors)
				: user.scopeEntries();
		if (!errors.isEmpty()) {
			return UserPayload.rejected(errors);
		}
		if (user.has(Role.ADMIN) && !roles.contains(Role.ADMIN) && user.enabled() && !otherEnabledAdminExists(userId)) {
			return lastAdmin("roles");
		}
		List<Role> added = roles.stream().filter((role) -> !user.has(role)).toList();
		List<Role> removed = user.roles().stream().filter((role) -> !roles.contains(role)).toList();
		if (!added.isEmpty()) {
			this.keycloak.post("/users/{id}/role-mappings/realm", representations(added), userId);
		}
		if (!removed.isEmpty()) {
			try {
				this.keycloak.delete("/users/{id}/role-mappings/realm", representations(removed), userId);
			}
			catch (RuntimeException ex) {
				undo("đổi vai trò của " + user.username(), ex, () -> revokeQuietly(userId, added),
						"vai trò đã thêm (" + labels(added) + ") vẫn còn");
			}
		}
		if (scopeUnitIds != null && !scope.equals(user.scopeEntries())) {
			try {
				writeAttribute(userId, UserAccount.SCOPE, scope);
			}
			catch (RuntimeException ex) {
				undo("đổi vai trò và phạm vi của " + user.username(), ex, () -> {
					if (!removed.isEmpty()) {
						this.keycloak.post("/users/{id}/role-mappings/realm", representations(removed), userId);
					}
					revokeQuietly(userId, added);
				}, "vai trò đã đổi nhưng phạm vi chưa đổi");
			}
		}
		String household = user.household();
		if (removed.contains(Role.RESIDENT) && household != null) {
			// The household is the resident's binding, which resident apps' tokens carry
			// with the role they grant (decision 13): it ends with the role.
			try {
				writeAttribute(userId, UserAccount.HOUSEHOLD, List.of());
			}
			catch (RuntimeException ex) {
				undo("bỏ vai trò cư dân của " + user.username(), ex, () -> {
					this.keycloak.post("/users/{id}/role-mappings/realm", representations(removed), userId);
					revokeQuietly(userId, added);
				}, "vai trò đã đổi nhưng hộ " + household + " vẫn gắn với tài khoản");
			}
		}
		if (!removed.isEmpty() || (scopeUnitIds != null && narrowed(user.scopeEntries(), scope))) {
			this.connections.end(userId);
		}
		return UserPayload.of(load(userId));
	}

	@PreAuthorize(Roles.IS_ADMIN)
	UserPayload setScope(String userId, List<String> unitIds) {
		UserAccount user = loadOrNull(userId);
		if (user == null) {
			return notFound("userId");
		}
		List<UserError> errors = new ArrayList<>();
		List<String> scope = checkScope(unitIds, user.roles(), "unitIds", errors);
		if (!errors.isEmpty()) {
			return UserPayload.rejected(errors);
		}
		if (!scope.equals(user.scopeEntries())) {
			writeAttribute(userId, UserAccount.SCOPE, scope);
			if (narrowed(user.scopeEntries(), scope)) {
				this.connections.end(userId);
			}
		}
		return UserPayload.of(load(userId));
	}

	@PreAuthorize(Roles.IS_ADMIN)
	UserPayload setHousehold(String userId, @Nullable String household) {
		UserAccount user = loadOrNull(userId);
		if (user == null) {
			return notFound("userId");
		}
		List<UserError> errors = new ArrayList<>();
		String checked = checkHousehold(household, "household", errors);
		if (!errors.isEmpty()) {
			return UserPayload.rejected(errors);
		}
		writeAttribute(userId, UserAccount.HOUSEHOLD, (checked != null) ? List.of(checked) : List.of());
		String before = user.household();
		if (before != null && !before.equals(checked)) {
			this.connections.end(userId);
		}
		return UserPayload.of(load(userId));
	}

	/** The units a user's scope names, as the registry's GraphQL {@code Unit}s. */
	List<ScopeUnit> scopeUnits(UserAccount user) {
		UnitHierarchy units = this.hierarchy.getIfAvailable();
		if (units == null) {
			return List.of();
		}
		List<ScopeUnit> found = new ArrayList<>();
		for (String entry : user.scopeEntries()) {
			ScopeUnit unit = units.resolve(entry);
			if (unit != null) {
				found.add(unit);
			}
		}
		return found;
	}

	private List<String> checkScope(List<String> unitIds, List<Role> roles, String field, List<UserError> errors) {
		if (unitIds.size() > MAX_SCOPE) {
			errors.add(UserError.of(field, "Phạm vi tối đa " + MAX_SCOPE + " đơn vị", "SCOPE_TOO_LARGE"));
			return List.of();
		}
		UnitHierarchy units = this.hierarchy.getIfAvailable();
		boolean clerkOnly = roles.contains(Role.CLERK) && !roles.contains(Role.OFFICIAL);
		Set<String> ids = new LinkedHashSet<>();
		for (String unitId : unitIds) {
			ScopeUnit unit = (units != null) ? units.resolve(unitId) : null;
			if (unit == null) {
				errors.add(UserError.of(field, "Không tìm thấy đơn vị " + unitId, "UNIT_UNKNOWN"));
			}
			else if (!unit.inForce()) {
				errors.add(UserError.of(field, unit.fullName() + " không còn hiệu lực", "UNIT_ENDED"));
			}
			else if ("RESIDENTIAL_GROUP".equals(unit.level())) {
				errors.add(UserError.of(field,
						"Phạm vi là tỉnh, huyện hoặc xã, không phải tổ dân phố, thôn (" + unit.fullName() + ")",
						"SCOPE_LEVEL"));
			}
			else if (clerkOnly && !ScopeUnit.COMMUNE.equals(unit.level())) {
				errors.add(UserError.of(field,
						"Thư ký tổ công tác chỉ được giao đơn vị cấp xã; " + unit.fullName() + " không phải cấp xã",
						"CLERK_SCOPE_COMMUNES_ONLY"));
			}
			else {
				ids.add(unit.id());
			}
		}
		return List.copyOf(ids);
	}

	private static @Nullable String checkHousehold(@Nullable String household, String field, List<UserError> errors) {
		if (household == null || household.isBlank()) {
			return null;
		}
		String value = household.strip();
		if (!HOUSEHOLD.matcher(value).matches()) {
			errors.add(UserError.of(field, "Mã hộ gồm 1–64 chữ không dấu, số, gạch ngang, gạch dưới",
					"HOUSEHOLD_INVALID"));
			return null;
		}
		return value;
	}

	private void writeAttribute(String userId, String name, List<String> values) {
		Map<String, Object> representation = this.keycloak.get("/users/{id}", userId);
		Map<String, Object> attributes = new LinkedHashMap<>();
		if (representation.get("attributes") instanceof Map<?, ?> existing) {
			existing.forEach((key, value) -> attributes.put(String.valueOf(key), value));
		}
		if (values.isEmpty()) {
			attributes.remove(name);
		}
		else {
			attributes.put(name, values);
		}
		representation.put("attributes", attributes);
		this.keycloak.put("/users/{id}", representation, userId);
	}

	private void revokeQuietly(String userId, List<Role> roles) {
		if (!roles.isEmpty()) {
			this.keycloak.delete("/users/{id}/role-mappings/realm", representations(roles), userId);
		}
	}

	/**
	 * Runs {@code compensation} after {@code failure} and reports the failure; if the
	 * compensation fails too, the report says what was left changed.
	 */
	private static void undo(String what, RuntimeException failure, Runnable compensation, String leftOver) {
		try {
			compensation.run();
		}
		catch (RuntimeException undoFailed) {
			log.error("Undoing '{}' failed after {}: {}", what, failure.getMessage(), undoFailed.getMessage());
			throw new KeycloakUnavailableException(
					"Keycloak lỗi giữa chừng khi " + what + " và không hoàn tác được: " + leftOver + ".", failure);
		}
		// The failure's own text (paths, ids, Keycloak's words) is for the server log.
		log.warn("'{}' failed midway and was undone: {}", what, failure.getMessage());
		throw new KeycloakUnavailableException(
				"Keycloak lỗi giữa chừng khi " + what + "; đã hoàn tác, không có gì thay đổi. Hãy thử lại.", failure);
	}

	private boolean otherEnabledAdminExists(String userId) {
		List<Map<String, Object>> admins = this.keycloak.list("/roles/{role}/users",
				Map.of("first", 0, "max", 1000, "briefRepresentation", true), Role.ADMIN.realmName());
		return admins.stream()
			.anyMatch((admin) -> !userId.equals(admin.get("id")) && Boolean.TRUE.equals(admin.get("enabled")));
	}

	private List<Map<String, Object>> representations(List<Role> roles) {
		return roles.stream()
			.map((role) -> this.roleRepresentations.computeIfAbsent(role,
					(key) -> Map.copyOf(this.keycloak.get("/roles/{name}", key.realmName()))))
			.map((representation) -> Map.of("id", representation.get("id"), "name", representation.get("name")))
			.toList();
	}

	private UserAccount load(String id) {
		Map<String, Object> representation = this.keycloak.get("/users/{id}", id);
		return UserAccount.of(representation, rolesOf(id));
	}

	private @Nullable UserAccount loadOrNull(String id) {
		try {
			return load(id);
		}
		catch (KeycloakAdmin.Missing ex) {
			return null;
		}
	}

	private List<Role> rolesOf(String userId) {
		List<Role> roles = new ArrayList<>();
		for (Map<String, Object> mapping : this.keycloak.list("/users/{id}/role-mappings/realm", Map.of(), userId)) {
			Role role = Role.ofRealmName(String.valueOf(mapping.get("name")));
			if (role != null) {
				roles.add(role);
			}
		}
		roles.sort(null);
		return roles;
	}

	private static boolean isSelf(String userId) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication instanceof JwtAuthenticationToken token && userId.equals(token.getToken().getSubject());
	}

	/**
	 * Whether a scope lost an entry (entries are compared as written: a code replaced by
	 * the id of the same unit counts, which only closes connections that could stay).
	 */
	private static boolean narrowed(List<String> before, List<String> after) {
		return !after.containsAll(before);
	}

	private static UserPayload notFound(String field) {
		return UserPayload.rejected(List.of(UserError.of(field, "Không tìm thấy người dùng", "NOT_FOUND")));
	}

	private static UserPayload lastAdmin(String field) {
		return UserPayload.rejected(List.of(UserError.of(field,
				"Đây là quản trị viên cuối cùng còn hoạt động: hãy giao vai trò quản trị cho người khác trước",
				"LAST_ADMIN")));
	}

	private static String labels(List<Role> roles) {
		return String.join(", ", roles.stream().map(Role::label).toList());
	}

	private static void putIfPresent(Map<String, Object> map, String key, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			map.put(key, value.strip());
		}
	}

	private static List<String> orEmpty(@Nullable List<String> list) {
		return (list != null) ? list : List.of();
	}

	/** {@code createUser}'s input. */
	record CreateUserInput(String username, @Nullable String firstName, @Nullable String lastName,
			@Nullable String email, @Nullable String temporaryPassword, @Nullable List<Role> roles,
			@Nullable List<String> scopeUnitIds, @Nullable String household) {
	}

}
