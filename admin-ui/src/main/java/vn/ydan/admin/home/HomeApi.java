package vn.ydan.admin.home;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.ydan.admin.api.ApiClient;
import vn.ydan.admin.api.ApiException;
import vn.ydan.admin.api.Me;
import vn.ydan.admin.api.SystemStatus;

/**
 * What the home page asks the api, as the signed-in user: who they are and, for admins,
 * how the api is doing. Failures are {@link ApiException}s.
 */
@Component
public class HomeApi {

	private final ApiClient api;

	HomeApi(ApiClient api) {
		this.api = api;
	}

	/** The signed-in user as the api sees them. */
	public Me me() {
		return this.api.me();
	}

	/** The consultations, with where they stand. */
	public List<Work.Consultation> consultations() {
		return List.of(this.api.fetch("homeConsultations", Map.of(), "consultations", Work.Consultation[].class));
	}

	/** The plans, with where they stand. */
	public List<Work.Plan> plans() {
		return List.of(this.api.fetch("homePlans", Map.of(), "plans", Work.Plan[].class));
	}

	/**
	 * The next group a clerk enters in a running consultation: the first of their
	 * communes (the api shows each caller those in their scope) with a group not
	 * reported, and its first group without a verified tally. Empty when all reported or
	 * when the user sees no results.
	 */
	public Optional<Work.NextGroup> nextGroup(Work.Consultation consultation) {
		Work.Results results = this.api
			.fetchIfAny("homeCommunes", Map.of("id", consultation.id()), "consultation.results", Work.Results.class)
			.orElse(null);
		if (results == null) {
			return Optional.empty();
		}
		for (Work.CommuneProgress commune : results.communes()) {
			int left = commune.groups() - commune.groupsReported();
			if (left <= 0) {
				continue;
			}
			String name = (commune.unit().fullName() != null) ? commune.unit().fullName() : commune.unit().id();
			Work.Groups groups = this.api
				.fetchIfAny("homeGroups", Map.of("id", consultation.id(), "unitId", commune.unit().id()),
						"consultation", Work.Groups.class)
				.orElse(null);
			if (groups == null) {
				return Optional.of(new Work.NextGroup(consultation, commune.unit().id(), name, null, null, left));
			}
			Set<String> verified = new HashSet<>();
			groups.tallies()
				.stream()
				.filter((tally) -> "VERIFIED".equals(tally.state()))
				.forEach((tally) -> verified.add(tally.group().id()));
			Work.Ref next = groups.electorateGroups()
				.stream()
				.map(Work.Group::group)
				.filter((group) -> !verified.contains(group.id()))
				.findFirst()
				.orElse(null);
			return Optional.of(new Work.NextGroup(consultation, commune.unit().id(), name,
					(next != null) ? next.id() : null, (next != null) ? next.fullName() : null, left));
		}
		return Optional.empty();
	}

	/** The api's status; for admins only ({@code ApiForbiddenException} otherwise). */
	public SystemStatus systemStatus() {
		return this.api.systemStatus();
	}

}
