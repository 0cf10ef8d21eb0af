package vn.ydan.api.communities;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.ydan.api.units.UnitLevel;
import vn.ydan.api.units.UnitRecord;
import vn.ydan.api.units.UnitRegistry;
import vn.ydan.api.units.UnitType;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Development only, and only when asked ({@code ydan.demo-data.communities=true}, env
 * {@code YDAN_DEMODATA_COMMUNITIES}): a deterministic, clearly SYNTHETIC set of
 * residential groups for every commune of the nation as it stood before 1 July 2025 (4 to
 * 13 per commune, about 85,000; named "Thôn mẫu 01", "Tổ dân phố mẫu 01", "Bản mẫu 01",
 * "Ấp mẫu 01", code {@code M01}…), each with an established security and order team of
 * exactly 3 synthetic members ("Thành viên mẫu M01-1", no phone), so that a newcomer sees
 * the nation's scale and the national figure reproduces the law's arithmetic (groups ×
 * 3). Off by default: it takes tens of seconds and some 50 MB, which neither
 * {@code ./ydan run} nor the tests should pay. Loaded in the background after start;
 * loading again changes nothing.
 */
@Component
@Order(3)
class DemoCommunities implements ApplicationRunner {

	static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

	static final String SIGNER = "Chủ tịch UBND xã (mẫu)";

	/** Rows per import of the demo groups (see {@link #chunks}). */
	static final int CHUNK_ROWS = 10_000;

	private static final Logger log = LoggerFactory.getLogger(DemoCommunities.class);

	private final UnitRegistry registry;

	private final Teams teams;

	private final boolean enabled;

