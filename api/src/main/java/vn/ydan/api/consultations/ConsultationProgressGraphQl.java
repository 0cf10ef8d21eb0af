package vn.ydan.api.consultations;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;

import vn.ydan.api.protocol.NotFoundException;

/**
 * Live results ({@code Subscription.consultationProgress}, graphql-ws over WebSocket):
 * the current results at once, then again whenever they change, at most once per
 * {@code ydan.consultations.progress-interval}. Visible to the same callers as
 * {@code Consultation.results}, with the same communes before publication (those within
 * the caller's scope); the check is made once, when the subscription starts.
 * <p>
 * One poller per consultation, shared by all its subscribers: every interval it reads the
 * consultation (status, certifications) and the live counts' change counter, and computes
 * the results only when one of them moved. A thousand viewers of one consultation cost
 * what one does. Polling, not a notification on every answer, because answers arrive in
 * bursts (evenings) and a result per interval is all a screen can show. The stream ends
 * once the results are published: they no longer change.
 */
@Controller
class ConsultationProgressGraphQl {

	private static final Logger log = LoggerFactory.getLogger(ConsultationProgressGraphQl.class);

	private final ConsultationService service;

	private final ResultViews results;

	private final ResultBoard board;

	private final Duration interval;

	private final Map<String, Flux<Progress>> streams = new ConcurrentHashMap<>();

	ConsultationProgressGraphQl(ConsultationService service, ResultViews results, ResultBoard board,
			@Value("${ydan.consultations.progress-interval:500ms}") Duration interval) {
		this.service = service;
		this.results = results;
		this.board = board;
		this.interval = interval;
	}

	@SubscriptionMapping
	Flux<ResultViews.Results> consultationProgress(@Argument String id) {
		Consultation consultation = this.service.find(id);
		if (consultation == null) {
			throw new NotFoundException("Không tìm thấy đợt lấy ý kiến " + id);
		}
		if (consultation.status() != ConsultationStatus.PUBLISHED && !this.service.maySeeUnpublished(consultation)) {
			throw new AccessDeniedException("Results of consultation " + id + " are not public yet");
		}
		if (consultation.status() == ConsultationStatus.PUBLISHED) {
			return Flux.just(this.results.of(consultation));
		}
		// Decided now, with the caller's security context: the stream is shared.
		@Nullable Set<String> communes = this.service.communesSeenUnpublished(consultation);
		return this.streams.computeIfAbsent(id, this::poll)
			.onBackpressureLatest()
			.map((progress) -> this.results.restrict(progress.consultation(), progress.results(), communes));
	}

	/**
	 * Results each time they change; the last one is replayed to a subscriber that joins
	 * later. Stops polling when the last subscriber leaves.
	 */
	private Flux<Progress> poll(String id) {
		return Flux.interval(Duration.ZERO, this.interval, Schedulers.boundedElastic())
			.onBackpressureDrop()
			.concatMap((tick) -> Mono.justOrEmpty(snapshot(id)))
			.distinctUntilChanged(Snapshot::version)
			.takeUntil((snapshot) -> snapshot.consultation().status() == ConsultationStatus.PUBLISHED)
			.map((snapshot) -> new Progress(snapshot.consultation(), this.results.of(snapshot.consultation())))
			.doFinally((signal) -> this.streams.remove(id))
			.replay(1)
			.refCount();
	}

	/** Null when it cannot be read now (the next tick tries again) or is gone. */
	private @Nullable Snapshot snapshot(String id) {
		try {
			Consultation consultation = this.service.find(id);
			if (consultation == null) {
				return null;
			}
			ResultBoard.Board counts = this.board.of(consultation);
			return new Snapshot(consultation, new Version(consultation.revision(), counts, counts.changes()));
		}
		catch (RuntimeException ex) {
			log.warn("Could not read consultation {} for its live results: {}", id, ex.toString());
			return null;
		}
	}

	private record Snapshot(Consultation consultation, Version version) {
	}

	/**
	 * All the results, shared by the subscribers, each of whom sees only his part before
	 * publication ({@link ResultViews#restrict}).
	 */
	private record Progress(Consultation consultation, ResultViews.Results results) {
	}

	/**
	 * What the results depend on: the consultation's revision (status, certifications),
	 * which board counts (a new one when the register freezes) and its change counter.
	 */
	private record Version(int revision, ResultBoard.Board board, long changes) {
	}

}
