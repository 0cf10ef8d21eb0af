package vn.ydan.api.consultations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Live counts of each consultation, in memory, updated by every answer and every verified
 * tally: results are read from here, never by re-reading the answers. Built once per
 * consultation from the store (at the first read after a start, and when the register
 * freezes), so that after a crash the counts are again exactly those of the stored
 * answers.
 * <p>
 * One api instance per store: another instance's answers show up only after a restart.
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

	private final Map<String, Board> boards = new ConcurrentHashMap<>();

	ResultBoard(Households households, Answers answers, Tallies tallies) {
		this.households = households;
		this.answers = answers;
		this.tallies = tallies;
	}

	Board of(Consultation consultation) {
		Board board = this.boards.computeIfAbsent(consultation.id(), (id) -> build(consultation));
		if (board.frozen || consultation.status() == ConsultationStatus.SCHEDULED) {
			return board;
		}
		// Built from the register before it froze (by a reader that saw the consultation
		// still scheduled): counted again, from the frozen register and the answers.
		this.boards.remove(consultation.id(), board);
		return this.boards.computeIfAbsent(consultation.id(), (id) -> build(consultation));
	}

	/** Drops the board: the next read builds it again from the store. */
	void forget(String consultationId) {
		this.boards.remove(consultationId);
	}

	private Board build(Consultation consultation) {
		List<String> communes = consultation.units().stream().map(Consultation.ConsultedUnit::unitId).toList();
		List<Households.GroupSize> register = (consultation.status() == ConsultationStatus.SCHEDULED)
				? this.households.registeredGroups(communes) : this.households.frozenGroups(consultation.id());
		Board board = new Board(consultation.status() != ConsultationStatus.SCHEDULED);
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

		Board(boolean frozen) {
			this.frozen = frozen;
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
			(agree ? group.onlineAgree : group.onlineDisagree).add(answers);
			if (nameChoice != null) {
				group.onlineNames.computeIfAbsent(nameChoice, (name) -> new LongAdder()).add(answers);
			}
			further.forEach((key, answer) -> group.onlineFurther.computeIfAbsent(key, (k) -> new ConcurrentHashMap<>())
				.computeIfAbsent(answer, (a) -> new LongAdder())
				.add(answers));
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
