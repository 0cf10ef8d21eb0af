package vn.ydan.admin.residents;

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
import vn.ydan.admin.api.UserError;

/**
 * What the resident's page asks the api, as the signed-in resident: the same operations a
 * resident app uses. Failures are {@link ApiException}s.
 */
@Component
public class ResidentApi {

	private final ApiClient api;

	ResidentApi(ApiClient api) {
		this.api = api;
	}

	/** The resident's household; empty when their account is bound to none. */
	public Optional<MyHousehold> myHousehold() {
		return this.api.fetchIfAny("residentHousehold", Map.of(), "myHousehold", MyHousehold.class);
	}

	/** The plan consulted on; empty when the api shows none. */
	public Optional<Plan> plan(String id) {
		return this.api.fetchIfAny("residentPlan", Map.of("id", id), "plan", Plan.class);
	}

	/**
	 * The household's answer. {@code key} is made once per form shown: a retry of the
	 * same submission gets the first answer back instead of a refusal.
	 */
	public AnswerResult answer(String consultationId, boolean agree, @Nullable String nameChoice, String key) {
		Map<String, @Nullable Object> variables = new HashMap<>();
		variables.put("consultationId", consultationId);
		variables.put("agree", agree);
		variables.put("nameChoice", nameChoice);
		variables.put("idempotencyKey", key);
		return this.api.fetch("residentAnswer", variables, "answerConsultation", AnswerResult.class);
	}

	/**
	 * @param householdId the household's opaque id
	 * @param unit its commune today; null while the register does not list it
	 * @param group its residential group
	 * @param consultations the consultations that ask it, newest first
	 */
	public record MyHousehold(String householdId, @Nullable UnitRef unit, @Nullable UnitRef group,
			List<Asked> consultations) {
	}

	/**
	 * One consultation and what it asks the household.
	 *
	 * @param reason why no answer is taken now (the api's code); null when one is
	 */
	public record Asked(Consultation consultation, Question question, boolean mayAnswer, @Nullable String reason,
			@Nullable Answer answer) {
	}

	/** A consultation, as the resident's page shows it. */
	public record Consultation(String id, String title, String planId, String status, String statusName, String opensAt,
			String closesAt, Rule passRule) {
	}

	/** The pass rule, in words. */
	public record Rule(String description) {
	}

	/**
	 * @param unit the household's commune in the consultation
	 * @param successors the new unit(s) the plan puts it in
	 * @param nameChoices names to choose from; empty when there is no choice
	 * @param households households asked in the commune
	 */
	public record Question(UnitRef unit, List<String> successors, List<String> nameChoices, int households) {
	}

	/** The household's answer. */
	public record Answer(boolean agree, @Nullable String nameChoice, String at) {
	}

	/** The plan consulted on. */
	public record Plan(String id, String title, String statusName, @Nullable LocalDate effectiveDate) {
	}

	/**
	 * @param answer the stored answer; null when refused
	 * @param replayed a retry answered with the first answer
	 * @param userErrors why it was refused
	 */
	public record AnswerResult(@Nullable Answer answer, boolean replayed, List<UserError> userErrors) {
	}

}
