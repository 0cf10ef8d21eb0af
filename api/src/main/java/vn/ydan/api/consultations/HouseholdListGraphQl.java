package vn.ydan.api.consultations;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.bson.conversions.Bson;

import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;

import vn.ydan.api.audit.AuditTrail;
import vn.ydan.api.units.Unit;
import vn.ydan.api.units.UnitLevel;
import vn.ydan.api.units.UnitRecord;
import vn.ydan.api.units.UnitRegistry;

/**
 * {@code Consultation.households(groupId:)}: the printable list of a residential group,
 * with the households that answered online marked so that the work group skips them; and
 * {@code Consultation.electorateGroups(unitId:)}: the groups of a commune whose tallies
 * count (those with households in the register). Reads the register the consultation
 * counts against (frozen once open) and the answers of that group only. Who answered is
 * personal data: every read of a list is in the audit log
 * ({@code read:consultationHouseholds}).
 */
@Controller
class HouseholdListGraphQl {

	private final MongoCollection<Document> register;

	private final MongoCollection<Document> electorate;

	private final MongoCollection<Document> answers;

	private final ConsultationAccess access;

	private final UnitRegistry registry;

	private final AuditTrail audit;

	HouseholdListGraphQl(MongoDatabaseFactory databases, ConsultationAccess access, UnitRegistry registry,
			AuditTrail audit) {
		MongoDatabase database = databases.getMongoDatabase();
		this.register = database.getCollection(Households.REGISTER);
		this.electorate = database.getCollection(Households.ELECTORATE);
		this.answers = database.getCollection(Answers.COLLECTION);
		this.access = access;
		this.registry = registry;
		this.audit = audit;
	}

	@SchemaMapping(typeName = "Consultation", field = "households")
	List<HouseholdStatus> households(Consultation consultation, @Argument String groupId) {
		String group = this.registry.idOf(groupId);
		LocalDate date = consultation.referenceDate();
		UnitRecord unit = this.registry.unit(group, date);
		String communeId = (unit != null && unit.level() == UnitLevel.RESIDENTIAL_GROUP) ? unit.parentId() : null;
		// Deny by default: an unknown group, or one of a commune not asked, has no list.
		if (communeId == null || consultation.unit(communeId) == null || !this.access.mayTally(communeId)) {
			throw new AccessDeniedException("The group is outside the caller's scope or this consultation");
		}
		List<String> ids = new ArrayList<>();
		boolean frozen = consultation.status() != ConsultationStatus.SCHEDULED;
		Bson filter = frozen
				? Filters.and(Filters.eq("consultationId", consultation.id()), Filters.eq("groupId", group))
				: Filters.eq("groupId", group);
		String idField = frozen ? "householdId" : "_id";
		for (Document document : (frozen ? this.electorate : this.register).find(filter)
			.projection(Projections.include(idField))) {
			ids.add(document.getString(idField));
		}
		Set<String> answered = new HashSet<>();
		for (Document document : this.answers
			.find(Filters.and(Filters.eq("consultationId", consultation.id()), Filters.eq("groupId", group)))
			.projection(Projections.include("householdId"))) {
			answered.add(document.getString("householdId"));
		}
		ids.sort(NATURAL);
		// Recorded before anything is returned: who, which list, how many rows (not
		// which).
		this.audit.recordRead("consultationHouseholds",
				"Xem danh sách hộ của " + unit.fullName() + " (đợt \"" + consultation.title() + "\")",
				List.of(this.registry.globalIdOf(group), this.registry.globalIdOf(communeId)),
				Map.of("consultationId", consultation.id(), "rows", ids.size()));
		return ids.stream().map((id) -> new HouseholdStatus(id, answered.contains(id))).toList();
	}

	@SchemaMapping(typeName = "Consultation", field = "electorateGroups")
	List<Map<String, Object>> electorateGroups(Consultation consultation, @Argument String unitId) {
		String communeId = this.registry.idOf(unitId);
		if (consultation.unit(communeId) == null || !this.access.mayTally(communeId)) {
			throw new AccessDeniedException("The commune is outside the caller's scope or this consultation");
		}
		boolean frozen = consultation.status() != ConsultationStatus.SCHEDULED;
		Bson filter = frozen
				? Filters.and(Filters.eq("consultationId", consultation.id()), Filters.eq("communeId", communeId))
				: Filters.eq("communeId", communeId);
		Map<String, Integer> counts = new HashMap<>();
		for (Document document : (frozen ? this.electorate : this.register).find(filter)
			.projection(Projections.include("groupId"))) {
			counts.merge(document.getString("groupId"), 1, Integer::sum);
		}
		LocalDate date = consultation.referenceDate();
		List<Map<String, Object>> groups = new ArrayList<>();
		counts.forEach((groupId, households) -> {
			Unit group = this.registry.view(groupId, date);
			if (group != null) {
				groups.add(Map.of("group", group, "households", households));
			}
		});
		groups.sort(Comparator.comparing((Map<String, Object> row) -> sortKey((Unit) row.get("group")), NATURAL));
		return groups;
	}

	private static String sortKey(Unit group) {
		return (group.code() != null) ? group.code() : group.name();
	}

	/**
	 * Digits compared as numbers ({@code H-2} before {@code H-10}): the order a work
	 * group walks a list in.
	 */
	static final Comparator<String> NATURAL = (left, right) -> {
		int i = 0;
		int j = 0;
		while (i < left.length() && j < right.length()) {
			char a = left.charAt(i);
			char b = right.charAt(j);
			if (Character.isDigit(a) && Character.isDigit(b)) {
				int endA = i;
				while (endA < left.length() && Character.isDigit(left.charAt(endA))) {
					endA++;
				}
				int endB = j;
				while (endB < right.length() && Character.isDigit(right.charAt(endB))) {
					endB++;
				}
				String numberA = left.substring(i, endA).replaceFirst("^0+(?=.)", "");
				String numberB = right.substring(j, endB).replaceFirst("^0+(?=.)", "");
				int compared = (numberA.length() != numberB.length())
						? Integer.compare(numberA.length(), numberB.length()) : numberA.compareTo(numberB);
				if (compared != 0) {
					return compared;
				}
				i = endA;
				j = endB;
			}
			else {
				if (a != b) {
					return Character.compare(a, b);
				}
				i++;
				j++;
			}
		}
		int byLength = Integer.compare(left.length() - i, right.length() - j);
		return (byLength != 0) ? byLength : left.compareTo(right);
	};

	/**
	 * @param householdId opaque id
	 * @param answeredOnline whether it answered online
	 */
	record HouseholdStatus(String householdId, boolean answeredOnline) {
	}

}
