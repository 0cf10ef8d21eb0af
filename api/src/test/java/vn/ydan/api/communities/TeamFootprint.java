package vn.ydan.api.communities;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bson.Document;

/**
 * Not a test: the heap the teams' in-memory copy holds for the nation's 85,248 security
 * teams of 3 members (bench/communities/footprint.sh), read back from their documents as
 * after a restart.
 */
final class TeamFootprint {

	private TeamFootprint() {
	}

	public static void main(String[] args) {
		List<Document> documents = new ArrayList<>();
		for (int g = 0; g < 85_248; g++) {
			String groupId = UUID.nameUUIDFromBytes(("g" + g).getBytes()).toString();
			String code = "M" + ((g % 13 < 9) ? "0" : "") + (g % 13 + 1);
			List<Member> members = List.of(
					new Member(1, "Thành viên mẫu " + code + "-1", 1965, null, MemberRole.LEADER),
					new Member(2, "Thành viên mẫu " + code + "-2", 1970, null, MemberRole.DEPUTY),
					new Member(3, "Thành viên mẫu " + code + "-3", 1975, null, MemberRole.MEMBER));
			documents.add(Teams.document(new Team(UUID.nameUUIDFromBytes(("t" + groupId).getBytes()).toString(),
					groupId, TeamKind.SECURITY_AND_ORDER, "01/QĐ-UBND (mẫu)", LocalDate.of(2024, 7, 15),
					"Chủ tịch UBND xã (mẫu)", true, members, List.of(), 1)));
		}
		// As read from the store: every string a new instance.
		documents = documents.stream().map((document) -> Document.parse(document.toJson())).toList();
		long before = used();
		List<Team> teams = new ArrayList<>();
		for (Document document : documents) {
			teams.add(Teams.team(document));
		}
		long after = used();
		System.out.printf("%d teams (%d documents), %d members: %.1f MB retained%n", teams.size(), documents.size(),
				teams.stream().mapToInt((team) -> team.members().size()).sum(), (after - before) / 1048576.0);
	}

	static long used() {
		for (int i = 0; i < 4; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

}
