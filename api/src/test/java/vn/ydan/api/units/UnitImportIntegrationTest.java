package vn.ydan.api.units;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ydan.api.csv.RowError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Imports through the registry's own classes on an in-memory stand-in: the rules of the
 * import, all or nothing, idempotency, and recovery from a failure midway.
 */
class UnitImportIntegrationTest {

	/** The national registry before 2025, as the product ships it for demo data. */
	static final Path NATIONAL = Path.of("src/main/resources/demo");

	/**
	 * Hanoi's units before 1 July 2025 (a copy of
	 * shared/data/hanoi-2025/units_before.csv).
	 */
	static final Path HANOI = Path.of("src/test/resources/hanoi-2025");

	private static final LocalDate BEFORE_REFORM = LocalDate.of(2025, 6, 30);

	private static final String PROVINCES = """
			code,name,full_name,type
			01,Hà Nội,Thành phố Hà Nội,thành phố trực thuộc trung ương
			02,Hà Giang,Tỉnh Hà Giang,tỉnh
			""";

	private static final String DISTRICTS = """
			code,name,full_name,type,province_code,province_name
			001,Ba Đình,Quận Ba Đình,quận,01,Thành phố Hà Nội
			002,Hoàn Kiếm,Quận Hoàn Kiếm,quận,01,Thành phố Hà Nội
			024,Hà Giang,Thành phố Hà Giang,thành phố thuộc tỉnh,02,Tỉnh Hà Giang
			""";

	private static final String COMMUNES_HEADER = "code,name,full_name,type,district_code,district_name,district_type,province_code,province_name\n";

	private static final String COMMUNES = COMMUNES_HEADER + """
			00001,Phúc Xá,Phường Phúc Xá,phường,001,Quận Ba Đình,quận,01,Thành phố Hà Nội
			00004,Trúc Bạch,Phường Trúc Bạch,phường,001,Quận Ba Đình,quận,01,Thành phố Hà Nội
			00037,Phúc Tân,Phường Phúc Tân,phường,002,Quận Hoàn Kiếm,quận,01,Thành phố Hà Nội
			""";

	private StoreForTests store;

	@BeforeEach
	void store() {
		this.store = new StoreForTests();
	}

	@AfterEach
	void close() {
		this.store.close();
	}

	@Test
	void nationalFilesGive63ProvincesAnd696DistrictsAnd10035CommunesAsOf20250630() throws IOException {
		UnitImportResult provinces = importNational(UnitImportKind.PROVINCES, "provinces.csv");
		UnitImportResult districts = importNational(UnitImportKind.DISTRICTS, "districts.csv");
		UnitImportResult communes = importNational(UnitImportKind.COMMUNES, "communes.csv");

		assertThat(provinces.errors()).isEmpty();
		assertThat(districts.errors()).isEmpty();
		assertThat(communes.errors()).isEmpty();
		assertThat(List.of(provinces.created(), districts.created(), communes.created())).containsExactly(63, 696,
				10_035);
		assertThat(communes.rows()).isEqualTo(10_035);
		assertThat(countAt(UnitLevel.PROVINCE, BEFORE_REFORM)).isEqualTo(63);
		assertThat(countAt(UnitLevel.DISTRICT, BEFORE_REFORM)).isEqualTo(696);
		assertThat(countAt(UnitLevel.COMMUNE, BEFORE_REFORM)).isEqualTo(10_035);
		assertThat(countOfType(UnitType.XA)).isEqualTo(7_692);
		assertThat(countOfType(UnitType.PHUONG)).isEqualTo(1_726);
		assertThat(countOfType(UnitType.THI_TRAN)).isEqualTo(617);
		assertThat(this.store.storedUnits()).isEqualTo(10_794);
	}

