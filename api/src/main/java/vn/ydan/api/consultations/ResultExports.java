package vn.ydan.api.consultations;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import vn.ydan.api.access.Caller;
import vn.ydan.api.plans.PlanOutline;
import vn.ydan.api.plans.PlanOutlines;
import vn.ydan.api.protocol.BadRequestException;
import vn.ydan.api.units.UnitRecord;
import vn.ydan.api.units.UnitRegistry;

/**
 * Results as files over HTTP GET, for the console (which passes on its user's token) and
 * third parties: the table of a consultation as CSV and XLSX, and one commune's summary
 * minutes (biên bản tổng hợp) as PDF. The same callers as {@code Consultation.results}:
 * everyone once published; before, administrators, and officials and clerks in scope for
 * the communes within their scope only (the tables have only those rows; the minutes of
 * another commune are 403). 404 for an unknown consultation or a commune it did not ask;
 * 401 without a token and 403 with one, for results not public yet. Computed on every
 * request from the live counts (published results are computed once and kept by
 * {@link ResultViews}).
 */
@RestController
class ResultExports {

	static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final ConsultationService service;

	private final ResultViews results;

	private final UnitRegistry registry;

	private final PlanOutlines plans;

	private final MinutesPdf minutes;

	private final Clock clock;

	private final ResultBoard board;

	ResultExports(ConsultationService service, ResultViews results, UnitRegistry registry, PlanOutlines plans,
			MinutesPdf minutes, Clock clock, ResultBoard board) {
		this.board = board;
		this.service = service;
		this.results = results;
		this.registry = registry;
		this.plans = plans;
		this.minutes = minutes;
		this.clock = clock;
	}

	@GetMapping("/exports/consultations/{id}/results.csv")
	ResponseEntity<byte[]> csv(@PathVariable String id) {
		return visible(id,
				(consultation) -> file(ResultCsv.write(table(consultation)), CSV, "ket-qua-lay-y-kien-" + id + ".csv"));
	}

	@GetMapping("/exports/consultations/{id}/results.xlsx")
	ResponseEntity<byte[]> xlsx(@PathVariable String id) {
		return visible(id,
				(consultation) -> file(ResultXlsx.write(table(consultation), title(consultation), this.clock.instant()),
						XLSX, "ket-qua-lay-y-kien-" + id + ".xlsx"));
	}

	@GetMapping("/exports/consultations/{id}/communes/{unitId}/minutes.pdf")
	ResponseEntity<byte[]> minutes(@PathVariable String id, @PathVariable String unitId) {
		return visible(id, (consultation) -> {
			String communeId;
			try {
				communeId = this.registry.idOf(unitId);
			}
			catch (BadRequestException ex) {
				return text(HttpStatus.NOT_FOUND, "Mã đơn vị không hợp lệ: " + unitId);
			}
			if (consultation.unit(communeId) == null) {
				return text(HttpStatus.NOT_FOUND, "Đơn vị này không được lấy ý kiến trong đợt " + id);
			}
			ResultViews.Results seen = results(consultation);
			ResultTable table = table(consultation, seen);
			// The table has one row per commune of the results, in their order.
			for (int i = 0; i < seen.communes().size(); i++) {
				if (seen.communes().get(i).communeId().equals(communeId)) {
					ResultTable.Row row = table.rows().get(i);
					byte[] pdf = this.minutes.write(consultation, this.plans.outline(consultation.planId()), communeId,
							seen.communes().get(i), row, place(communeId, consultation),
							groups(consultation, communeId));
					String code = row.code().isEmpty() ? communeId : row.code();
					return file(pdf, MediaType.APPLICATION_PDF, "bien-ban-tong-hop-" + code + ".pdf");
				}
			}
			return text(HttpStatus.FORBIDDEN, "Kết quả chưa công bố của đơn vị này nằm ngoài phạm vi của bạn");
		});
	}

