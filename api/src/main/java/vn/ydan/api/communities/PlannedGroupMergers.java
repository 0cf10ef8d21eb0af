package vn.ydan.api.communities;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.ydan.api.audit.AuditTrail;
import vn.ydan.api.units.ResidentialGroupsMerged;
import vn.ydan.api.units.UnitRecord;
import vn.ydan.api.units.UnitRegistry;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a plan that merges residential groups applies, the teams of the merged groups
 * merge as a group merger's do ({@link TeamMerger}), in the apply's job: every team
 * revision is a job entry of the audit log, and the history line is keyed by the plan and
 * the merged group, so that applying the plan again adds nothing. A group merger of its
 * own ({@link GroupChanges}) merges its teams in its request and is left alone here.
 */
@Component
class PlannedGroupMergers {

	private static final Logger log = LoggerFactory.getLogger(PlannedGroupMergers.class);

	private final TeamMerger merger;

	private final Teams teams;

	private final UnitRegistry registry;

	private final AuditTrail audit;

	PlannedGroupMergers(TeamMerger merger, Teams teams, UnitRegistry registry, AuditTrail audit) {
		this.merger = merger;
		this.teams = teams;
		this.registry = registry;
		this.audit = audit;
	}

	@EventListener
	void merged(ResidentialGroupsMerged event) {
		if (event.restructuringKey().startsWith(GroupChanges.KEY_PREFIX)) {
			return;
		}
		try {
			record(event);
		}
		catch (RuntimeException ex) {
			// The registry has changed already: teams not merged do not fail the apply
			// (applying the plan again merges them).
			log.error("Restructuring {}: the teams of merged groups were not merged", event.restructuringKey(), ex);
		}
	}

	private void record(ResidentialGroupsMerged event) {
		if (this.teams.isEmpty()) {
			return;
		}
		for (ResidentialGroupsMerged.Merge merge : event.merges()) {
			String text = text(merge, event);
			List<String> unitIds = new ArrayList<>();
			unitIds.add(this.registry.globalIdOf(merge.mergedId()));
			merge.groupIds().forEach((id) -> unitIds.add(this.registry.globalIdOf(id)));
			this.merger.merge(merge.groupIds(), merge.mergedId(), event.effectiveDate(), text,
					"group-merge:" + event.restructuringKey() + "|" + merge.mergedId(),
					(subject, revision, change) -> this.audit.recordJob("system", "mergeCommunityTeams", text, unitIds,
							subject, revision, change));
		}
	}

	private String text(ResidentialGroupsMerged.Merge merge, ResidentialGroupsMerged event) {
		List<String> names = new ArrayList<>();
		for (String id : merge.groupIds()) {
			UnitRecord group = this.registry.unit(id, event.effectiveDate().minusDays(1));
			names.add((group != null) ? group.fullName() : "tổ dân phố, thôn");
		}
		UnitRecord merged = this.registry.unit(merge.mergedId(), event.effectiveDate());
		return "Hợp nhất " + String.join(", ", names) + " thành "
				+ ((merged != null) ? merged.fullName() : "tổ dân phố, thôn")
				+ (event.legalBasis().isEmpty() ? "" : " (" + event.legalBasis() + ")");
	}

}