	@Test
	void reimportingTheNationalFilesChangesNothing() throws IOException {
		importNational(UnitImportKind.PROVINCES, "provinces.csv");
		importNational(UnitImportKind.DISTRICTS, "districts.csv");
		importNational(UnitImportKind.COMMUNES, "communes.csv");
		Map<String, Document> before = this.store.storedDocuments();

		UnitImportResult again = importNational(UnitImportKind.COMMUNES, "communes.csv");

		assertThat(again.errors()).isEmpty();
		assertThat(again.created()).isZero();
		assertThat(again.updated()).isZero();
		assertThat(again.unchanged()).isEqualTo(10_035);
		assertThat(this.store.storedDocuments()).isEqualTo(before);
	}

	@Test
	void hanoiFileAgreesWithTheNationalRegistry() throws IOException {
		importNational(UnitImportKind.PROVINCES, "provinces.csv");
		importNational(UnitImportKind.DISTRICTS, "districts.csv");
		importNational(UnitImportKind.COMMUNES, "communes.csv");

		UnitImportResult hanoi = this.store.importer.importBytes(UnitImportKind.HANOI_UNITS_BEFORE,
				Files.readAllBytes(HANOI.resolve("units_before.csv")), null, false);

		assertThat(hanoi.errors()).isEmpty();
		assertThat(hanoi.rows()).isEqualTo(526);
		// 526 communes and their 30 districts, all already there as they are.
		assertThat(hanoi.created()).isZero();
		assertThat(hanoi.updated()).isZero();
		assertThat(hanoi.unchanged()).isEqualTo(556);
	}

	@Test
	void hanoiFileOnAnEmptyRegistryCreatesTheDistrictsToo() throws IOException {
		this.store.importText(UnitImportKind.PROVINCES, PROVINCES);

		UnitImportResult hanoi = this.store.importer.importBytes(UnitImportKind.HANOI_UNITS_BEFORE,
				Files.readAllBytes(HANOI.resolve("units_before.csv")), null, false);

		assertThat(hanoi.errors()).isEmpty();
		assertThat(hanoi.created()).isEqualTo(556);
		assertThat(countAt(UnitLevel.DISTRICT, BEFORE_REFORM)).isEqualTo(30);
	}

	@Test
	void failureMidwayThenRetryGivesTheSameRegistry() throws IOException {
		Map<String, Document> clean;
		try (StoreForTests reference = new StoreForTests()) {
			importNationalInto(reference);
			clean = reference.storedDocuments();
		}
		AtomicInteger batches = new AtomicInteger();
		AtomicInteger failAfter = new AtomicInteger(4);
		this.store.close();
		this.store = new StoreForTests((database) -> new FailingUnits(database, batches, failAfter));
		importNational(UnitImportKind.PROVINCES, "provinces.csv");
		importNational(UnitImportKind.DISTRICTS, "districts.csv");

		assertThatException().isThrownBy(() -> importNational(UnitImportKind.COMMUNES, "communes.csv"))
			.withMessageContaining("injected");
		long written = this.store.storedUnits();
		assertThat(written).isEqualTo(63 + 696 + 2_000);
		assertThat(this.store.registry.current().size()).isEqualTo(written);

		failAfter.set(Integer.MAX_VALUE);
		UnitImportResult retry = importNational(UnitImportKind.COMMUNES, "communes.csv");

		assertThat(retry.errors()).isEmpty();
		assertThat(retry.created()).isEqualTo(10_035 - 2_000);
		assertThat(retry.unchanged()).isEqualTo(2_000);
		assertThat(this.store.storedDocuments()).isEqualTo(clean);
	}

	@Test
	void dryRunCountsAndWritesNothing() {
		UnitImportResult result = this.store.importer.importText(UnitImportKind.PROVINCES, PROVINCES, null, true);

		assertThat(result.created()).isEqualTo(2);
		assertThat(this.store.storedUnits()).isZero();
		assertThat(this.store.registry.current().size()).isZero();
	}

