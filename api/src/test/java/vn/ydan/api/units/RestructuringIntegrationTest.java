package vn.ydan.api.units;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Applying a restructuring to the registry: new units start, old ones end the day before,
 * groups move, lineage is written; and the same registry whether the change ran at once
 * or failed midway and ran again.
 */
class RestructuringIntegrationTest {

	private static final LocalDate DAY = LocalDate.of(2025, 7, 1);

	private static final LocalDate BEFORE = DAY.minusDays(1);

	@Test
	void newUnitsStartOldOnesEndGroupsMoveAndLineageIsWritten() {
		try (StoreForTests store = fixture()) {
			UnitRegistry registry = registryOf(store, Restructurer.BATCH);

			Restructuring.Result result = registry.restructure(change(store), (done, total) -> {
			});

			assertThat(result.created()).isEqualTo(2);
			assertThat(result.ended()).isEqualTo(6);
			assertThat(result.moved()).isEqualTo(3);
			assertThat(result.links()).isEqualTo(5);
			Snapshot snapshot = store.registry.current();
			String province = snapshot.holding("01", UnitLevel.PROVINCE, BEFORE).id();
			assertThat(registry.children(province, BEFORE)).extracting(UnitRecord::name)
				.containsExactlyInAnyOrder("Ba Đình", "Hoàn Kiếm");
			assertThat(registry.children(province, DAY)).extracting(UnitRecord::fullName)
				.containsExactlyInAnyOrder("Phường Hồng Hà", "Phường Ba Đình");
			assertThat(registry.byCode("00004", UnitLevel.COMMUNE, BEFORE).name()).isEqualTo("Trúc Bạch");
			assertThat(registry.byCode("00004", UnitLevel.COMMUNE, DAY).name()).isEqualTo("Ba Đình");
			String hongHa = UnitRegistry.newUnitId("plan-1", "00097");
			assertThat(registry.children(hongHa, DAY)).extracting(UnitRecord::name)
				.containsExactlyInAnyOrder("Tổ dân phố 1", "Tổ dân phố 2");
			assertThat(snapshot.linksTo(hongHa)).extracting(Lineage::relation)
				.containsExactlyInAnyOrder(LineageRelation.WHOLE, LineageRelation.WHOLE, LineageRelation.PART);
			String dongXuan = snapshot.holding("00040", UnitLevel.COMMUNE, BEFORE).id();
			assertThat(registry.children(dongXuan, BEFORE)).hasSize(2);
			assertThat(registry.children(UnitRegistry.newUnitId("plan-1", "00004"), DAY)).extracting(UnitRecord::name)
				.containsExactly("Tổ dân phố 1");
		}
	}

	@Test
	void applyingAgainChangesNothing() {
		try (StoreForTests store = fixture()) {
			UnitRegistry registry = registryOf(store, Restructurer.BATCH);
			registry.restructure(change(store), (done, total) -> {
			});
			Map<String, Document> once = store.storedDocuments();

			Restructuring.Result again = registry.restructure(change(store), (done, total) -> {
			});

			assertThat(again.created() + again.ended() + again.moved()).isZero();
			assertThat(again.unchanged()).isEqualTo(11);
			assertThat(store.storedDocuments()).isEqualTo(once);
		}
	}

	@Test
	void failureMidwayThenRetryGivesTheSameRegistryAsOneRun() {
		Map<String, Document> clean;
		Map<String, Document> cleanLinks;
		try (StoreForTests reference = fixture()) {
			registryOf(reference, 2).restructure(change(reference), (done, total) -> {
			});
			clean = reference.storedDocuments();
			cleanLinks = links(reference);
		}
		try (StoreForTests store = fixture()) {
			UnitRegistry registry = registryOf(store, 2);
			AtomicInteger batches = new AtomicInteger();

			assertThatIllegalStateException().isThrownBy(() -> registry.restructure(change(store), (done, total) -> {
				if (batches.incrementAndGet() == 2) {
					throw new IllegalStateException("injected failure after " + done + " of " + total);
				}
			})).withMessageContaining("injected");
			assertThat(store.storedDocuments()).isNotEqualTo(clean);
			assertThat(links(store)).isEmpty();

			Restructuring.Result retry = registry.restructure(change(store), (done, total) -> {
			});

			assertThat(retry.unchanged()).isEqualTo(4);
			assertThat(store.storedDocuments()).isEqualTo(clean);
			assertThat(links(store)).isEqualTo(cleanLinks);
		}
	}

	@Test
	void anotherInstanceResumingAChangeWhoseWriterDiedMidwayGivesTheSameRegistryAsOneRun() {
		Map<String, Document> clean;
		Map<String, Document> cleanLinks;
		try (StoreForTests reference = fixture()) {
			registryOf(reference, 2).restructure(change(reference), (done, total) -> {
			});
			clean = reference.storedDocuments();
			cleanLinks = links(reference);
		}
		try (StoreForTests store = fixture()) {
			// Another api instance's read model of the same store, loaded before.
			RegistryReadModel other = new RegistryReadModel(new Units(store.database), new Lineages(store.database),
					new RegistryRevision(store.database), java.time.Duration.ZERO);
			other.reload();
			AtomicInteger batches = new AtomicInteger();
			// The first writer stores two batches (new units among them), then dies.
			assertThatIllegalStateException()
				.isThrownBy(() -> registryOf(store, 2).restructure(change(store), (done, total) -> {
					if (batches.incrementAndGet() == 2) {
						throw new IllegalStateException("killed after " + done + " of " + total);
					}
				}))
				.withMessageContaining("killed");

			new UnitRegistry(other, new Restructurer(other, new Units(store.database), new Lineages(store.database), 2))
				.restructure(change(store), (done, total) -> {
				});

			assertThat(store.storedDocuments()).isEqualTo(clean);
			assertThat(links(store)).isEqualTo(cleanLinks);
		}
	}

