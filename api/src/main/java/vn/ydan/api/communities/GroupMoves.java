package vn.ydan.api.communities;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.ydan.api.units.ResidentialGroupsMoved;
import vn.ydan.api.units.UnitRecord;
import vn.ydan.api.units.UnitRegistry;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a plan applies, residential groups move to their new commune keeping their id, so
 * their teams move with them without a write; this adds the move to each team's history
 * ("moved with Tổ dân phố 3 from Phường A to Phường B on …"), once per restructuring
 * however often it is applied again.
 */
@Component
class GroupMoves {

	private static final Logger log = LoggerFactory.getLogger(GroupMoves.class);

	private final Teams teams;

	private final UnitRegistry registry;

	GroupMoves(Teams teams, UnitRegistry registry) {
		this.teams = teams;
		this.registry = registry;
	}

	@EventListener
	void moved(ResidentialGroupsMoved event) {
		try {
			record(event);
		}
		catch (RuntimeException ex) {
			// The registry has changed already: a history line missing does not fail the
			// apply (applying the plan again adds it).
			log.error("Restructuring {}: the moves of community teams were not recorded", event.restructuringKey(), ex);
		}
	}

	private void record(ResidentialGroupsMoved event) {
		if (this.teams.isEmpty()) {
			return;
		}
		String key = "restructuring:" + event.restructuringKey();
		List<Team> changed = new ArrayList<>();
		synchronized (this.teams) {
			for (ResidentialGroupsMoved.Move move : event.moves()) {
				for (Team team : this.teams.ofGroup(move.groupId())) {
					if (team.history().stream().anyMatch((entry) -> key.equals(entry.key()))) {
						continue;
					}
					List<HistoryEntry> history = new ArrayList<>(team.history());
					history.add(new HistoryEntry(event.effectiveDate(), text(move, event), key));
					changed.add(team.withHistory(history, team.revision() + 1));
				}
			}
			if (!changed.isEmpty()) {
				this.teams.saveAll(changed);
			}
		}
		log.info("Restructuring {}: {} community teams moved with their groups", event.restructuringKey(),
				changed.size());
	}

	private String text(ResidentialGroupsMoved.Move move, ResidentialGroupsMoved event) {
		UnitRecord group = this.registry.unit(move.groupId(), event.effectiveDate());
		UnitRecord from = this.registry.unit(move.fromCommuneId(), event.effectiveDate().minusDays(1));
		UnitRecord to = this.registry.unit(move.toCommuneId(), event.effectiveDate());
		return "Chuyển cùng " + ((group != null) ? group.fullName() : "tổ dân phố, thôn") + " từ "
				+ ((from != null) ? from.fullName() : "xã cũ") + " sang " + ((to != null) ? to.fullName() : "xã mới")
				+ (event.legalBasis().isEmpty() ? "" : " (" + event.legalBasis() + ")");
	}

}
