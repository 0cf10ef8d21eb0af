package vn.ydan.admin.consultations;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Component;

import vn.ydan.admin.api.ApiClient;
import vn.ydan.admin.api.ApiException;
import vn.ydan.admin.api.UnitRef;

/**
 * Consultations through the api, as the signed-in user: one document of
 * {@code graphql-documents/} per call. Failures are {@link ApiException}s; refusals are
 * the payloads' {@code errors()}.
 */
@Component
public class ConsultationsApi {

	/** Vietnam's time: windows are typed and shown in it. */
	public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private final ApiClient api;

	ConsultationsApi(ApiClient api) {
		this.api = api;
	}

	/**
	 * The same calls for a background task (the live refresh), as the signed-in user: see
	 * {@link ApiClient#forBackground()}.
	 * @throws ApiException when there is no token for the user (any more)
	 */
	public ConsultationsApi forBackground() {
		return new ConsultationsApi(this.api.forBackground());
	}

	public List<ConsultationSummary> consultations() {
		return List.of(this.api.fetch("consultations", Map.of(), "consultations", ConsultationSummary[].class));
	}

	public List<PlanChoice> publishedPlans() {
		return List.of(this.api.fetch("consultationPlans", Map.of(), "plans", PlanChoice[].class));
	}

	/** Empty when there is no such consultation. */
	public Optional<ConsultationDetails> consultation(String id) {
		return this.api.fetchIfAny("consultation", Map.of("id", id), "consultation", ConsultationDetails.class);
	}

	/** The live figures; empty when the consultation is gone. */
	public Optional<ConsultationDetails.Progress> progress(String id) {
		return this.api.fetchIfAny("consultationProgress", Map.of("id", id), "consultation",
				ConsultationDetails.Progress.class);
	}

	/**
	 * The live figures as they change, over the api's subscription (a background client
	 * only, {@link #forBackground()}): the results are pushed; the status and the online
	 * answers, which they do not carry, are asked once per push (a small query). A burst
	 * of pushes asks once, for the latest.
	 */
	public Flux<ConsultationDetails.Progress> liveProgress(String id) {
		return this.api
			.subscribe("consultationProgressLive", Map.of("id", id), "consultationProgress", ConsultationResults.class)
			.onBackpressureLatest()
			.concatMap((results) -> Mono
				.fromCallable(
						() -> this.api.fetchIfAny("consultationStatus", Map.of("id", id), "consultation", Status.class)
							.map((status) -> new ConsultationDetails.Progress(status.status(), status.statusName(),
									status.answerCount(), results)))
				.flatMap(Mono::justOrEmpty)
				// A slow or failing api skips this push, not the subscription: the next
				// push asks again (ApiClient has logged it).
				.onErrorResume(ApiException.class, (ex) -> Mono.empty())
				// A blocking HTTP call: off the WebSocket's threads.
				.subscribeOn(Schedulers.boundedElastic()), 1);
	}

