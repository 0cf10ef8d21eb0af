package vn.ydan.api.consultations;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.ydan.api.audit.KeptArguments;

/**
 * The audit entry of a household's answer records who answered, when, for which
 * consultation (and, from the feature, which commune and group), never how: of the
 * {@code answerConsultation} input it keeps only the consultation, the commune named and
 * the idempotency key; {@code agree}, {@code nameChoice} and any answer field added later
 * are not recorded. The answer itself is in {@link Answers}, kept apart from the log.
 */
@Configuration(proxyBeanMethods = false)
class AnswerAuditing {

	@Bean
	KeptArguments answerConsultationArgumentsKept() {
		return new KeptArguments("answerConsultation",
				Set.of("input.consultationId", "input.unitId", "input.idempotencyKey"));
	}

}