	/**
	 * The minutes of any unit the consultation asked: a commune's, or a district's or a
	 * province's summary rolling up its communes (those the caller may see, before
	 * publication).
	 */
	@GetMapping("/exports/consultations/{id}/units/{unitId}/minutes.pdf")
	ResponseEntity<byte[]> unitMinutes(@PathVariable String id, @PathVariable String unitId) {
		Consultation found = this.service.find(id);
		String internalId;
		try {
			internalId = this.registry.idOf(unitId);
		}
		catch (BadRequestException ex) {
			return text(HttpStatus.NOT_FOUND, "Mã đơn vị không hợp lệ: " + unitId);
		}
		if (found != null && found.unit(internalId) != null) {
			return minutes(id, unitId);
		}
		return visible(id, (consultation) -> {
			Map<String, List<String>> below = this.service.hierarchy(consultation);
			UnitRecord unit = this.registry.unit(internalId, consultation.referenceDate());
			if (unit == null || !below.containsKey(internalId)) {
				return text(HttpStatus.NOT_FOUND, "Đơn vị này không có xã nào được lấy ý kiến trong đợt " + id);
			}
			Set<String> under = new HashSet<>();
			collect(internalId, below, under);
			ResultViews.Results seen = results(consultation);
			ResultTable table = table(consultation, seen);
			List<MinutesPdf.Part> communes = new ArrayList<>();
			Map<String, Consultation.ConsultedUnit> asked = new LinkedHashMap<>();
			Map<String, ResultBoard.Figures> figures = new HashMap<>();
			long[] sums = new long[7];
			String province = "";
			for (int i = 0; i < seen.communes().size(); i++) {
				ResultViews.CommuneResult commune = seen.communes().get(i);
				if (!under.contains(commune.communeId())) {
					continue;
				}
				ResultTable.Row row = table.rows().get(i);
				province = row.province();
				communes.add(new MinutesPdf.Part(row.commune(), row.households(), row.tookPart(), row.agree(),
						row.disagree(), row.invalid(), row.outcome(),
						row.outcomeName() + (row.certified() ? ", đã xác nhận" : ", chưa xác nhận")));
				long[] counts = { row.households(), row.tookPart(), row.online(), row.paperReturned(), row.agree(),
						row.disagree(), row.invalid() };
				for (int c = 0; c < counts.length; c++) {
					sums[c] += counts[c];
				}
				asked.put(commune.communeId(), consultation.unit(commune.communeId()));
				figures.put(commune.communeId(), commune.figures());
			}
			if (communes.isEmpty()) {
				return text(HttpStatus.FORBIDDEN, "Kết quả chưa công bố của đơn vị này nằm ngoài phạm vi của bạn");
			}
			PlanOutline plan = this.plans.outline(consultation.planId());
			ResultTable.Row total = new ResultTable.Row(province, "", (unit.code() != null) ? unit.code() : "",
					unit.fullName(), sums[0], sums[1], sums[2], sums[3], sums[4], sums[5], sums[6],
					Consultation.Outcome.PENDING, consultation.isCertified(internalId));
			byte[] pdf = this.minutes.writeSummary(consultation, plan, internalId, unit.fullName(),
					MinutesPdf.placeName(unit.fullName()), total, communes,
					(plan != null) ? WinningNames.of(plan.newUnits(), asked, figures) : List.of());
			String code = (unit.code() != null) ? unit.code() : internalId;
			return file(pdf, MediaType.APPLICATION_PDF, "bien-ban-tong-hop-" + code + ".pdf");
		});
	}

	private static void collect(String parentId, Map<String, List<String>> below, Set<String> into) {
		for (String child : below.getOrDefault(parentId, List.of())) {
			into.add(child);
			collect(child, below, into);
		}
	}

	/** The place name of the unit's date line (its name as it stood when asked). */
	private String place(String unitId, Consultation consultation) {
		UnitRecord unit = this.registry.unit(unitId, consultation.referenceDate());
		return (unit != null) ? MinutesPdf.placeName(unit.fullName()) : unitId;
	}

	/** The commune's residential groups with their figures, for the minutes. */
	private List<MinutesPdf.Part> groups(Consultation consultation, String communeId) {
		ResultBoard.Board counts = this.board.of(consultation);
		List<MinutesPdf.Part> groups = new ArrayList<>();
		// In the order of their codes ("2" before "10"), as the register lists them.
		List<String> ordered = new ArrayList<>(counts.groupsOf(communeId));
		ordered.sort(java.util.Comparator.comparing((String groupId) -> {
			UnitRecord group = this.registry.unit(groupId, consultation.referenceDate());
			String code = (group != null && group.code() != null) ? group.code() : groupId;
			return String.format("%12s", code);
		}));
		for (String groupId : ordered) {
			UnitRecord group = this.registry.unit(groupId, consultation.referenceDate());
			ResultBoard.Figures figures = counts.group(groupId);
			groups.add(new MinutesPdf.Part((group != null) ? group.fullName() : groupId, figures.households(),
					figures.tookPart(), figures.agree(), figures.disagree(), figures.invalid(),
					Consultation.Outcome.PENDING,
					(figures.groupsReported() > 0) ? "Đã xác minh" : "Chưa có số liệu giấy"));
		}
		return groups;
	}

	private ResponseEntity<byte[]> visible(String id,
			java.util.function.Function<Consultation, ResponseEntity<byte[]>> export) {
		Consultation consultation = this.service.find(id);
		if (consultation == null) {
			return text(HttpStatus.NOT_FOUND, "Không tìm thấy đợt lấy ý kiến " + id);
		}
		if (consultation.status() != ConsultationStatus.PUBLISHED && !this.service.maySeeUnpublished(consultation)) {
			if (Caller.signedIn() == null) {
				return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
					.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
					.contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
					.body("Kết quả chưa được công bố: hãy đăng nhập".getBytes(StandardCharsets.UTF_8));
			}
			return text(HttpStatus.FORBIDDEN, "Bạn không được xem kết quả chưa công bố của đợt này");
		}
		return export.apply(consultation);
	}

	private ResultTable table(Consultation consultation) {
		return table(consultation, results(consultation));
	}

	/**
	 * What the caller may see: all once published; before, the communes within the
	 * caller's scope ({@link ResultViews#forCaller}).
	 */
	private ResultViews.Results results(Consultation consultation) {
		ResultViews.Results seen = this.results.forCaller(consultation);
		if (seen == null) {
			// visible() has refused the callers who may see none.
			throw new IllegalStateException("No results visible of consultation " + consultation.id());
		}
		return seen;
	}

	private ResultTable table(Consultation consultation, ResultViews.Results all) {
		return ResultTable.of(consultation, all, this.registry);
	}

	private String title(Consultation consultation) {
		PlanOutline plan = this.plans.outline(consultation.planId());
		return consultation.title() + ((plan != null) ? " — " + plan.title() : "");
	}

	private static ResponseEntity<byte[]> file(byte[] content, MediaType type, String filename) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
			// Unpublished results change and are not for shared caches.
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(content);
	}

	private static ResponseEntity<byte[]> text(HttpStatus status, @Nullable String message) {
		return ResponseEntity.status(status)
			.contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
			.body(String.valueOf(message).getBytes(StandardCharsets.UTF_8));
	}

}
