package vn.ydan.api.units;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.ydan.api.csv.SpreadsheetText;
import vn.ydan.api.protocol.VietnamTime;

/**
 * The old → new table of one province as a CSV file, for anyone to download: every
 * commune the province had on {@code from} (by default the first day of the registry's
 * records) and the unit(s) it is on {@code to} (today by default), with relation,
 * household share and legal basis; one line per old commune and new unit. Public, like
 * the registry; UTF-8 with a byte-order mark for Excel; text a spreadsheet would run as a
 * formula is defused ({@link SpreadsheetText}).
 */
@RestController
class ConversionTableExport {

	static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	static final List<String> HEADERS = List.of("Mã tỉnh cũ", "Tỉnh cũ", "Mã huyện cũ", "Huyện cũ", "Mã xã cũ", "Xã cũ",
			"Mã xã mới", "Xã mới", "Mã tỉnh mới", "Tỉnh mới", "Quan hệ", "Chi tiết", "Tỷ lệ hộ (%)", "Ngày hiệu lực",
			"Căn cứ pháp lý");

	private final RegistryReadModel registry;

	private final AddressConverter addresses;

	private final Clock clock;

	ConversionTableExport(RegistryReadModel registry, AddressConverter addresses, Clock clock) {
		this.registry = registry;
		this.addresses = addresses;
		this.clock = clock;
	}

	@GetMapping("/exports/registry/provinces/{code}/old-to-new.csv")
	ResponseEntity<byte[]> csv(@PathVariable String code, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to) {
		LocalDate fromDate;
		LocalDate toDate;
		try {
			fromDate = (from != null) ? LocalDate.parse(from) : this.addresses.recordsFrom();
			toDate = (to != null) ? LocalDate.parse(to) : VietnamTime.today(this.clock);
		}
		catch (DateTimeParseException ex) {
			return text(HttpStatus.BAD_REQUEST, "Ngày phải có dạng YYYY-MM-DD");
		}
		if (toDate.isBefore(fromDate)) {
			return text(HttpStatus.BAD_REQUEST, "Ngày `to` ở trước ngày `from`");
		}
		Snapshot snapshot = this.registry.current();
		AdministrativeUnit province = snapshot.holding(code.strip(), UnitLevel.PROVINCE, fromDate);
		if (province == null) {
			return text(HttpStatus.NOT_FOUND, "Không có tỉnh mã " + code + " vào ngày " + fromDate);
		}
		StringBuilder csv = new StringBuilder("\uFEFF");
		line(csv, HEADERS);
		for (List<Object> row : rows(snapshot, province, fromDate, toDate)) {
			line(csv, row);
		}
		String filename = "doi-chieu-cu-moi-" + province.versionAt(fromDate).code() + ".csv";
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "public, max-age=300")
			.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	/** One row per old commune and new unit, communes in code order. */
	static List<List<Object>> rows(Snapshot snapshot, AdministrativeUnit province, LocalDate from, LocalDate to) {
		UnitVersion provinceVersion = province.versionAt(from);
		List<List<Object>> rows = new ArrayList<>();
		for (AdministrativeUnit commune : snapshot.ofLevel(UnitLevel.COMMUNE)) {
			UnitVersion version = commune.versionAt(from);
			if (version == null) {
				continue;
			}
			AdministrativeUnit district = null;
			String parentId = version.parentId();
			AdministrativeUnit parent = (parentId != null) ? snapshot.unit(parentId) : null;
			if (parent != null && parent.level() == UnitLevel.DISTRICT) {
				district = parent;
				UnitVersion districtVersion = parent.versionAt(from);
				parent = (districtVersion != null && districtVersion.parentId() != null)
						? snapshot.unit(districtVersion.parentId()) : null;
			}
			if (parent != province) {
				continue;
			}
			UnitVersion districtVersion = (district != null) ? district.versionAt(from) : null;
			for (Successions.Successor successor : Successions.of(snapshot, commune, to)) {
				UnitVersion now = successor.unit().versionAt(to);
				AdministrativeUnit newProvince = provinceOn(snapshot, successor.unit(), to);
				UnitVersion newProvinceVersion = (newProvince != null) ? newProvince.versionAt(to) : null;
				rows.add(List.of(nullToEmpty(provinceVersion.code()), provinceVersion.fullName(),
						(districtVersion != null) ? nullToEmpty(districtVersion.code()) : "",
						(districtVersion != null) ? districtVersion.fullName() : "", nullToEmpty(version.code()),
						version.fullName(), (now != null) ? nullToEmpty(now.code()) : "",
						(now != null) ? now.fullName() : "",
						(newProvinceVersion != null) ? nullToEmpty(newProvinceVersion.code()) : "",
						(newProvinceVersion != null) ? newProvinceVersion.fullName() : "",
						successor.relation().name().toLowerCase(Locale.ROOT), nullToEmpty(successor.detail()),
						(successor.share() != null) ? (Object) (successor.share() * 100) : "",
						(successor.effectiveDate() != null) ? successor.effectiveDate().toString() : "",
						nullToEmpty(successor.legalBasis())));
			}
		}
		return rows;
	}

	private static @Nullable AdministrativeUnit provinceOn(Snapshot snapshot, AdministrativeUnit unit, LocalDate date) {
		AdministrativeUnit current = unit;
		for (int i = 0; i < 4 && current != null; i++) {
			if (current.level() == UnitLevel.PROVINCE) {
				return current;
			}
			UnitVersion version = current.versionAt(date);
			current = (version != null && version.parentId() != null) ? snapshot.unit(version.parentId()) : null;
		}
		return null;
	}

	private static String nullToEmpty(@Nullable String text) {
		return (text != null) ? text : "";
	}

	private static void line(StringBuilder csv, List<?> cells) {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				csv.append(',');
			}
			csv.append(field(cells.get(i)));
		}
		csv.append("\r\n");
	}

	private static String field(Object cell) {
		String text = switch (cell) {
			case Double number -> String.format(Locale.ROOT, "%.2f", number);
			case Number number -> number.toString();
			default -> SpreadsheetText.defused(String.valueOf(cell));
		};
		if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
			return '"' + text.replace("\"", "\"\"") + '"';
		}
		return text;
	}

	private static ResponseEntity<byte[]> text(HttpStatus status, String message) {
		return ResponseEntity.status(status)
			.contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
			.body(message.getBytes(StandardCharsets.UTF_8));
	}

}
