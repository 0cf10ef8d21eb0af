package vn.ydan.api.units;

import vn.ydan.api.csv.CsvText;
import vn.ydan.api.csv.RowError;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Imports a CSV file of units: all or nothing, idempotent.
 * <p>
 * The whole file is read and checked first, every row against every rule, together with
 * the registry as it is; one problem rejects the file and nothing is written. Then the
 * units that change are written whole, by deterministic id, in batches. The store has no
 * transactions, so a failure midway leaves the batches before it written; they are
 * correct units of the file, and importing the same file again writes the rest (the
 * written ones now compare unchanged), which converges to the same registry as an import
 * that never failed.
 */
@Component
class UnitImporter {

	private static final Logger log = LoggerFactory.getLogger(UnitImporter.class);

	private final RegistryReadModel registry;

	private final Units units;

	UnitImporter(RegistryReadModel registry, Units units) {
		this.registry = registry;
		this.units = units;
	}

	/** A file that came as text (GraphQL): it may carry U+FFFD where it was not UTF-8. */
	UnitImportResult importText(UnitImportKind kind, String csv, @Nullable LocalDate validFrom, boolean dryRun) {
		return importText(kind, csv, validFrom, dryRun, (parentId) -> true);
	}

	/**
	 * A file that came as text from someone who acts for some parents only (an official's
	 * communes): a row under another parent ({@code parentAllowed} says no) is an
	 * {@code OUT_OF_SCOPE} error, and a row whose code another unit of the parent holds
	 * under another name a {@code CODE_TAKEN} error (such a file adds groups and corrects
	 * their data; it does not rename one group into another); either refuses the whole
	 * file like any other error.
	 */
	UnitImportResult importText(UnitImportKind kind, String csv, @Nullable LocalDate validFrom, boolean dryRun,
			Predicate<String> parentAllowed) {
		long started = System.nanoTime();
		String text;
		try {
			text = CsvText.checked(csv);
		}
		catch (CsvText.NotUtf8 ex) {
			return notUtf8(ex, started);
		}
		return run(kind, text, validFrom, dryRun, parentAllowed, true, started);
	}

	/** A file as bytes: decoded as strict UTF-8. */
	UnitImportResult importBytes(UnitImportKind kind, byte[] csv, @Nullable LocalDate validFrom, boolean dryRun) {
		long started = System.nanoTime();
		String text;
		try {
			text = CsvText.decode(csv);
		}
		catch (CsvText.NotUtf8 ex) {
			return notUtf8(ex, started);
		}
		return run(kind, text, validFrom, dryRun, (parentId) -> true, false, started);
	}

	private static UnitImportResult notUtf8(CsvText.NotUtf8 ex, long started) {
		RowError error = new RowError(ex.line(), null,
				"Tệp không phải UTF-8: dòng " + ex.line() + " có ký tự không đọc được. Hãy lưu tệp dạng CSV UTF-8.",
				"NOT_UTF8");
		return UnitImportResult.rejected(0, List.of(error), started);
	}

	private UnitImportResult run(UnitImportKind kind, String text, @Nullable LocalDate validFrom, boolean dryRun,
			Predicate<String> parentAllowed, boolean scoped, long started) {
		return this.registry.exclusively(() -> {
			ImportFile.Errors errors = new ImportFile.Errors();
			ImportFile.Parsed parsed = ImportFile.read(kind, text, validFrom, errors);
			Snapshot snapshot = this.registry.current();
			List<Candidate> distinct = ImportCheck.check(parsed.candidates(), snapshot, errors);
			for (Candidate candidate : distinct) {
				if (scoped) {
					codeHeldUnderAnotherName(candidate, snapshot, errors);
				}
				if (candidate.parentId != null && !parentAllowed.test(candidate.parentId)) {
					errors.add(
							candidate.line, candidate.columns.parent(), "Đơn vị cấp trên mã " + candidate.parentCode
									+ " không thuộc phạm vi của người nhập (dòng " + candidate.line + ")",
							"OUT_OF_SCOPE");
				}
			}
			Changes changes = errors.isEmpty() ? changes(distinct, snapshot, errors) : null;
			if (changes == null || !errors.isEmpty()) {
				return UnitImportResult.rejected(parsed.rows(), errors.list(), started);
			}
			if (!dryRun && !changes.changed().isEmpty()) {
				write(changes.changed());
			}
			UnitImportResult result = new UnitImportResult(changes.created(), changes.updated(), changes.unchanged(),
					parsed.rows(), List.of(), UnitImportResult.millisSince(started));
			log.info("Import of {} ({} rows{}): {} created, {} updated, {} unchanged in {} ms", kind, parsed.rows(),
					dryRun ? ", dry run" : "", result.created(), result.updated(), result.unchanged(),
					result.durationMs());
			return result;
		});
	}

