package vn.ydan.admin.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import vn.ydan.admin.api.ApiClient;

/**
 * The audit log through the api, as the signed-in administrator. Each call is one
 * document of {@code graphql-documents/} ({@code auditEntries}, {@code verifyAuditLog},
 * {@code auditKinds}, {@code auditUnit}); failures are
 * {@link vn.ydan.admin.api.ApiException}s. The CSV file is a download
 * ({@link AuditExportsApi}).
 */
@Component
public class AuditApi {

	public static final int PAGE_SIZE = 50;

	/** The most entries one CSV file holds (the api allows up to 100,000). */
	public static final int CSV_ROWS = 100_000;

	private final ApiClient api;

	AuditApi(ApiClient api) {
		this.api = api;
	}

	/** A page of entries, newest first, older than {@code after}'s when given. */
	public AuditPage entries(AuditFilter filter, @Nullable String after) {
		Map<String, @Nullable Object> variables = new HashMap<>();
		variables.put("filter", filter.toInput());
		variables.put("first", PAGE_SIZE);
		variables.put("after", after);
		return this.api.fetch("auditEntries", variables, "auditEntries", AuditPage.Connection.class).toPage();
	}

	public AuditVerification verify() {
		return this.api.fetch("verifyAuditLog", Map.of(), "verifyAuditLog", AuditVerification.class);
	}

	@SuppressWarnings("unchecked")
	public List<String> kinds() {
		return this.api.fetch("auditKinds", Map.of(), "auditKinds", List.class);
	}

	/** The global id and name of the unit holding a code today; empty when none does. */
	public Optional<UnitFound> unitByCode(String code) {
		return this.api.fetchIfAny("auditUnit", Map.of("code", code.strip()), "unitByCode", UnitFound.class);
	}

	/**
	 * @param id global id
	 * @param fullName full name
	 */
	/**
	 * A unit's name on a day (the day of an audit entry: a unit that has since ended is
	 * still found); empty when there is none.
	 */
	public Optional<String> unitName(String id, @Nullable String asOf) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("id", id);
		variables.put("asOf", asOf);
		return this.api.fetchIfAny("auditUnitName", variables, "unit", UnitName.class).map(UnitName::fullName);
	}

	record UnitName(String fullName) {
	}

	public record UnitFound(String id, String fullName) {
	}

}
