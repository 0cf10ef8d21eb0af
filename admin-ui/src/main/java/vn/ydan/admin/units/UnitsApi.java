package vn.ydan.admin.units;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import vn.ydan.admin.api.ApiClient;
import vn.ydan.admin.api.ApiException;

/**
 * The registry through the api, as the signed-in user. Each call is one document of
 * {@code graphql-documents/} ({@code unitTree}, {@code unitChildren}, {@code unitSearch},
 * {@code unit}, {@code updateUnit}, {@code addResidentialGroup}, {@code importUnits}), so
 * that following a change of the api's schema touches one file.
 * <p>
 * A date of {@code null} means today (the api's default); failures are
 * {@link vn.ydan.admin.api.ApiException}s.
 */
@Component
public class UnitsApi {

	/** The most the api gives in one page. */
	public static final int PAGE_SIZE = 100;

	private final ApiClient api;

	UnitsApi(ApiClient api) {
		this.api = api;
	}

	/**
	 * The same calls for a background task (a long import), as the signed-in user: see
	 * {@link ApiClient#forBackground()}.
	 * @throws ApiException when there is no token for the user (any more)
	 */
	public UnitsApi forBackground() {
		return new UnitsApi(this.api.forBackground());
	}

	/** A page of the provinces: the top of the tree. */
	public UnitPage provinces(@Nullable LocalDate asOf, @Nullable String after) {
		Map<String, @Nullable Object> variables = page(asOf, after);
		variables.put("level", UnitLevel.PROVINCE.name());
		return this.api.fetch("unitTree", variables, "units", UnitPage.Connection.class).toPage();
	}

	/** A page of a unit's direct children; none when the unit did not exist then. */
	public UnitPage children(String unitId, @Nullable LocalDate asOf, @Nullable String after) {
		Map<String, @Nullable Object> variables = page(asOf, after);
		variables.put("id", unitId);
		return this.api.fetchIfAny("unitChildren", variables, "unit", UnitPage.WithChildren.class)
			.map(UnitPage.WithChildren::children)
			.map(UnitPage.Connection::toPage)
			.orElse(UnitPage.EMPTY);
	}

	/** A page of the units whose name matches, each with its parent chain. */
	public UnitPage search(String text, @Nullable LocalDate asOf, @Nullable String after) {
		Map<String, @Nullable Object> variables = page(asOf, after);
		variables.put("search", text);
		return this.api.fetch("unitSearch", variables, "units", UnitPage.Connection.class).toPage();
	}

	/** A unit as of a date; empty when there is no such unit (then). */
	public Optional<UnitDetails> unit(String id, @Nullable LocalDate asOf) {
		Map<String, @Nullable Object> variables = new HashMap<>();
		variables.put("id", id);
		variables.put("asOf", date(asOf));
		return this.api.fetchIfAny("unit", variables, "unit", UnitDetails.class);
	}

	public UnitPayload update(UnitChange change) {
		Map<String, @Nullable Object> input = new HashMap<>();
		input.put("id", change.id());
		input.put("name", change.name());
		input.put("fullName", change.fullName());
		input.put("areaKm2", change.areaKm2());
		input.put("population", change.population());
		input.put("households", change.households());
		input.put("expectedVersion", change.expectedVersion());
		return this.api.fetch("updateUnit", Map.of("input", present(input)), "updateUnit", UnitPayload.class);
	}

	public UnitPayload addResidentialGroup(NewResidentialGroup group) {
		Map<String, @Nullable Object> input = new HashMap<>();
		input.put("communeId", group.communeId());
		input.put("code", group.code());
		input.put("name", group.name());
		input.put("type", group.type());
		input.put("households", group.households());
		return this.api.fetch("addResidentialGroup", Map.of("input", present(input)), "addResidentialGroup",
				UnitPayload.class);
	}

	/** Imports a file, or checks it only ({@code dryRun}); for admins. */
	public ImportResult importUnits(ImportRequest request) {
		Map<String, @Nullable Object> input = new HashMap<>();
		input.put("kind", request.kind().name());
		input.put("csv", request.csv());
		input.put("validFrom", date(request.validFrom()));
		input.put("dryRun", request.dryRun());
		return this.api.fetch("importUnits", Map.of("input", present(input)), "importUnits", ImportResult.class);
	}

	private static Map<String, @Nullable Object> page(@Nullable LocalDate asOf, @Nullable String after) {
		Map<String, @Nullable Object> variables = new HashMap<>();
		variables.put("asOf", date(asOf));
		variables.put("first", PAGE_SIZE);
		variables.put("after", after);
		return variables;
	}

	private static @Nullable String date(@Nullable LocalDate date) {
		return (date != null) ? date.toString() : null;
	}

	/** Input fields left out rather than {@code null}: "no change", not "clear it". */
	private static Map<String, Object> present(Map<String, @Nullable Object> fields) {
		Map<String, Object> present = new HashMap<>();
		fields.forEach((name, value) -> {
			if (value != null) {
				present.put(name, value);
			}
		});
		return present;
	}

}