	private static void codeHeldUnderAnotherName(Candidate candidate, Snapshot snapshot, ImportFile.Errors errors) {
		AdministrativeUnit existing = (candidate.id != null && candidate.code != null) ? snapshot.unit(candidate.id)
				: null;
		if (existing == null) {
			return;
		}
		for (UnitVersion version : existing.versions()) {
			if (Objects.equals(version.validFrom(), candidate.validFrom) && !version.name().equals(candidate.name)) {
				errors.add(
						candidate.line, candidate.columns.code(), "Mã " + candidate.code + " đã thuộc về "
								+ version.fullName() + " (dòng " + candidate.line + "): để đổi tên, hãy sửa tổ đó",
						"CODE_TAKEN");
				return;
			}
		}
	}

	private void write(List<AdministrativeUnit> changed) {
		try {
			this.units.saveAll(changed);
		}
		catch (RuntimeException ex) {
			// Some batches may be stored: tell other instances, and read back what is.
			log.error("Import failed while writing; the registry is reloaded from the store", ex);
			this.registry.written(List.of());
			this.registry.reload();
			throw ex;
		}
		this.registry.written(changed);
	}

	/** What writing the checked rows would change. */
	private static Changes changes(List<Candidate> candidates, Snapshot registry, ImportFile.Errors errors) {
		List<AdministrativeUnit> changed = new ArrayList<>();
		int created = 0;
		int updated = 0;
		int unchanged = 0;
		for (Candidate candidate : candidates) {
			UnitType type = Objects.requireNonNull(candidate.type);
			String id = Objects.requireNonNull(candidate.id);
			UnitVersion row = new UnitVersion(candidate.validFrom, candidate.validTo, candidate.code, candidate.name,
					candidate.fullName, type, candidate.parentId, candidate.areaKm2, candidate.population,
					candidate.households);
			AdministrativeUnit existing = registry.unit(id);
			if (existing == null) {
				changed.add(new AdministrativeUnit(id, candidate.level, List.of(row), 1));
				created++;
				continue;
			}
			List<UnitVersion> versions = new ArrayList<>(existing.versions());
			int index = -1;
			for (int i = 0; i < versions.size(); i++) {
				if (Objects.equals(versions.get(i).validFrom(), candidate.validFrom)) {
					index = i;
				}
			}
			if (index < 0) {
				if (versions.stream().anyMatch((version) -> version.overlaps(row.validFrom(), row.validTo()))) {
					errors.add(
							candidate.line, "valid_from", "Khoảng hiệu lực của " + candidate.label()
									+ " chồng lên một phiên bản đã có (dòng " + candidate.line + ")",
							"VERSION_OVERLAP");
					continue;
				}
				versions.add(row);
				changed.add(existing.withVersions(versions));
				updated++;
				continue;
			}
			UnitVersion old = versions.get(index);
			// Columns the file leaves empty keep what the registry knows (e.g. households
			// entered since), and an end set by a later change stays.
			UnitVersion merged = new UnitVersion(old.validFrom(),
					(row.validTo() != null) ? row.validTo() : old.validTo(), row.code(), row.name(), row.fullName(),
					row.type(), row.parentId(), (row.areaKm2() != null) ? row.areaKm2() : old.areaKm2(),
					(row.population() != null) ? row.population() : old.population(),
					(row.households() != null) ? row.households() : old.households());
			if (merged.equals(old)) {
				unchanged++;
				continue;
			}
			versions.set(index, merged);
			changed.add(existing.withVersions(versions));
			updated++;
		}
		return new Changes(changed, created, updated, unchanged);
	}

	private record Changes(List<AdministrativeUnit> changed, int created, int updated, int unchanged) {
	}

}
