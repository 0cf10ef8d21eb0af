package vn.ydan.api.units;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;

/**
 * Not a test: where the time of importing the nation's residential groups goes, apart
 * from the store (bench/communities/README.md). The national registry is imported into an
 * in-memory stand-in, then 85,248 synthetic groups (as the demo generates them) twice:
 * once with every write, once with writes that do nothing (check, changes, snapshot
 * only).
 */
final class GroupImportTime {

	private GroupImportTime() {
	}

	public static void main(String[] args) throws IOException {
		for (boolean store : new boolean[] { false, true }) {
			try (StoreForTests registry = new StoreForTests(
					(database) -> store ? new Units(database) : new NoWrites(database))) {
				for (String[] file : new String[][] { { "PROVINCES", "demo/provinces.csv" },
						{ "DISTRICTS", "demo/districts.csv" }, { "COMMUNES", "demo/communes.csv" } }) {
					try (InputStream in = GroupImportTime.class.getClassLoader().getResourceAsStream(file[1])) {
						registry.importer.importBytes(UnitImportKind.valueOf(file[0]), in.readAllBytes(), null, false);
					}
				}
				List<AdministrativeUnit> communes = registry.registry.current().ofLevel(UnitLevel.COMMUNE);
				StringBuilder csv = new StringBuilder("commune_code,code,name,type,households\n");
				int rows = 0;
				for (AdministrativeUnit commune : communes) {
					String code = commune.latest().code();
					int count = 4 + ((Integer.parseInt(code) * 0x9E3779B1) >>> 16) % 10;
					for (int i = 1; i <= count; i++) {
						String number = (i < 10) ? "0" + i : String.valueOf(i);
						csv.append(code)
							.append(",M")
							.append(number)
							.append(",Thôn mẫu ")
							.append(number)
							.append(",thôn,")
							.append(60 + i)
							.append('\n');
						rows++;
					}
				}
				long started = System.nanoTime();
				UnitImportResult result = registry.importer.importText(UnitImportKind.RESIDENTIAL_GROUPS,
						csv.toString(), null, false, (parent) -> true);
				System.out.printf("%s: %d rows, %d created, %d errors in %d ms%n",
						store ? "with the in-memory store's writes" : "without writes (check, changes, snapshot)", rows,
						result.created(), result.errors().size(), (System.nanoTime() - started) / 1_000_000);
			}
		}
	}

	/** Units whose writes do nothing. */
	static final class NoWrites extends Units {

		NoWrites(MongoDatabase database) {
			super(database);
		}

		@Override
		void saveBatch(List<AdministrativeUnit> batch, BulkWriteOptions options) {
		}

	}

}