	@Test
	void changedRowsAreUpdatedInPlace() {
		importSmallRegistry();
		String id = this.store.registry.current().holding("00004", UnitLevel.COMMUNE, BEFORE_REFORM).id();

		UnitImportResult result = this.store.importText(UnitImportKind.COMMUNES,
				COMMUNES.replace("Phường Trúc Bạch", "Phường Trúc Bạch (sửa)"));

		assertThat(result.errors()).isEmpty();
		assertThat(List.of(result.created(), result.updated(), result.unchanged())).containsExactly(0, 1, 2);
		AdministrativeUnit unit = this.store.registry.current().unit(id);
		assertThat(unit.versions()).hasSize(1);
		assertThat(unit.latest().fullName()).isEqualTo("Phường Trúc Bạch (sửa)");
		assertThat(unit.revision()).isEqualTo(2);
	}

	@Test
	void codesAreReusedByOtherUnitsOverTime() {
		importSmallRegistry();
		String until = COMMUNES_HEADER.replace("\n", ",valid_to\n")
				+ "00004,Trúc Bạch,Phường Trúc Bạch,phường,001,Quận Ba Đình,quận,01,Thành phố Hà Nội,2025-07-01\n";
		assertThat(this.store.importText(UnitImportKind.COMMUNES, until).errors()).isEmpty();
		String from = "code,name,full_name,type,district_code,province_code\n"
				+ "00004,Ba Đình,Phường Ba Đình,phường,,01\n";

		UnitImportResult result = this.store.importer.importText(UnitImportKind.COMMUNES, from,
				LocalDate.of(2025, 7, 1), false);

		assertThat(result.errors()).isEmpty();
		assertThat(result.created()).isEqualTo(1);
		Snapshot registry = this.store.registry.current();
		AdministrativeUnit before = registry.holding("00004", UnitLevel.COMMUNE, BEFORE_REFORM);
		AdministrativeUnit after = registry.holding("00004", UnitLevel.COMMUNE, LocalDate.of(2025, 7, 1));
		assertThat(before.latest().fullName()).isEqualTo("Phường Trúc Bạch");
		assertThat(after.latest().fullName()).isEqualTo("Phường Ba Đình");
		assertThat(after.id()).isNotEqualTo(before.id());
		assertThat(before.versionAt(LocalDate.of(2025, 7, 1))).isNull();
		assertThat(after.versionAt(BEFORE_REFORM)).isNull();
		// From 2025-07-01 the new ward hangs directly below the province.
		assertThat(registry.unit(after.latest().parentId()).level()).isEqualTo(UnitLevel.PROVINCE);
	}

	@Test
	void residentialGroupsAreImportedWithTheirHouseholds() {
		importSmallRegistry();
		String groups = """
				commune_code,code,name,type,households
				00004,01,Tổ dân phố số 1,tổ dân phố,312
				00004,,Tổ dân phố số 2,tổ dân phố,287
				00001,,Đông,thôn,95
				""";

		UnitImportResult result = this.store.importText(UnitImportKind.RESIDENTIAL_GROUPS, groups);
		UnitImportResult again = this.store.importText(UnitImportKind.RESIDENTIAL_GROUPS, groups);

		assertThat(result.errors()).isEmpty();
		assertThat(result.created()).isEqualTo(3);
		assertThat(again.unchanged()).isEqualTo(3);
		Snapshot registry = this.store.registry.current();
		String commune = registry.holding("00001", UnitLevel.COMMUNE, BEFORE_REFORM).id();
		List<AdministrativeUnit> below = registry.everChildrenOf(commune);
		assertThat(below).singleElement().satisfies((group) -> {
			assertThat(group.latest().fullName()).isEqualTo("Thôn Đông");
			assertThat(group.latest().households()).isEqualTo(95);
			assertThat(group.latest().type()).isEqualTo(UnitType.THON);
		});
	}

	// Bad input: each rule rejects the whole file, names the line, and writes nothing.

