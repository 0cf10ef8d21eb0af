package vn.ydan.api.consultations;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

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

	ResultExports(ConsultationService service, ResultViews results, UnitRegistry registry, PlanOutlines plans,
			MinutesPdf minutes, Clock clock) {
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
							seen.communes().get(i), row);
					String code = row.code().isEmpty() ? communeId : row.code();
					return file(pdf, MediaType.APPLICATION_PDF, "bien-ban-tong-hop-" + code + ".pdf");
				}
			}
			return text(HttpStatus.FORBIDDEN, "Kết quả chưa công bố của đơn vị này nằm ngoài phạm vi của bạn");
		});
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
