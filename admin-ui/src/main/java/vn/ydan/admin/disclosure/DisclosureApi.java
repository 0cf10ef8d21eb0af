package vn.ydan.admin.disclosure;

import java.net.URI;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.ydan.admin.api.ApiClient;

/**
 * What the public pages ask the api: always anonymously ({@link ApiClient#anonymous}), so
 * that a signed-in official sees exactly what the public sees. Failures are
 * {@code ApiException}s.
 */
@Component
public class DisclosureApi {

	private final ApiClient api;

	private final URI apiUrl;

	DisclosureApi(ApiClient api, @Value("${ydan.api.url}") URI apiUrl) {
		this.api = api.anonymous();
		this.apiUrl = apiUrl;
	}

	/** Public plans (published and later) and all consultations, newest first. */
	public Overview overview() {
		return new Overview(list("publicOverview", "plans", PublicPlanSummary.class),
				list("publicOverview", "consultations", PublicConsultation.class));
	}

	/** A public plan; empty when there is none (or it is a draft). */
	public Optional<PublicPlan> plan(String id) {
		return this.api.fetchIfAny("publicPlan", Map.of("id", id), "plan", PublicPlan.class);
	}

	/** A unit as of a date (today when null); empty when there is none. */
	public Optional<PublicUnit> unit(String id, @Nullable LocalDate asOf) {
		Map<String, @Nullable Object> variables = new HashMap<>();
		variables.put("id", id);
		variables.put("asOf", (asOf != null) ? asOf.toString() : null);
		return this.api.fetchIfAny("publicUnit", variables, "unit", PublicUnit.class);
	}

	/** A consultation with its results (null before publication); empty when none. */
	public Optional<PublicResults> results(String id) {
		return this.api.fetchIfAny("publicResults", Map.of("id", id), "consultation", PublicResults.class);
	}

	/** An old address read by the api. */
	public AddressAnswer convertAddress(String text, @Nullable LocalDate asOf) {
		Map<String, @Nullable Object> variables = new HashMap<>();
		variables.put("text", text);
		variables.put("asOf", (asOf != null) ? asOf.toString() : null);
		return this.api.fetch("convertAddress", variables, "convertAddress", AddressAnswer.class);
	}

	/**
	 * Where a file of the api is downloaded from (its public {@code /exports/...}): the
	 * browser fetches it from the api directly.
	 */
	public String exportUrl(String path) {
		return this.apiUrl.resolve(path).toString();
	}

	private <T> List<T> list(String document, String path, Class<T> type) {
		@SuppressWarnings("unchecked")
		T[] none = (T[]) java.lang.reflect.Array.newInstance(type, 0);
		@SuppressWarnings("unchecked")
		Class<T[]> arrayType = (Class<T[]>) none.getClass();
		return List.of(this.api.fetch(document, Map.of(), path, arrayType));
	}

	/**
	 * @param plans public plans
	 * @param consultations consultations (results only for the published ones)
	 */
	public record Overview(List<PublicPlanSummary> plans, List<PublicConsultation> consultations) {
	}

	/** A plan in the list. */
	public record PublicPlanSummary(String id, String title, String status, String statusName,
			@Nullable LocalDate effectiveDate, int proposedUnitCount, @Nullable LegalBasis legalBasis) {
	}

	/** The act that adopted a plan. */
	public record LegalBasis(String number, LocalDate date) {
	}

	/** A consultation in the list. */
	public record PublicConsultation(String id, String title, String planId, String status, String statusName,
			String closesAt) {

		public boolean published() {
			return "PUBLISHED".equals(this.status);
		}

	}

	/** A plan's public page. */
	public record PublicPlan(String id, String title, String status, String statusName,
			@Nullable LocalDate effectiveDate, @Nullable LegalBasis legalBasis, List<NewUnit> proposedUnits) {
	}

	/** A new unit of a plan. */
	public record NewUnit(String key, @Nullable String code, String fullName, @Nullable String legalClause,
			@Nullable Ref registered, List<Part> components) {
	}

	/** An old unit a new one takes. */
	public record Part(String kind, String relation, OldUnit unit) {
	}

	/** An old unit, with its district. */
	public record OldUnit(String id, @Nullable String code, String fullName, @Nullable Named parent) {
	}

	/** A name. */
	public record Named(String fullName) {
	}

	/** A unit as a link. */
	public record Ref(String id, @Nullable String code, @Nullable String fullName) {
	}

	/** A unit's public page. */
	public record PublicUnit(String id, @Nullable String code, String fullName, String typeName, LocalDate asOf,
			@Nullable LocalDate validFrom, @Nullable LocalDate validTo, @Nullable Ref parent, List<Version> history,
			List<Link> predecessors, List<Link> successors) {
	}

	/** One version of a unit. */
	public record Version(@Nullable LocalDate validFrom, @Nullable LocalDate validTo, @Nullable String code,
			String fullName, String typeName, @Nullable Named parent) {
	}

	/** A lineage link. */
	public record Link(String relation, @Nullable String detail, LocalDate effectiveDate, @Nullable String legalBasis,
			Ref unit) {
	}

	/** A consultation and its results. */
	public record PublicResults(String id, String title, String planId, String status, String statusName, Rule passRule,
			@Nullable Results results) {
	}

	/** The pass rule, in words. */
	public record Rule(String description) {
	}

	/** Published results. */
	public record Results(boolean published, List<RollUp> provinces, List<RollUp> districts,
			List<CommuneResult> communes, RollUp total, @Nullable List<WinningName> winningNames) {

		public List<WinningName> winning() {
			return (this.winningNames != null) ? this.winningNames : List.of();
		}

	}

	/** The name residents chose for a unit the plan forms (null: nobody chose). */
	public record WinningName(String unitKey, String proposedFullName, @Nullable String name, boolean tied,
			List<NameCount> counts) {
	}

	/** A choice and how many households chose it. */
	public record NameCount(String name, int count) {
	}

	/** One question's counts in a commune: agree and disagree, or every choice. */
	public record QuestionResult(String question, String text, int agree, int disagree, List<NameCount> choices) {
	}

	/** The results of a province, district or the whole. */
	public record RollUp(@Nullable Ref unit, int communes, int passed, int failed, int pending, int households,
			int tookPart, int agree, int disagree) {
	}

	/** One commune's result. */
	public record CommuneResult(OldUnit unit, int households, int tookPart, int agree, int disagree, double agreeShare,
			double turnout, String outcome, @Nullable List<QuestionResult> questions) {

		public List<QuestionResult> questionResults() {
			return (this.questions != null) ? this.questions : List.of();
		}

	}

	/** What the api read in an address. */
	public record AddressAnswer(String status, @Nullable String reason, String message, LocalDate asOf,
			List<Candidate> candidates) {
	}

	/** An old unit the address names. */
	public record Candidate(String matchedName, boolean formerName, boolean approximate, Ref old,
			List<Successor> current) {
	}

	/** What the old unit is now. */
	public record Successor(String relation, @Nullable Double share, @Nullable LocalDate effectiveDate,
			@Nullable String legalBasis, Ref unit, List<Group> residentialGroups) {
	}

	/** A residential group. */
	public record Group(String name) {
	}

}