	@Test
	void unknownParentIsRejected() {
		importSmallRegistry();
		long before = this.store.storedUnits();

		UnitImportResult result = this.store.importText(UnitImportKind.COMMUNES,
				COMMUNES_HEADER + "00040,Hàng Mã,Phường Hàng Mã,phường,002,Quận Hoàn Kiếm,quận,01,Thành phố Hà Nội\n"
						+ "09999,Mới,Phường Mới,phường,777,Quận Không Có,quận,01,Thành phố Hà Nội\n");

		assertRejected(result, before, 3, "district_code", "PARENT_UNKNOWN");
		assertThat(result.errors().get(0).message()).contains("777").contains("dòng 3");
	}

	@Test
	void parentAtTheWrongLevelIsRejected() {
		importSmallRegistry();
		long before = this.store.storedUnits();

		UnitImportResult result = this.store.importText(UnitImportKind.COMMUNES,
				COMMUNES_HEADER + "00040,Hàng Mã,Phường Hàng Mã,phường,01,Hà Nội,quận,01,Thành phố Hà Nội\n");

		assertRejected(result, before, 2, "district_code", "PARENT_WRONG_LEVEL");
	}

	@Test
	void parentInAnotherProvinceThanTheRowSaysIsRejected() {
		importSmallRegistry();
		long before = this.store.storedUnits();

		UnitImportResult result = this.store.importText(UnitImportKind.COMMUNES,
				COMMUNES_HEADER + "00040,Hàng Mã,Phường Hàng Mã,phường,002,Quận Hoàn Kiếm,quận,02,Tỉnh Hà Giang\n");

		assertRejected(result, before, 2, "province_code", "PARENT_MISMATCH");
	}

	@Test
	void cycleIsRejected() {
		// Files name parents at the level above, so a cycle cannot come from one file
		// shape alone; the check guards the rows as the importer sees them.
		Candidate a = district(2, "901", "902");
		Candidate b = district(3, "902", "901");
		ImportFile.Errors errors = new ImportFile.Errors();

		ImportCheck.check(List.of(a, b), this.store.registry.current(), errors);

		assertThat(errors.list()).extracting(RowError::code).contains("CYCLE");
		assertThat(errors.list()).filteredOn((error) -> error.code().equals("CYCLE"))
			.extracting(RowError::line)
			.containsExactly(2, 3);
	}

	@Test
	void twoLiveUnitsWithTheSameCodeOnTheSameDateAreRejected() {
		importSmallRegistry();
		long before = this.store.storedUnits();
		// 00004 is Trúc Bạch since ever and still open: another 00004 from 2025 overlaps.
		String other = "code,name,full_name,type,district_code,province_code\n00004,Ba Đình,Phường Ba Đình,phường,,01\n";

		UnitImportResult result = this.store.importer.importText(UnitImportKind.COMMUNES, other,
				LocalDate.of(2025, 7, 1), false);

		assertRejected(result, before, 2, "code", "CODE_TAKEN");
		assertThat(result.errors().get(0).message()).contains("Phường Trúc Bạch");
	}

	@Test
	void sameCodeTwiceInOneFileIsRejected() {
		UnitImportResult result = this.store.importText(UnitImportKind.PROVINCES,
				PROVINCES + "02,Hà Giang mới,Tỉnh Hà Giang mới,tỉnh\n");

		assertRejected(result, 0, 4, null, "DUPLICATE_CODE");
	}

	@Test
	void duplicateRowIsRejected() {
		UnitImportResult result = this.store.importText(UnitImportKind.PROVINCES,
				PROVINCES + "02,Hà Giang,Tỉnh Hà Giang,tỉnh\n");

		assertRejected(result, 0, 4, null, "DUPLICATE_ROW");
		assertThat(result.errors().get(0).message()).contains("trùng với dòng 3");
	}

	@Test
	void unknownTypeIsRejected() {
		UnitImportResult result = this.store.importText(UnitImportKind.PROVINCES,
				"code,name,full_name,type\n01,Hà Nội,Thủ đô Hà Nội,thủ đô\n");

		assertRejected(result, 0, 2, "type", "TYPE_UNKNOWN");
	}