	@Test
	void endingAUnitThatIsNotInForceTheDayBeforeIsRefused() {
		try (StoreForTests store = fixture()) {
			UnitRegistry registry = registryOf(store, Restructurer.BATCH);
			Restructuring change = new Restructuring("plan-2", DAY, List.of(), List.of("no-such-unit"), List.of(),
					List.of());

			assertThatIllegalStateException().isThrownBy(() -> registry.restructure(change, (done, total) -> {
			})).withMessageContaining("not in force");
		}
	}

	static StoreForTests fixture() {
		StoreForTests store = new StoreForTests();
		store.importText(UnitImportKind.PROVINCES,
				"code,name,full_name,type\n01,Hà Nội,Thành phố Hà Nội,thành phố trực thuộc trung ương\n");
		store.importText(UnitImportKind.DISTRICTS, """
				code,name,full_name,type,province_code
				001,Ba Đình,Quận Ba Đình,quận,01
				002,Hoàn Kiếm,Quận Hoàn Kiếm,quận,01
				""");
		store.importText(UnitImportKind.COMMUNES, """
				code,name,full_name,type,district_code,province_code
				00001,Phúc Xá,Phường Phúc Xá,phường,001,01
				00004,Trúc Bạch,Phường Trúc Bạch,phường,001,01
				00037,Phúc Tân,Phường Phúc Tân,phường,002,01
				00040,Đồng Xuân,Phường Đồng Xuân,phường,002,01
				""");
		store.importText(UnitImportKind.RESIDENTIAL_GROUPS, """
				commune_code,code,name,type,households
				00001,1,Tổ dân phố 1,tổ dân phố,120
				00001,2,Tổ dân phố 2,tổ dân phố,95
				00040,1,Tổ dân phố 1,tổ dân phố,80
				00040,2,Tổ dân phố 2,tổ dân phố,60
				""");
		return store;
	}

	/**
	 * Phúc Xá and Phúc Tân whole and part of Đồng Xuân form Hồng Hà; Trúc Bạch whole and
	 * the rest of Đồng Xuân form Ba Đình, which takes over code 00004; districts end.
	 */
	static Restructuring change(StoreForTests store) {
		Snapshot snapshot = store.registry.current();
		String province = snapshot.holding("01", UnitLevel.PROVINCE, BEFORE).id();
		String phucXa = snapshot.holding("00001", UnitLevel.COMMUNE, BEFORE).id();
		String trucBach = snapshot.holding("00004", UnitLevel.COMMUNE, BEFORE).id();
		String phucTan = snapshot.holding("00037", UnitLevel.COMMUNE, BEFORE).id();
		String dongXuan = snapshot.holding("00040", UnitLevel.COMMUNE, BEFORE).id();
		List<String> ending = List.of(phucXa, trucBach, phucTan, dongXuan,
				snapshot.holding("001", UnitLevel.DISTRICT, BEFORE).id(),
				snapshot.holding("002", UnitLevel.DISTRICT, BEFORE).id());
		List<Restructuring.GroupMove> moves = new java.util.ArrayList<>();
		for (AdministrativeUnit group : snapshot.everChildrenOf(phucXa)) {
			moves.add(new Restructuring.GroupMove(group.id(), "00097"));
		}
		snapshot.everChildrenOf(dongXuan)
			.stream()
			.filter((group) -> group.latest().code().equals("1"))
			.forEach((group) -> moves.add(new Restructuring.GroupMove(group.id(), "00004")));
		String basis = "Nghị quyết 1656/NQ-UBTVQH15";
		return new Restructuring("plan-1", DAY,
				List.of(new Restructuring.NewUnit("00097", "00097", "Hồng Hà", "Phường Hồng Hà", UnitType.PHUONG,
						province, null, null, null, null, null),
						new Restructuring.NewUnit("00004", "00004", "Ba Đình", "Phường Ba Đình", UnitType.PHUONG,
								province, null, null, null, null, null)),
				ending, moves,
				List.of(new Restructuring.Link(phucXa, "00097", LineageRelation.WHOLE, "whole", basis),
						new Restructuring.Link(phucTan, "00097", LineageRelation.WHOLE, "whole", basis),
						new Restructuring.Link(dongXuan, "00097", LineageRelation.PART, "part_area_pop", basis),
						new Restructuring.Link(trucBach, "00004", LineageRelation.WHOLE, "whole", basis),
						new Restructuring.Link(dongXuan, "00004", LineageRelation.REMAINDER, "remainder", basis)));
	}

	static UnitRegistry registryOf(StoreForTests store, int batchSize) {
		return new UnitRegistry(store.registry,
				new Restructurer(store.registry, store.units, new Lineages(store.database), batchSize));
	}

	private static Map<String, Document> links(StoreForTests store) {
		Map<String, Document> all = new TreeMap<>();
		for (Document document : store.database.getCollection(Lineages.COLLECTION).find()) {
			all.put(document.getString("_id"), document);
		}
		return all;
	}

}
