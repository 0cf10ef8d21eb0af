package vn.ydan.api.consultations;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.ydan.api.csv.RowError;
import vn.ydan.api.protocol.UserError;
import vn.ydan.api.protocol.WithUserErrors;

/**
 * What the consultation mutations answer: the object changed, or why nothing was changed.
 */
final class Payloads {

	private Payloads() {
	}

	/**
	 * @param consultation the consultation after the change; null when refused
	 * @param userErrors why it was refused
	 */
	record ConsultationPayload(@Nullable Consultation consultation,
			List<UserError> userErrors) implements WithUserErrors {

		static ConsultationPayload of(Consultation consultation) {
			return new ConsultationPayload(consultation, List.of());
		}

		static ConsultationPayload refused(UserError... errors) {
			return new ConsultationPayload(null, List.of(errors));
		}

	}

	/**
	 * @param answer the household's answer; null when refused
	 * @param replayed whether this was a retry answered with the first result
	 * @param userErrors why it was refused
	 */
	record AnswerPayload(Answers.@Nullable Answer answer, boolean replayed,
			List<UserError> userErrors) implements WithUserErrors {

		static AnswerPayload refused(UserError... errors) {
			return new AnswerPayload(null, false, List.of(errors));
		}

	}

	/**
	 * @param tally the tally after the change; null when refused
	 * @param userErrors why it was refused
	 */
	record TallyPayload(@Nullable Tally tally, List<UserError> userErrors) implements WithUserErrors {

		static TallyPayload refused(List<UserError> errors) {
			return new TallyPayload(null, List.copyOf(errors));
		}

	}

	/**
	 * @param rows data rows read
	 * @param households households registered
	 * @param errors problems by line; nothing was written when not empty
	 * @param durationMs time taken
	 */
	record HouseholdImportResult(int rows, int households, List<RowError> errors, long durationMs) {
	}

}