	@Test
	void typeOfAnotherLevelIsRejected() {
		UnitImportResult result = this.store.importText(UnitImportKind.PROVINCES,
				"code,name,full_name,type\n01,Hà Nội,Xã Hà Nội,xã\n");

		assertRejected(result, 0, 2, "type", "TYPE_WRONG_LEVEL");
	}

	@Test
	void invalidDateIntervalIsRejected() {
		UnitImportResult result = this.store.importText(UnitImportKind.PROVINCES,
				"code,name,full_name,type,valid_from,valid_to\n01,Hà Nội,Thành phố Hà Nội,thành phố trực thuộc trung ương,2025-07-01,2025-07-01\n");

		assertRejected(result, 0, 2, "valid_to", "DATE_INTERVAL_INVALID");
	}

	@Test
	void unreadableDateIsRejected() {
		UnitImportResult result = this.store.importText(UnitImportKind.PROVINCES,
				"code,name,full_name,type,valid_from\n01,Hà Nội,Thành phố Hà Nội,thành phố trực thuộc trung ương,1/7/2025\n");

		assertRejected(result, 0, 2, "valid_from", "DATE_INVALID");
	}

	@Test
	void emptyNameIsRejected() {
		UnitImportResult result = this.store.importText(UnitImportKind.PROVINCES,
				"code,name,full_name,type\n01, ,Thành phố Hà Nội,thành phố trực thuộc trung ương\n");

		assertRejected(result, 0, 2, "name", "NAME_EMPTY");
		assertThat(result.errors().get(0).message()).isEqualTo("Tên không được để trống (dòng 2)");
	}

	@Test
	void overlongNameIsRejected() {
		String name = "Hà Nội ".repeat(15).strip();
		UnitImportResult result = this.store.importText(UnitImportKind.PROVINCES,
				"code,name,full_name,type\n01," + name + ",Thành phố Hà Nội,thành phố trực thuộc trung ương\n");

		assertRejected(result, 0, 2, "name", "NAME_TOO_LONG");
	}

	@Test
	void nonUtf8FileIsRejectedNamingTheLine() {
		byte[] head = PROVINCES.getBytes(StandardCharsets.UTF_8);
		// Line 4 saved as Latin-1: "è" is one byte that UTF-8 does not accept there.
		byte[] tail = "04,Cao Bèng,Tinh Cao Bèng,tinh\n".getBytes(StandardCharsets.ISO_8859_1);
		byte[] bytes = new byte[head.length + tail.length];
		System.arraycopy(head, 0, bytes, 0, head.length);
		System.arraycopy(tail, 0, bytes, head.length, tail.length);

		UnitImportResult result = this.store.importer.importBytes(UnitImportKind.PROVINCES, bytes, null, false);

		assertRejected(result, 0, 4, null, "NOT_UTF8");
		assertThat(result.errors().get(0).message()).contains("dòng 4");
	}

	@Test
	void textWithReplacementCharactersIsRejectedAsNotUtf8() {
		UnitImportResult result = this.store.importText(UnitImportKind.PROVINCES,
				PROVINCES + "04,Cao B\uFFFDng,Tỉnh Cao B\uFFFDng,tỉnh\n");

		assertRejected(result, 0, 4, null, "NOT_UTF8");
	}

	@Test
	void missingColumnIsRejected() {
		UnitImportResult result = this.store.importText(UnitImportKind.DISTRICTS,
				"code,name,full_name,type\n001,Ba Đình,Quận Ba Đình,quận\n");

		assertRejected(result, 0, 1, "province_code", "COLUMN_MISSING");
	}