	public ConsultationPayload create(NewConsultation consultation) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("planId", consultation.planId());
		input.put("title", consultation.title());
		input.put("opensAt", instant(consultation.opensAt()));
		input.put("closesAt", instant(consultation.closesAt()));
		input.put("operator", consultation.operator().name());
		input.put("percent", consultation.percent());
		if (consultation.previousId() != null) {
			input.put("previousId", consultation.previousId());
			input.put("communeIds", consultation.communeIds());
		}
		return this.api.fetch("createConsultation", Map.of("input", input), "createConsultation",
				ConsultationPayload.class);
	}

	public ConsultationPayload open(String id) {
		return this.api.fetch("openConsultation", Map.of("id", id), "openConsultation", ConsultationPayload.class);
	}

	/** Closes it; before its closing time, only with a reason (audited by the api). */
	public ConsultationPayload close(String id, @Nullable String reason) {
		Map<String, Object> variables = new java.util.HashMap<>();
		variables.put("id", id);
		if (reason != null && !reason.isBlank()) {
			variables.put("reason", reason.strip());
		}
		return this.api.fetch("closeConsultation", variables, "closeConsultation", ConsultationPayload.class);
	}

	/** Certifies a commune's, district's or province's results. */
	public ConsultationPayload certify(String id, String unitId) {
		return this.api.fetch("certifyResults", Map.of("consultationId", id, "unitId", unitId), "certifyResults",
				ConsultationPayload.class);
	}

	/**
	 * Asks, or (another person) confirms, that a certified unit be reopened, with the
	 * reason.
	 */
	public ConsultationPayload reopenCertification(String id, String unitId, String reason) {
		return this.api.fetch("reopenCertification", Map.of("consultationId", id, "unitId", unitId, "reason", reason),
				"reopenCertification", ConsultationPayload.class);
	}

	public ConsultationPayload publish(String id) {
		return this.api.fetch("publishResults", Map.of("consultationId", id), "publishResults",
				ConsultationPayload.class);
	}

	/**
	 * The residential groups of a commune whose tallies count (those with households in
	 * the consultation's register, read on the consultation's date), each with its tally
	 * if one was entered.
	 */
	public List<GroupRow> groups(String id, String communeId) {
		Tally[] tallies = this.api
			.fetchIfAny("consultationTallies", Map.of("id", id, "unitId", communeId), "consultation.tallies",
					Tally[].class)
			.orElse(new Tally[0]);
		Group[] groups = this.api
			.fetchIfAny("consultationGroups", Map.of("id", id, "unitId", communeId), "consultation.electorateGroups",
					Group[].class)
			.orElse(new Group[0]);
		Map<String, Tally> byGroup = new HashMap<>();
		for (Tally tally : tallies) {
			byGroup.put(tally.group().id(), tally);
		}
		List<GroupRow> rows = new ArrayList<>();
		for (Group group : groups) {
			rows.add(new GroupRow(group.group(), group.households(), byGroup.remove(group.group().id())));
		}
		// A tally of a group no longer in the register still shows.
		byGroup.values().forEach((tally) -> rows.add(new GroupRow(tally.group(), null, tally)));
		return rows;
	}

	/**
	 * Enters (or, with a reason, corrects) a group's counts.
	 * @param reason why, when correcting a verified tally; null for an entry
	 */
	public TallyPayload enterTally(String id, String groupId, PaperCounts counts, @Nullable String reason) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("consultationId", id);
		input.put("groupId", groupId);
		input.put("counts", counts.toInput());
		if (reason != null) {
			input.put("reason", reason);
		}
		return this.api.fetch("enterTally", Map.of("input", input), "enterTally", TallyPayload.class);
	}

	/**
	 * Settles a mismatched tally with the counts that hold and the reason (a supervisor's
	 * decision).
	 */
	public TallyPayload settleTally(String id, String groupId, PaperCounts counts, String reason) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("consultationId", id);
		input.put("groupId", groupId);
		input.put("counts", counts.toInput());
		input.put("reason", reason);
		return this.api.fetch("settleTally", Map.of("input", input), "settleTally", TallyPayload.class);
	}

	public HouseholdImportResult importHouseholds(String csv, @Nullable LocalDate asOf) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("csv", csv);
		if (asOf != null) {
			input.put("asOf", asOf.toString());
		}
		return this.api.fetch("importHouseholds", Map.of("input", input), "importHouseholds",
				HouseholdImportResult.class);
	}

	public List<HouseholdStatus> households(String id, String groupId) {
		return List.of(
				this.api
					.fetchIfAny("consultationHouseholds", Map.of("id", id, "groupId", groupId),
							"consultation.households", HouseholdStatus[].class)
					.orElse(new HouseholdStatus[0]));
	}

	/** A local date-time in Vietnam as the ISO-8601 instant with offset the api takes. */
	static String instant(LocalDateTime local) {
		return local.atZone(VIETNAM).toOffsetDateTime().toString();
	}

	record Group(UnitRef group, int households) {
	}

	record Status(ConsultationStatus status, String statusName, int answerCount) {
	}

}
