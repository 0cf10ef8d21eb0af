package vn.ydan.admin.plans;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import vn.ydan.admin.api.ApiClient;
import vn.ydan.admin.api.ApiException;
import vn.ydan.admin.api.UnitRef;

/**
 * Plans through the api, as the signed-in user: one document of
 * {@code graphql-documents/} per call. Edits of a draft carry the version the user saw
 * ({@code expectedVersion}) and answer with a {@link PlanState}: the new version, the
 * validation and only the new units the edit changed, so that an edit costs one small
 * round trip even on a plan of a whole province.
 * <p>
 * Failures are {@link ApiException}s; refusals are {@link PlanPayload#errors()}.
 */
@Component
public class PlansApi {

	/** Names matched at most when picking a unit. */
	public static final int SEARCH_SIZE = 50;

	private final ApiClient api;

	PlansApi(ApiClient api) {
		this.api = api;
	}

	/**
	 * The same calls for a background task (applying a plan), as the signed-in user: see
	 * {@link ApiClient#forBackground()}.
	 * @throws ApiException when there is no token for the user (any more)
	 */
	public PlansApi forBackground() {
		return new PlansApi(this.api.forBackground());
	}

	public List<PlanSummary> plans() {
		PlanRow[] rows = this.api.fetch("plans", Map.of(), "plans", PlanRow[].class);
		return List.of(rows).stream().map(PlanRow::summary).toList();
	}

	/** A plan for the editor; empty when there is none the user may see. */
	public Optional<PlanDetails> plan(String id) {
		return this.api.fetchIfAny("plan", Map.of("id", id), "plan", PlanDetails.class);
	}

	public PlanDiff diff(String id) {
		return this.api.fetchIfAny("planDiff", Map.of("id", id), "plan.diff", PlanDiff.class).orElse(PlanDiff.EMPTY);
	}

	public Optional<PlanState> progress(String id) {
		return this.api.fetchIfAny("planApplyProgress", Map.of("id", id), "plan", PlanState.class);
	}

	/**
	 * The country as the plans of one effective date cover it. Administrators and
	 * officials; others are refused ({@link vn.ydan.admin.api.ApiForbiddenException}).
	 */
	public ReformCoverage coverage(LocalDate effectiveDate) {
		return this.api.fetch("reformCoverage", Map.of("effectiveDate", effectiveDate.toString()), "reformCoverage",
				ReformCoverage.class);
	}

	/**
	 * Units whose name matches, diacritics ignored, as they stood on a date.
	 * @param level only this level ({@code PROVINCE}, …), or any
	 */
	public List<FoundUnit> searchUnits(String text, @Nullable LocalDate asOf, @Nullable String level) {
		Map<String, @Nullable Object> variables = new HashMap<>();
		variables.put("search", text);
		variables.put("asOf", date(asOf));
		variables.put("level", level);
		variables.put("first", SEARCH_SIZE);
		Found found = this.api.fetch("planScopeSearch", variables, "units", Found.class);
		return (found.edges() != null) ? found.edges().stream().map(Found.Edge::node).toList() : List.of();
	}

	public PlanPayload create(NewPlan plan) {
		Map<String, @Nullable Object> input = new HashMap<>();
		input.put("title", plan.title());
		input.put("scopeIds", plan.scopeIds());
		input.put("effectiveDate", date(plan.effectiveDate()));
		input.put("abolishedLevels", plan.abolishDistricts() ? List.of("DISTRICT") : List.of());
		return mutate("createPlan", Map.of("input", present(input)), List.of());
	}

	/**
	 * Adds a new unit (answering with all the units, the new one among them) or changes
	 * one (answering with that one).
	 */
	public PlanPayload saveUnit(String planId, int expectedVersion, UnitDraft unit) {
		Map<String, @Nullable Object> input = new HashMap<>();
		input.put("planId", planId);
		input.put("expectedVersion", expectedVersion);
		input.put("key", unit.key());
		input.put("code", blankToNull(unit.code()));
		input.put("name", unit.name());
		input.put("type", unit.type());
		input.put("seat", blankToNull(unit.seat()));
		// "" takes the unit out of a new province: sent as it is.
		input.put("parentKey", unit.parentKey());
		return mutate("saveProposedUnit", Map.of("input", present(input)),
				(unit.key() != null) ? List.of(unit.key()) : null);
	}

	public PlanPayload removeUnit(String planId, int expectedVersion, String key) {
		return mutate("removeProposedUnit", Map.of("planId", planId, "expectedVersion", expectedVersion, "key", key),
				List.of());
	}

