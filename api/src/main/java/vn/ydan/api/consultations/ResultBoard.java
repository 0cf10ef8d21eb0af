package vn.ydan.api.consultations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Live counts of each consultation, in memory, updated by every answer and every verified
 * tally: results are read from here, never by re-reading the answers. Built once per
 * consultation from the store (at the first read after a start, and when the register
 * freezes), so that after a crash the counts are again exactly those of the stored
 * answers.
 * <p>
 * Several api instances may share the store (docs/decisions/0017-several-instances.md):
 * memory is then a cache that knows when it is stale. The counts that decide results are
 * counted again from the store: the whole board when the consultation's status changes
 * (closed, certified, published: every instance rebuilds once it sees the new status,
 * after which no answer is taken), a commune's groups when it is certified, a group's
 * when a tally is entered. Paper tallies verified through another instance reach this
 * board within a second (a revision per consultation's tallies,
 * {@link Tallies#revision}). Online answers stored through another instance reach the
 * live counts of an open consultation only when the board is rebuilt: every
 * {@code ydan.results.rebuild-interval} (0, the default for one instance: never), in the
 * background.
 */
@Component
class ResultBoard {

	/**
	 * Answers one read counts at most: three fields each, ~30 MB of the stand-in's heap
	 * for 100,000; each read is a scan of every answer on the stand-in, so not fewer.
	 */
	static final int ANSWERS_PER_READ = 100_000;

	private final Households households;

	private final Answers answers;

	private final Tallies tallies;

	/** How often paper tallies are checked for changes made through other instances. */
	static final long TALLY_CHECK_NANOS = 1_000_000_000L;

	private final Map<String, Board> boards = new ConcurrentHashMap<>();

	private final long rebuildNanos;

	ResultBoard(Households households, Answers answers, Tallies tallies) {
		this(households, answers, tallies, Duration.ZERO);
	}

	@Autowired
	ResultBoard(Households households, Answers answers, Tallies tallies,
			@Value("${ydan.results.rebuild-interval:0s}") Duration rebuildInterval) {
		this.households = households;
		this.answers = answers;
		this.tallies = tallies;
		this.rebuildNanos = rebuildInterval.toNanos();
	}

	Board of(Consultation consultation) {
		Board board = this.boards.computeIfAbsent(consultation.id(), (id) -> build(consultation));
		if (!board.frozen && consultation.status() != ConsultationStatus.SCHEDULED
				|| board.status != consultation.status() && consultation.status() != ConsultationStatus.OPEN) {
			// Built from the register before it froze (by a reader that saw the
			// consultation still scheduled), or while it took answers (through other
			// instances too): counted again, from the frozen register and the answers.
			this.boards.remove(consultation.id(), board);
			return this.boards.computeIfAbsent(consultation.id(), (id) -> build(consultation));
		}
		if (consultation.status() != ConsultationStatus.SCHEDULED) {
			refreshTallies(consultation.id(), board);
			if (this.rebuildNanos > 0 && consultation.status() == ConsultationStatus.OPEN) {
				rebuildInBackgroundWhenOld(consultation, board);
			}
		}
		return board;
	}

	/**
	 * The commune's figures counted again from the store (its groups' answers and
	 * tallies), for a decision: certifying it.
	 */
	Figures recounted(Consultation consultation, String communeId) {
		Board board = of(consultation);
		recount(consultation.id(), board, board.groupsOf(communeId));
		return board.commune(communeId);
	}

	/** The board with these groups counted again from the store (a tally's check). */
	Board recounted(Consultation consultation, List<String> groupIds) {
		Board board = of(consultation);
		recount(consultation.id(), board, groupIds);
		return board;
	}

	private void recount(String consultationId, Board board, List<String> groupIds) {
		List<String> known = groupIds.stream().filter(board.groups::containsKey).toList();
		if (known.isEmpty()) {
			return;
		}
		Map<String, GroupCounts> fresh = new HashMap<>();
		for (String groupId : known) {
			GroupCounts was = board.groups.get(groupId);
			GroupCounts group = new GroupCounts(was.communeId);
			group.households = was.households;
			fresh.put(groupId, group);
		}
		for (Answers.AnswerCount count : this.answers.countByGroup(consultationId, known)) {
			GroupCounts group = fresh.get(count.groupId());
			if (group != null) {
				group.add(count.agree(), count.nameChoice(), count.answers(), count.further());
			}
		}
		for (String groupId : known) {
			Tally tally = this.tallies.find(consultationId, groupId);
			if (tally != null && tally.verified() != null) {
				fresh.get(groupId).paper = tally.verified();
			}
		}
		board.groups.putAll(fresh);
		board.changes.incrementAndGet();
	}

	/**
	 * At most once a second per consultation (one caller checks, the others go on): when
	 * the consultation's tallies changed since the board last looked, their verified
	 * counts are read again.
	 */
	private void refreshTallies(String consultationId, Board board) {
		long now = System.nanoTime();
		long checked = board.talliesCheckedAt.get();
		if (now - checked < TALLY_CHECK_NANOS || !board.talliesCheckedAt.compareAndSet(checked, now)) {
			return;
		}
		long revision = this.tallies.revision(consultationId);
		if (revision == board.talliesRevision) {
			return;
		}
		board.talliesRevision = revision;
		for (Tally tally : this.tallies.all(consultationId)) {
			if (tally.verified() != null && !tally.verified().equals(board.paperOf(tally.groupId()))) {
				board.paper(tally.groupId(), tally.verified());
			}
		}
	}

	private void rebuildInBackgroundWhenOld(Consultation consultation, Board board) {
		if (System.nanoTime() - board.builtAt < this.rebuildNanos || !board.rebuilding.compareAndSet(false, true)) {
			return;
		}
		Thread.ofVirtual().name("results-rebuild").start(() -> {
			try {
				this.boards.replace(consultation.id(), board, build(consultation));
			}
			catch (RuntimeException ex) {
				board.rebuilding.set(false);
			}
		});
	}

	/** Drops the board: the next read builds it again from the store. */
	void forget(String consultationId) {
		this.boards.remove(consultationId);
	}

	private Board build(Consultation consultation) {
		List<String> communes = consultation.units().stream().map(Consultation.ConsultedUnit::unitId).toList();
		List<Households.GroupSize> register = (consultation.status() == ConsultationStatus.SCHEDULED)
				? this.households.registeredGroups(communes) : this.households.frozenGroups(consultation.id());
		Board board = new Board(consultation.status() != ConsultationStatus.SCHEDULED, consultation.status());
		// Read first: a tally stored while the board is built is read again at the next
		// check.
		board.talliesRevision = (consultation.status() != ConsultationStatus.SCHEDULED)
				? this.tallies.revision(consultation.id()) : 0;
		for (String commune : communes) {
			board.groupsByCommune.put(commune, new ArrayList<>());
		}
		for (Households.GroupSize size : register) {
			board.groupsByCommune.computeIfAbsent(size.communeId(), (c) -> new ArrayList<>()).add(size.groupId());
			GroupCounts group = new GroupCounts(size.communeId());
			group.households = size.households();
			board.groups.put(size.groupId(), group);
		}
		if (consultation.status() != ConsultationStatus.SCHEDULED) {
			// Groups of up to ANSWERS_PER_READ households at a time (one answer each at
			// most).
			List<String> chunk = new ArrayList<>();
			int households = 0;
			for (Households.GroupSize size : register) {
				chunk.add(size.groupId());
				households += size.households();
				if (households >= ANSWERS_PER_READ) {
					count(consultation.id(), chunk, board);
					chunk.clear();
					households = 0;
				}
			}
			count(consultation.id(), chunk, board);
			for (Tally tally : this.tallies.all(consultation.id())) {
				if (tally.verified() != null) {
					board.paper(tally.groupId(), tally.verified());
				}
			}
		}
		return board;
	}

	private void count(String consultationId, List<String> groupIds, Board board) {
		if (!groupIds.isEmpty()) {
			for (Answers.AnswerCount count : this.answers.countByGroup(consultationId, groupIds)) {
				board.answered(count.groupId(), count.agree(), count.nameChoice(), count.answers(), count.further());
			}
		}
	}

	/**
	 * A paper count's answer as online answers write it: agree / disagree as
	 * {@code "true"} / {@code "false"}, a choice as itself.
	 */
	static String paperAnswer(Question.Key key, String answer) {
		if (key.isChoiceQuestion()) {
			return answer;
		}
		return String.valueOf(PaperCounts.AGREE.equals(answer));
	}

	/** The counts of one consultation. */
	static final class Board {

		private final Map<String, GroupCounts> groups = new ConcurrentHashMap<>();

		private final Map<String, List<String>> groupsByCommune = new LinkedHashMap<>();

		private final AtomicLong changes = new AtomicLong();

		/** Counted from the frozen register and the answers, not the live register. */
		private final boolean frozen;

		/** The consultation's status when the board was counted. */
		private final ConsultationStatus status;

		private final long builtAt = System.nanoTime();

		private final AtomicBoolean rebuilding = new AtomicBoolean();

		private final AtomicLong talliesCheckedAt = new AtomicLong(System.nanoTime());

		private volatile long talliesRevision;

		Board(boolean frozen, ConsultationStatus status) {
			this.frozen = frozen;
			this.status = status;
		}

		private @Nullable PaperCounts paperOf(String groupId) {
			GroupCounts group = this.groups.get(groupId);
			return (group != null) ? group.paper : null;
		}

		void answered(String groupId, boolean agree, @Nullable String nameChoice) {
			answered(groupId, agree, nameChoice, 1, Map.of());
		}

		void answered(String groupId, boolean agree, @Nullable String nameChoice, Map<Question.Key, String> further) {
			answered(groupId, agree, nameChoice, 1, further);
		}

		void answered(String groupId, boolean agree, @Nullable String nameChoice, long answers) {
			answered(groupId, agree, nameChoice, answers, Map.of());
		}

		void answered(String groupId, boolean agree, @Nullable String nameChoice, long answers,
				Map<Question.Key, String> further) {
			GroupCounts group = this.groups.get(groupId);
			if (group == null) {
				return;
			}
			group.add(agree, nameChoice, answers, further);
			this.changes.incrementAndGet();
		}

		void paper(String groupId, PaperCounts counts) {
			GroupCounts group = this.groups.get(groupId);
			if (group != null) {
				group.paper = counts;
				this.changes.incrementAndGet();
			}
		}

		/**
		 * Whether the group's paper count is verified (it counts every household then).
		 */
		boolean paperVerified(String groupId) {
			GroupCounts group = this.groups.get(groupId);
			return group != null && group.paper != null;
		}

		/** Changes so far: a subscriber compares it to know whether to send again. */
		long changes() {
			return this.changes.get();
		}

		int households(String groupId) {
			GroupCounts group = this.groups.get(groupId);
			return (group != null) ? group.households : 0;
		}

		long online(String groupId) {
			GroupCounts group = this.groups.get(groupId);
			return (group != null) ? group.onlineAgree.sum() + group.onlineDisagree.sum() : 0;
		}

		/** Households that answered online, in every group. */
		long online() {
			return this.groups.values()
				.stream()
				.mapToLong((group) -> group.onlineAgree.sum() + group.onlineDisagree.sum())
				.sum();
		}

		@Nullable String communeOf(String groupId) {
			GroupCounts group = this.groups.get(groupId);
			return (group != null) ? group.communeId : null;
		}

		List<String> groupsOf(String communeId) {
			return this.groupsByCommune.getOrDefault(communeId, List.of());
		}

		/** The commune's figures, summed over its groups. */
		Figures commune(String communeId) {
			return sum(groupsOf(communeId));
		}

		/** One residential group's figures (the minutes' breakdown by group). */
		Figures group(String groupId) {
			return sum(this.groups.containsKey(groupId) ? List.of(groupId) : List.of());
		}

		private Figures sum(List<String> groupIds) {
			long households = 0;
			long online = 0;
			long agree = 0;
			long disagree = 0;
			long invalid = 0;
			long paperReturned = 0;
			int reported = 0;
			Map<String, Long> names = new TreeMap<>();
			Map<Question.Key, Map<String, Long>> further = new java.util.EnumMap<>(Question.Key.class);
			for (String groupId : groupIds) {
				GroupCounts group = this.groups.get(groupId);
				households += group.households;
				long onlineAgree = group.onlineAgree.sum();
				long onlineDisagree = group.onlineDisagree.sum();
				online += onlineAgree + onlineDisagree;
				agree += onlineAgree;
				disagree += onlineDisagree;
				group.onlineNames.forEach((name, count) -> names.merge(name, count.sum(), Long::sum));
				group.onlineFurther.forEach((key, answers) -> answers
					.forEach((answer, count) -> further.computeIfAbsent(key, (k) -> new TreeMap<>())
						.merge(answer, count.sum(), Long::sum)));
				PaperCounts paper = group.paper;
				if (paper != null) {
					reported++;
					agree += paper.agree();
					disagree += paper.disagree();
					invalid += paper.invalid();
					paperReturned += paper.returned();
					paper.names().forEach((name, count) -> names.merge(name, (long) count, Long::sum));
					paper.further()
						.forEach((key, answers) -> answers
							.forEach((answer, count) -> further.computeIfAbsent(key, (k) -> new TreeMap<>())
								.merge(paperAnswer(key, answer), (long) count, Long::sum)));
				}
			}
			return new Figures(households, online, paperReturned, agree, disagree, invalid, groupIds.size(), reported,
					names, further);
		}

		Map<String, Figures> communes() {
			Map<String, Figures> all = new HashMap<>();
			this.groupsByCommune.keySet().forEach((commune) -> all.put(commune, commune(commune)));
			return all;
		}

	}

	private static final class GroupCounts {

		private final String communeId;

		private int households;

		private final LongAdder onlineAgree = new LongAdder();

		private final LongAdder onlineDisagree = new LongAdder();

		private final Map<String, LongAdder> onlineNames = new ConcurrentHashMap<>();

		private final Map<Question.Key, Map<String, LongAdder>> onlineFurther = new ConcurrentHashMap<>();

		private volatile @Nullable PaperCounts paper;

		GroupCounts(String communeId) {
			this.communeId = communeId;
		}

		void add(boolean agree, @Nullable String nameChoice, long answers, Map<Question.Key, String> further) {
			(agree ? this.onlineAgree : this.onlineDisagree).add(answers);
			if (nameChoice != null) {
				this.onlineNames.computeIfAbsent(nameChoice, (name) -> new LongAdder()).add(answers);
			}
			further.forEach((key, answer) -> this.onlineFurther.computeIfAbsent(key, (k) -> new ConcurrentHashMap<>())
				.computeIfAbsent(answer, (a) -> new LongAdder())
				.add(answers));
		}

	}

	/**
	 * A commune's figures.
	 *
	 * @param households households in the frozen register
	 * @param online households that answered online
	 * @param paperReturned paper forms returned, in verified tallies
	 * @param agree agree, online and paper
	 * @param disagree disagree, online and paper
	 * @param invalid invalid paper forms
	 * @param groups residential groups
	 * @param groupsReported groups whose paper tally is verified
	 * @param names name chosen → count
	 * @param further the other questions: answer ({@code "true"} / {@code "false"}, or
	 * the choice) → count, online and paper
	 */
	record Figures(long households, long online, long paperReturned, long agree, long disagree, long invalid,
			int groups, int groupsReported, Map<String, Long> names, Map<Question.Key, Map<String, Long>> further) {

		long tookPart() {
			return this.online + this.paperReturned;
		}

	}

}
