package vn.ydan.api.access.admin;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.ydan.api.access.admin.UserAdministration.CreateUserInput;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The GraphQL side of user and partner-app administration ({@code access.graphqls}).
 * Authorization is on the services ({@code @PreAuthorize}), not here.
 */
@Controller
class AccessAdministrationGraphQl {

	private final UserAdministration users;

	private final PartnerApps partnerApps;

	AccessAdministrationGraphQl(UserAdministration users, PartnerApps partnerApps) {
		this.users = users;
		this.partnerApps = partnerApps;
	}

	@QueryMapping
	UserConnection users(@Argument @Nullable String search, @Argument int first, @Argument @Nullable String after) {
		return this.users.users(search, first, after);
	}

	@QueryMapping
	@Nullable UserAccount user(@Argument String id) {
		return this.users.user(id);
	}

	@QueryMapping
	List<PartnerApp> partnerApps() {
		return this.partnerApps.list();
	}

	@SchemaMapping(typeName = "User")
	List<Object> scope(UserAccount user) {
		return this.users.scopeUnits(user).stream().map((unit) -> unit.view()).toList();
	}

	@SchemaMapping(typeName = "User")
	List<String> effectivePermissions(UserAccount user) {
		return EffectivePermissions.of(user, this.users.scopeUnits(user));
	}

	@MutationMapping
	UserPayload createUser(@Argument CreateUserInput input) {
		return this.users.create(input);
	}

	@MutationMapping
	UserPayload setUserEnabled(@Argument SetUserEnabledInput input) {
		return this.users.setEnabled(input.userId(), input.enabled());
	}

	@MutationMapping
	UserPayload setTemporaryPassword(@Argument SetTemporaryPasswordInput input) {
		return this.users.setTemporaryPassword(input.userId(), input.password());
	}

	@MutationMapping
	UserPayload setUserRoles(@Argument SetUserRolesInput input) {
		return this.users.setRoles(input.userId(), input.roles(), input.scopeUnitIds());
	}

	@MutationMapping
	UserPayload setUserScope(@Argument SetUserScopeInput input) {
		return this.users.setScope(input.userId(), input.unitIds());
	}

	@MutationMapping
	UserPayload setUserHousehold(@Argument SetUserHouseholdInput input) {
		return this.users.setHousehold(input.userId(), input.household());
	}

	@MutationMapping
	PartnerAppPayload registerPartnerApp(@Argument RegisterPartnerAppInput input) {
		return this.partnerApps.register(input.name(), input.description(),
				Boolean.TRUE.equals(input.residentAnswers()),
				(input.redirectUris() != null) ? input.redirectUris() : List.of());
	}

	@MutationMapping
	PartnerAppPayload rotatePartnerAppSecret(@Argument PartnerAppIdInput input) {
		return this.partnerApps.rotateSecret(input.id());
	}

	@MutationMapping
	PartnerAppPayload setPartnerAppEnabled(@Argument SetPartnerAppEnabledInput input) {
		return this.partnerApps.setEnabled(input.id(), input.enabled());
	}

	record SetUserEnabledInput(String userId, boolean enabled) {
	}

	record SetTemporaryPasswordInput(String userId, String password) {
	}

	record SetUserRolesInput(String userId, List<Role> roles, @Nullable List<String> scopeUnitIds) {
	}

	record SetUserScopeInput(String userId, List<String> unitIds) {
	}

	record SetUserHouseholdInput(String userId, @Nullable String household) {
	}

	record RegisterPartnerAppInput(String name, @Nullable String description, @Nullable Boolean residentAnswers,
			@Nullable List<String> redirectUris) {
	}

	record PartnerAppIdInput(String id) {
	}

	record SetPartnerAppEnabledInput(String id, boolean enabled) {
	}

}
