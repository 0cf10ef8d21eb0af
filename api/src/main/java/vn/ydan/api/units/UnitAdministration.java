package vn.ydan.api.units;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import vn.ydan.api.access.Caller;
import vn.ydan.api.access.Roles;
import vn.ydan.api.access.UnitScope;
import vn.ydan.api.audit.AuditTrail;
import vn.ydan.api.audit.AuditedChange;
import vn.ydan.api.protocol.UserError;
import vn.ydan.api.protocol.VietnamTime;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * Changes to the registry, with who may make them: imports are for administrators;
 * corrections also for officials whose scope covers the unit
 * ({@link Roles#MAY_EDIT_UNIT}, which reads the {@code unitId} parameter); new
 * residential groups also for clerks assigned to the commune
 * ({@link Roles#MAY_ACT_FOR_COMMUNE}). The audit entry of each change gets the unit's
 * data before and after, and the units it concerns; an import, its counts.
 */
@Service
class UnitAdministration {

	private final RegistryReadModel registry;

	private final Units units;

	private final UnitImporter importer;

	private final Clock clock;

	private final AuditTrail audit;

	private final UnitScope scope;

	UnitAdministration(RegistryReadModel registry, Units units, UnitImporter importer, Clock clock, AuditTrail audit,
			UnitScope scope) {
		this.registry = registry;
		this.units = units;
		this.importer = importer;
		this.clock = clock;
		this.audit = audit;
		this.scope = scope;
	}

	/**
	 * Imports a file of residential groups
	 * ({@code commune_code,code,name,type,households}) for the communes the caller acts
	 * for ({@link Roles#MAY_ACT_FOR_COMMUNE}, row by row): admins anywhere, officials in
	 * their scope, clerks in their communes. A row of another commune is an
	 * {@code OUT_OF_SCOPE} error, and like every error it refuses the whole file.
	 */
	@PreAuthorize(Roles.IS_TALLIER)
	UnitImportResult importResidentialGroups(String csv, boolean dryRun) {
		Authentication caller = Objects.requireNonNull(Caller.signedIn());
		Map<String, Boolean> allowed = new HashMap<>();
		UnitImportResult result = this.importer.importText(UnitImportKind.RESIDENTIAL_GROUPS, csv, null, dryRun,
				(communeId) -> allowed.computeIfAbsent(communeId, (id) -> this.scope.mayActForCommune(caller, id)));
		if (result.errors().isEmpty()) {
			this.audit.current()
				.summary((dryRun ? "Kiểm tra tệp tổ dân phố, thôn: " : "Nhập tệp tổ dân phố, thôn: ") + result.rows()
						+ " dòng, " + result.created() + " mới, " + result.updated() + " sửa, " + result.unchanged()
						+ " giữ nguyên");
		}
		return result;
	}

	/**
	 * Imports a file of units ({@link UnitImporter}). The audit entry counts what it did;
	 * it does not list the units (the national file has some 10,800).
	 */
	@PreAuthorize(Roles.IS_ADMIN)
	UnitImportResult importUnits(UnitImportKind kind, String csv, @Nullable LocalDate validFrom, boolean dryRun) {
		UnitImportResult result = this.importer.importText(kind, csv, validFrom, dryRun);
		if (result.errors().isEmpty()) {
			this.audit.current()
				.summary((dryRun ? "Kiểm tra tệp " : "Nhập tệp ") + kind + ": " + result.rows() + " dòng, "
						+ result.created() + " đơn vị mới, " + result.updated() + " sửa, " + result.unchanged()
						+ " giữ nguyên");
		}
		return result;
	}

	/**
	 * Corrects the version in force today (or the last one, for a unit that has ended): a
	 * correction of the data, not a change over time, which is a plan's job.
	 */
	@PreAuthorize(Roles.MAY_EDIT_UNIT)
	UnitPayload update(String unitId, UpdateUnitInput input) {
		List<UserError> errors = new ArrayList<>();
		checkName(input.name(), "name", "Tên", errors);
		checkName(input.fullName(), "fullName", "Tên đầy đủ", errors);
		if (input.areaKm2() != null && !(input.areaKm2() >= 0 && Double.isFinite(input.areaKm2()))) {
			errors.add(UserError.of("areaKm2", "Diện tích phải là số không âm", "VALUE_INVALID"));
		}
		checkCount(input.population(), "population", "Dân số", errors);
		checkCount(input.households(), "households", "Số hộ", errors);
		if (!errors.isEmpty()) {
			return UnitPayload.rejected(errors);
		}
		return this.registry.exclusively(() -> {
			AdministrativeUnit unit = this.registry.current().unit(unitId);
			if (unit == null) {
				return UnitPayload.rejected(List.of(UserError.of("id", "Không tìm thấy đơn vị", "NOT_FOUND")));
			}
			if (input.expectedVersion() != null && input.expectedVersion() != unit.revision()) {
				return conflict(unit.revision());
			}
			LocalDate today = VietnamTime.today(this.clock);
			UnitVersion old = unit.nearestVersion(today);
			AuditedChange entry = this.audit.current().summary("Sửa " + old.fullName()).before(state(old));
			UnitVersion changed = new UnitVersion(old.validFrom(), old.validTo(), old.code(),
					orElse(strip(input.name()), old.name()), orElse(strip(input.fullName()), old.fullName()),
					old.type(), old.parentId(), (input.areaKm2() != null) ? input.areaKm2() : old.areaKm2(),
					(input.population() != null) ? input.population() : old.population(),
					(input.households() != null) ? input.households() : old.households());
			if (changed.equals(old)) {
				entry.after(state(old));
				return UnitPayload.of(Unit.at(unit, today));
			}
			List<UnitVersion> versions = new ArrayList<>(unit.versions());
			versions.set(versions.indexOf(old), changed);
			AdministrativeUnit updated = unit.withVersions(versions);
			if (!this.units.replace(updated, unit.revision())) {
				// Another instance changed it since this one last read the store.
				this.registry.reload();
				AdministrativeUnit now = this.registry.current().unit(unitId);
				return conflict((now != null) ? now.revision() : unit.revision());
			}
			this.registry.written(List.of(updated));
			entry.after(state(changed));
			return UnitPayload.of(Unit.at(updated, today));
		});
	}

	/**
	 * Adds a residential group below a commune, valid since before the registry's records
	 * (it records a group that exists, it does not create one today). Its id is derived
	 * like an imported group's, so that importing it later finds it.
	 */
	@PreAuthorize(Roles.MAY_ACT_FOR_COMMUNE)
	UnitPayload addResidentialGroup(String unitId, AddResidentialGroupInput input) {
		List<UserError> errors = new ArrayList<>();
		String name = input.name().strip();
		String code = strip(input.code());
		if (code != null && code.isEmpty()) {
			code = null;
		}
		checkName(name, "name", "Tên", errors);
		if (code != null && code.length() > 20) {
			errors.add(UserError.of("code", "Mã dài quá 20 ký tự", "CODE_TOO_LONG"));
		}
		if (input.type().level() != UnitLevel.RESIDENTIAL_GROUP) {
			errors.add(UserError.of("type", "\"" + input.type().label() + "\" không phải loại tổ dân phố, thôn",
					"TYPE_WRONG_LEVEL"));
		}
		checkCount(input.households(), "households", "Số hộ", errors);
		if (!errors.isEmpty()) {
			return UnitPayload.rejected(errors);
		}
		String groupCode = code;
		return this.registry.exclusively(() -> {
			Snapshot snapshot = this.registry.current();
			LocalDate today = VietnamTime.today(this.clock);
			AdministrativeUnit commune = snapshot.unit(unitId);
			if (commune == null || commune.level() != UnitLevel.COMMUNE) {
				return UnitPayload
					.rejected(List.of(UserError.of("communeId", "Không tìm thấy đơn vị cấp xã", "NOT_FOUND")));
			}
			if (commune.versionAt(today) == null) {
				return UnitPayload.rejected(List.of(UserError.of("communeId",
						commune.latest().fullName() + " không còn hiệu lực", "NOT_IN_FORCE")));
			}
			String canonical = VietnameseName.canonical(name);
			for (AdministrativeUnit sibling : snapshot.everChildrenOf(commune.id())) {
				UnitVersion version = sibling.versionAt(today);
				if (version == null || !commune.id().equals(version.parentId())) {
					continue;
				}
				if (groupCode != null && groupCode.equals(version.code())) {
					return UnitPayload.rejected(List.of(UserError.of("code",
							"Mã " + groupCode + " đã thuộc về " + version.fullName(), "CODE_TAKEN")));
				}
				if (canonical.equals(VietnameseName.canonical(version.name()))) {
					return UnitPayload.rejected(List
						.of(UserError.of("name", "Xã đã có " + version.fullName() + " cùng tên", "NAME_TAKEN")));
				}
			}
			String id = ImportCheck.idOf(UnitLevel.RESIDENTIAL_GROUP,
					ImportCheck.groupKey(commune.id(), groupCode, name), null);
			UnitVersion version = new UnitVersion(null, null, groupCode, name,
					ImportFile.defaultFullName(input.type(), name), input.type(), commune.id(), null, null,
					input.households());
			AdministrativeUnit group = new AdministrativeUnit(id, UnitLevel.RESIDENTIAL_GROUP, List.of(version), 1);
			if (snapshot.unit(id) != null || !this.units.replace(group, 0)) {
				return UnitPayload.rejected(
						List.of(UserError.of("name", "Tổ dân phố / thôn này đã có trong sổ đơn vị", "NAME_TAKEN")));
			}
			this.registry.written(List.of(group));
			this.audit.current()
				.summary("Thêm " + version.fullName() + " vào " + commune.latest().fullName())
				.touched(group.globalId())
				.after(state(version));
			return UnitPayload.of(Unit.at(group, today));
		});
	}

	/** A version's data, as the audit log keeps it. */
	private static Map<String, @Nullable Object> state(UnitVersion version) {
		Map<String, @Nullable Object> state = new LinkedHashMap<>();
		state.put("validFrom", version.validFrom());
		state.put("validTo", version.validTo());
		state.put("code", version.code());
		state.put("name", version.name());
		state.put("fullName", version.fullName());
		state.put("type", version.type());
		state.put("parentId", version.parentId());
		state.put("areaKm2", version.areaKm2());
		state.put("population", version.population());
		state.put("households", version.households());
		return state;
	}

	private static UnitPayload conflict(int current) {
		return UnitPayload.rejected(List.of(UserError.of("expectedVersion",
				"Đơn vị đã được người khác sửa (phiên bản hiện tại: " + current + "). Hãy tải lại rồi sửa lại.",
				"VERSION_CONFLICT")));
	}

	private static void checkName(@Nullable String value, String field, String what, List<UserError> errors) {
		if (value == null) {
			return;
		}
		String name = value.strip();
		if (name.isEmpty()) {
			errors.add(UserError.of(field, what + " không được để trống", "NAME_EMPTY"));
		}
		else if (name.length() > UnitVersion.MAX_NAME_LENGTH) {
			errors.add(UserError.of(field,
					what + " dài " + name.length() + " ký tự, tối đa " + UnitVersion.MAX_NAME_LENGTH, "NAME_TOO_LONG"));
		}
	}

	private static void checkCount(@Nullable Integer value, String field, String what, List<UserError> errors) {
		if (value != null && value < 0) {
			errors.add(UserError.of(field, what + " phải là số không âm", "VALUE_INVALID"));
		}
	}

	private static @Nullable String strip(@Nullable String value) {
		return (value != null) ? value.strip() : null;
	}

	private static String orElse(@Nullable String value, String otherwise) {
		return (value != null) ? value : otherwise;
	}

}