	DemoCommunities(UnitRegistry registry, Teams teams, @Value("${ydan.demo-data.enabled:true}") boolean demo,
			@Value("${ydan.demo-data.communities:false}") boolean communities) {
		this.registry = registry;
		this.teams = teams;
		this.enabled = demo && communities;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.enabled) {
			return;
		}
		Thread loader = new Thread(() -> {
			try {
				load();
			}
			catch (RuntimeException ex) {
				log.error("The demo residential groups and teams could not be loaded", ex);
			}
		}, "demo-communities");
		loader.setDaemon(true);
		loader.start();
	}

	/** Imports the groups and stores the teams; returns {groups, teams}. */
	int[] load() {
		long started = System.nanoTime();
		List<UnitRecord> communes = this.registry.unitsOfLevel(UnitLevel.COMMUNE, AS_OF);
		if (communes.isEmpty()) {
			return new int[] { 0, 0 };
		}
		String csv = groupsCsv(communes, provinceCodes(communes));
		long imported = System.nanoTime();
		int created = 0;
		for (String chunk : chunks(csv, CHUNK_ROWS)) {
			created += this.registry.importResidentialGroups(chunk);
		}
		long groupsMs = (System.nanoTime() - imported) / 1_000_000;
		List<Team> demoTeams = new ArrayList<>();
		for (UnitRecord commune : communes) {
			for (UnitRecord group : this.registry.children(commune.id(), AS_OF)) {
				if (group.level() == UnitLevel.RESIDENTIAL_GROUP && group.code() != null
						&& group.code().startsWith("M")) {
					String id = teamId(group.id());
					Team existing = this.teams.byId(id);
					if (existing == null) {
						demoTeams.add(team(id, group));
					}
				}
			}
		}
		long teamsStarted = System.nanoTime();
		this.teams.saveAll(demoTeams);
		log.info(
				"Demo communities: {} residential groups imported ({} new) in {} ms, {} teams stored in {} ms, "
						+ "{} ms in all",
				csv.lines().count() - 1, created, groupsMs, demoTeams.size(),
				(System.nanoTime() - teamsStarted) / 1_000_000, (System.nanoTime() - started) / 1_000_000);
		return new int[] { created, demoTeams.size() };
	}

	private Map<String, String> provinceCodes(List<UnitRecord> communes) {
		Map<String, String> byParent = new HashMap<>();
		Map<String, String> codes = new HashMap<>();
		for (UnitRecord commune : communes) {
			String parent = (commune.parentId() != null) ? commune.parentId() : "";
			String code = byParent.computeIfAbsent(parent, (id) -> {
				UnitRecord province = this.registry.provinceOf(commune.id(), AS_OF);
				return (province != null && province.code() != null) ? province.code() : "";
			});
			codes.put(commune.id(), code);
		}
		return codes;
	}

	/**
	 * The file in parts of at most {@code rows} rows, each with the header: an import
	 * holds all its rows until it writes them, and the nation's 85,000 at once do not fit
	 * beside the registry in {@code ./ydan run}'s heap (bench/communities). Each part is
	 * all or nothing, and the whole is idempotent like each part.
	 */
	static List<String> chunks(String csv, int rows) {
		List<String> lines = csv.lines().toList();
		List<String> chunks = new ArrayList<>();
		for (int from = 1; from < lines.size(); from += rows) {
			List<String> part = lines.subList(from, Math.min(lines.size(), from + rows));
			chunks.add(lines.get(0) + "\n" + String.join("\n", part) + "\n");
		}
		return chunks;
	}

	/**
	 * The synthetic groups of these communes as an import file: a pure function of the
	 * communes' codes and types.
	 */
	static String groupsCsv(List<UnitRecord> communes, Map<String, String> provinceCodes) {
		StringBuilder csv = new StringBuilder(communes.size() * 9 * 48)
			.append("commune_code,code,name,type,households\n");
		for (UnitRecord commune : communes) {
			String code = commune.code();
			if (code == null) {
				continue;
			}
			String type = groupType(commune.type(), provinceCodes.getOrDefault(commune.id(), ""));
			int count = groupCount(code);
			for (int i = 1; i <= count; i++) {
				String number = (i < 10) ? "0" + i : String.valueOf(i);
				int households = 60 + Math.floorMod((code + "-" + i).hashCode(), 340);
				csv.append(code)
					.append(",M")
					.append(number)
					.append(',')
					.append(capitalized(type))
					.append(" mẫu ")
					.append(number)
					.append(',')
					.append(type)
					.append(',')
					.append(households)
					.append('\n');
			}
		}
		return csv.toString();
	}

	/**
	 * 4 to 13, spread by a multiplicative hash of the code: 85,248 for the 10,035
	 * communes before 2025 (the nation had 84,721 in December 2022).
	 */
	static int groupCount(String communeCode) {
		int number;
		try {
			number = Integer.parseInt(communeCode);
		}
		catch (NumberFormatException ex) {
			number = communeCode.hashCode();
		}
		return 4 + ((number * 0x9E3779B1) >>> 16) % 10;
	}

	/**
	 * Tổ dân phố in towns; thôn, bản (the north-west) or ấp (the south) in the country.
	 */
	static String groupType(UnitType communeType, String provinceCode) {
		if (communeType != UnitType.XA) {
			return "tổ dân phố";
		}
		int province = provinceCode.isEmpty() ? 0 : Integer.parseInt(provinceCode);
		if (province == 11 || province == 12 || province == 14) {
			return "bản";
		}
		return (province >= 70) ? "ấp" : "thôn";
	}

	private static String capitalized(String type) {
		return Character.toUpperCase(type.charAt(0)) + type.substring(1);
	}

	static String teamId(String groupId) {
		String name = "ydan-demo-team|" + groupId + "|" + TeamKind.SECURITY_AND_ORDER;
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
	}

	private static Team team(String id, UnitRecord group) {
		String code = (group.code() != null) ? group.code() : "";
		int seed = Math.floorMod(group.id().hashCode(), 40);
		List<Member> members = List.of(member(1, code, 1965 + seed, MemberRole.LEADER),
				member(2, code, 1970 + seed, MemberRole.DEPUTY), member(3, code, 1975 + seed, MemberRole.MEMBER));
		return new Team(id, group.id(), TeamKind.SECURITY_AND_ORDER, "01/QĐ-UBND (mẫu)", LocalDate.of(2024, 7, 15),
				SIGNER, true, members, List.of(), 1);
	}

	private static Member member(int number, String groupCode, int birthYear, MemberRole role) {
		// Interned: the same few dozen synthetic names serve every commune.
		return new Member(number, ("Thành viên mẫu " + groupCode + "-" + number).intern(), Math.min(birthYear, 2005),
				null, role);
	}

}