	@Test
	void everyRowIsCheckedAgainstEveryRule() {
		UnitImportResult result = this.store.importText(UnitImportKind.PROVINCES, """
				code,name,full_name,type
				01,,Thành phố Hà Nội,thành phố
				02,Hà Giang,Tỉnh Hà Giang,tỉnh
				,Cao Bằng,,tỉnh
				""");

		assertThat(result.errors()).extracting(RowError::line, RowError::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2, "NAME_EMPTY"),
					org.assertj.core.groups.Tuple.tuple(2, "TYPE_UNKNOWN"),
					org.assertj.core.groups.Tuple.tuple(4, "CODE_EMPTY"),
					org.assertj.core.groups.Tuple.tuple(4, "NAME_EMPTY"));
		assertThat(this.store.storedUnits()).isZero();
	}

	@Test
	void groupWithoutHouseholdsIsRejected() {
		importSmallRegistry();
		long before = this.store.storedUnits();

		UnitImportResult result = this.store.importText(UnitImportKind.RESIDENTIAL_GROUPS,
				"commune_code,code,name,type,households\n00004,,Tổ dân phố số 1,tổ dân phố,\n");

		assertRejected(result, before, 2, "households", "HOUSEHOLDS_MISSING");
	}

	private void assertRejected(UnitImportResult result, long storedBefore, int line, String column, String code) {
		assertThat(result.errors()).as("errors").isNotEmpty();
		assertThat(result.errors()).extracting(RowError::line, RowError::column, RowError::code)
			.contains(org.assertj.core.groups.Tuple.tuple(line, column, code));
		assertThat(result.created() + result.updated()).isZero();
		assertThat(this.store.storedUnits()).as("nothing written").isEqualTo(storedBefore);
	}

	private void importSmallRegistry() {
		assertThat(this.store.importText(UnitImportKind.PROVINCES, PROVINCES).errors()).isEmpty();
		assertThat(this.store.importText(UnitImportKind.DISTRICTS, DISTRICTS).errors()).isEmpty();
		assertThat(this.store.importText(UnitImportKind.COMMUNES, COMMUNES).errors()).isEmpty();
	}

	private static Candidate district(int line, String code, String parentCode) {
		return new Candidate(line, UnitLevel.DISTRICT, code, "Thử " + code, "Quận Thử " + code, UnitType.QUAN,
				parentCode, UnitLevel.DISTRICT, null, null, null, null, null,
				Candidate.Columns.UNIT.withParent("province_code"), false);
	}

	private UnitImportResult importNational(UnitImportKind kind, String file) throws IOException {
		return this.store.importer.importBytes(kind, Files.readAllBytes(NATIONAL.resolve(file)), null, false);
	}

	private static void importNationalInto(StoreForTests store) throws IOException {
		for (String file : List.of("provinces.csv", "districts.csv", "communes.csv")) {
			UnitImportKind kind = UnitImportKind.valueOf(file.replace(".csv", "").toUpperCase());
			store.importer.importBytes(kind, Files.readAllBytes(NATIONAL.resolve(file)), null, false);
		}
	}

	private int countAt(UnitLevel level, LocalDate date) {
		return this.store.registry.current()
			.page(new Snapshot.Filter(level, null, null, null), date, null, 0)
			.totalCount();
	}

	private long countOfType(UnitType type) {
		return this.store.registry.current()
			.page(new Snapshot.Filter(null, type, null, null), BEFORE_REFORM, null, 0)
			.totalCount();
	}

	/** Fails every batch after the first {@code failAfter}: a crash midway. */
	static final class FailingUnits extends Units {

		private final AtomicInteger batches;

		private final AtomicInteger failAfter;

		FailingUnits(MongoDatabase database, AtomicInteger batches, AtomicInteger failAfter) {
			super(database);
			this.batches = batches;
			this.failAfter = failAfter;
		}

		@Override
		void saveBatch(List<AdministrativeUnit> batch, BulkWriteOptions options) {
			if (this.batches.incrementAndGet() > this.failAfter.get()) {
				throw new IllegalStateException("injected failure after " + this.failAfter.get() + " batches");
			}
			super.saveBatch(batch, options);
		}

	}

}
