package vn.ydan.api.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.Environment;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * The authorities of a token: its realm roles ({@code realm_access.roles}) as
 * {@code ROLE_<name>}, bound to the client the token was issued to ({@code azp}).
 * <p>
 * A token of a first-party client ({@code ydan.access.first-party-clients}: the console;
 * in development also the test client {@code ydan-test}) carries its user's roles. Any
 * other client is a third party (a partner app, registered or not) and gets only what a
 * partner app can be granted, whatever Keycloak put into the token: {@code partner}, and
 * {@code resident} when the app was granted resident answers (its tokens carry
 * {@code ydan_grants: resident-answers}, {@link HouseholdScope}). An official who signs
 * in to a partner app thus lends it nothing of her office; the realm keeps the same rule
 * on its side (partner clients are made with {@code fullScopeAllowed=false}), and the api
 * does not depend on it. A token without {@code azp} is a third party's.
 */
@Component
class ClientBoundRoles implements Converter<Jwt, Collection<GrantedAuthority>> {

	/** Test-only clients of the development realm, first-party in development only. */
	static final List<String> DEVELOPMENT_CLIENTS = List.of("ydan-test");

	private final Set<String> firstParty;

	ClientBoundRoles(@Value("${ydan.access.first-party-clients:ydan-console}") List<String> firstParty,
			Environment environment) {
		Set<String> clients = new LinkedHashSet<>();
		firstParty.stream().map(String::strip).filter((client) -> !client.isEmpty()).forEach(clients::add);
		if (DeploymentSafety.isDevelopment(environment)) {
			clients.addAll(DEVELOPMENT_CLIENTS);
		}
		this.firstParty = Set.copyOf(clients);
	}

	/** Whether tokens of {@code clientId} carry their user's roles. */
	boolean isFirstParty(@Nullable String clientId) {
		return clientId != null && this.firstParty.contains(clientId);
	}

	@Override
	public Collection<GrantedAuthority> convert(Jwt jwt) {
		List<String> roles = realmRoles(jwt);
		if (!isFirstParty(jwt.getClaimAsString("azp"))) {
			boolean residentAnswers = HouseholdScope.grants(jwt.getClaims().get(HouseholdScope.GRANTS_CLAIM))
				.contains(HouseholdScope.RESIDENT_ANSWERS);
			roles = roles.stream()
				.filter((role) -> role.equals(Roles.PARTNER) || (residentAnswers && role.equals(Roles.RESIDENT)))
				.toList();
		}
		List<GrantedAuthority> authorities = new ArrayList<>(roles.size());
		for (String role : roles) {
			authorities.add(new SimpleGrantedAuthority(Roles.AUTHORITY_PREFIX + role));
		}
		return authorities;
	}

	private static List<String> realmRoles(Jwt jwt) {
		if (jwt.getClaims().get("realm_access") instanceof Map<?, ?> access
				&& access.get("roles") instanceof Collection<?> roles) {
			return roles.stream().filter(String.class::isInstance).map(String.class::cast).distinct().toList();
		}
		return List.of();
	}

}