	public PlanPayload assign(String planId, int expectedVersion, Assignment assignment) {
		Map<String, @Nullable Object> input = new HashMap<>();
		input.put("planId", planId);
		input.put("expectedVersion", expectedVersion);
		input.put("key", assignment.key());
		input.put("unitId", assignment.unitId());
		input.put("kind", assignment.kind().name());
		input.put("areaShare", assignment.areaShare());
		input.put("populationShare", assignment.populationShare());
		input.put("householdShare", assignment.householdShare());
		return mutate("assignUnit", Map.of("input", present(input)), List.of(assignment.key()));
	}

	public PlanPayload unassign(String planId, int expectedVersion, String key, String unitId) {
		return mutate("unassignUnit",
				Map.of("planId", planId, "expectedVersion", expectedVersion, "key", key, "unitId", unitId),
				List.of(key));
	}

	/** Replaces the draft's new units with a CSV table (answering with all of them). */
	public PlanImportResult importCsv(String planId, int expectedVersion, String csv) {
		Map<String, Object> input = Map.of("planId", planId, "expectedVersion", expectedVersion, "csv", csv);
		return this.api.fetch("importPlan", Map.of("input", input), "importPlan", PlanImportResult.class);
	}

	public PlanPayload changeStatus(String planId, int expectedVersion, PlanStatus status) {
		return mutate("changePlanStatus",
				Map.of("planId", planId, "expectedVersion", expectedVersion, "status", status.name()), List.of());
	}

	public PlanPayload adopt(String planId, int expectedVersion, Adoption adoption) {
		Map<String, @Nullable Object> input = new HashMap<>();
		input.put("planId", planId);
		input.put("expectedVersion", expectedVersion);
		input.put("number", adoption.number());
		input.put("date", date(adoption.date()));
		input.put("effectiveDate", date(adoption.effectiveDate()));
		input.put("overrideReason", adoption.overrideReason());
		input.put("confirmPastEffectiveDate", adoption.confirmPastEffectiveDate() ? Boolean.TRUE : null);
		if (!adoption.names().isEmpty()) {
			List<Map<String, String>> names = new java.util.ArrayList<>();
			adoption.names().forEach((key, name) -> names.add(Map.of("unitKey", key, "name", name)));
			input.put("names", names);
		}
		return mutate("adoptPlan", Map.of("input", present(input)), List.of());
	}

	/** Applies an adopted plan; takes as long as the registry needs (seconds). */
	public PlanPayload apply(String planId) {
		return this.api.fetch("applyPlan", Map.of("planId", planId), "applyPlan", PlanPayload.class);
	}

	/**
	 * @param keys the new units to answer with; {@code null}: all
	 */
	private PlanPayload mutate(String document, Map<String, Object> variables, @Nullable List<String> keys) {
		Map<String, @Nullable Object> all = new HashMap<>(variables);
		all.put("keys", keys);
		return this.api.fetch(document, all, document, PlanPayload.class);
	}

	private static @Nullable String date(@Nullable LocalDate date) {
		return (date != null) ? date.toString() : null;
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/** Input fields left out rather than {@code null}: "not given", not "clear it". */
	private static Map<String, Object> present(Map<String, @Nullable Object> fields) {
		Map<String, Object> present = new HashMap<>();
		fields.forEach((name, value) -> {
			if (value != null) {
				present.put(name, value);
			}
		});
		return present;
	}

	/** A row of {@code plans} as the api sends it. */
	record PlanRow(String id, String title, PlanStatus status, String statusName, @Nullable LocalDate effectiveDate,
			int version, @Nullable List<UnitRef> scope, int proposedUnitCount, int componentCount,
			@Nullable RowValidation validation) {

		PlanSummary summary() {
			RowValidation checks = this.validation;
			return new PlanSummary(this.id, this.title, this.status, this.statusName, this.effectiveDate, this.version,
					this.scope, this.proposedUnitCount, this.componentCount,
					(checks != null)
							? new PlanSummary.Counts(checks.valid(), checks.errorCount(), checks.warningCount(),
									(checks.unassignedUnits() != null) ? checks.unassignedUnits().size() : 0)
							: null);
		}

	}

	record RowValidation(boolean valid, int errorCount, int warningCount,
			@Nullable List<Map<String, Object>> unassignedUnits) {
	}

	record Found(@Nullable List<Edge> edges) {

		record Edge(FoundUnit node) {
		}

	}

}
