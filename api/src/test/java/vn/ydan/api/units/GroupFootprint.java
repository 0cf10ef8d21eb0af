package vn.ydan.api.units;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Not a test: the heap the registry's read model holds for the nation's residential
 * groups (bench/communities/footprint.sh). Builds 10,035 communes and 85,248 groups the
 * way the store gives them back (every string a new instance), then a snapshot of them,
 * and prints the heap retained after a full GC, and the snapshot's rebuild time.
 */
final class GroupFootprint {

	private GroupFootprint() {
	}

	public static void main(String[] args) {
		long before = used();
		List<AdministrativeUnit> units = new ArrayList<>();
		String province = UUID.nameUUIDFromBytes("p".getBytes()).toString();
		units.add(new AdministrativeUnit(province, UnitLevel.PROVINCE, List
			.of(new UnitVersion(null, null, "01", "Mẫu", "Tỉnh Mẫu", UnitType.TINH, null, 1000.0, 1_000_000, null)),
				1));
		int groups = 0;
		for (int c = 0; c < 10_035; c++) {
			String commune = UUID.nameUUIDFromBytes(("c" + c).getBytes()).toString();
			units.add(new AdministrativeUnit(new String(commune), UnitLevel.COMMUNE,
					List.of(new UnitVersion(null, null, String.format("%05d", c), "Mẫu " + c, "Xã Mẫu " + c,
							UnitType.XA, new String(province), 20.0, 10_000, null)),
					1));
			int count = 4 + ((c * 0x9E3779B1) >>> 16) % 10;
			for (int g = 1; g <= count; g++) {
				String number = (g < 10) ? "0" + g : String.valueOf(g);
				// New instances, as a document read from the store gives them.
				units
					.add(new AdministrativeUnit(new String(UUID.nameUUIDFromBytes((commune + g).getBytes()).toString()),
							UnitLevel.RESIDENTIAL_GROUP,
							List.of(new UnitVersion(null, null, new String("M" + number),
									new String("Thôn mẫu " + number), new String("Thôn Thôn mẫu " + number),
									UnitType.THON, new String(commune), null, null, 60 + g * 7)),
							1));
				groups++;
			}
		}
		long started = System.nanoTime();
		Snapshot snapshot = Snapshot.of(units, List.of(), 1);
		long built = (System.nanoTime() - started) / 1_000_000;
		units = null;
		long after = used();
		started = System.nanoTime();
		Snapshot copy = snapshot.with(List.of(), 2);
		long copied = (System.nanoTime() - started) / 1_000_000;
		System.out.printf(
				"%d units (%d residential groups): %.1f MB retained; snapshot built in %d ms, copied in %d ms%n",
				snapshot.size(), groups, (after - before) / 1048576.0, built, copied);
		LocalDate date = LocalDate.of(2025, 6, 30);
		System.out.println(snapshot.ofLevel(UnitLevel.RESIDENTIAL_GROUP).size() + " groups, "
				+ copy.ofLevel(UnitLevel.RESIDENTIAL_GROUP).get(0).versionAt(date));
	}

	static long used() {
		for (int i = 0; i < 4; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

}
