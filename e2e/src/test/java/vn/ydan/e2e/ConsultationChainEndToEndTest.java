package vn.ydan.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The consultation as 2025 ran it, from the plan to the registry, through the console
 * with no shortcut (issue 16). Each person signs in in their own browser: the admin
 * drafts a plan for two wards of Bắc Kạn from its CSV table (the new ward "Bắc Kạn, or
 * Minh Khai"), publishes it, imports the residential groups and households and opens the
 * consultation; two clerks enter a group's paper count blind, their mismatch is settled
 * by the district's official with a reason; a resident answers online through the api, as
 * a resident app would; the district's official closes, certifies the wards and the
 * district, the province's official certifies the province and publishes; the admin
 * adopts the plan with the name the residents chose and applies it; the public api then
 * shows the new ward under that name.
 * <p>
 * The people other than the realm's admin are made for the purpose through the api's user
 * management (the realm's officials cover only Hà Nội), each with a temporary password
 * changed at the first sign-in. Bắc Kạn is read by no other test; the plan takes effect
 * in three months, so the registry up to today does not change by it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsultationChainEndToEndTest extends ConsoleBrowserTest {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final String TITLE = "Sắp xếp phường Nguyễn Thị Minh Khai và Sông Cầu (e2e chuỗi)";

	private static final String TEMPORARY_PASSWORD = "tam-thoi-2025";

	private static final String MINH_KHAI_GROUP = "Tổ dân phố Minh Khai 1";

	private static final String SONG_CAU_GROUP = "Tổ dân phố Sông Cầu 1";

	/** When the plan takes effect: ahead, so no past-date confirmation is involved. */
	private static final LocalDate EFFECTIVE = LocalDate.now(VIETNAM).plusMonths(3).withDayOfMonth(1);

	private static String clerkA;

	private static String clerkB;

	private static String districtOfficial;

	private static String provinceOfficial;

	private static String resident;

	private static String planUrl;

	private static String consultationId;

	private static SignedInGraphQl api;

	private final List<BrowserContext> others = new ArrayList<>();

	@BeforeAll
	static void thePeopleOfTheChain() throws Exception {
		api = new SignedInGraphQl(system.apiUrl);
		String admin = SignedInGraphQl.token("quantri");
		String minhKhai = unitId("01834", "COMMUNE");
		String songCau = unitId("01837", "COMMUNE");
		clerkA = createUser(admin, "e2e-thuky-a-", "CLERK", List.of(minhKhai, songCau), null);
		clerkB = createUser(admin, "e2e-thuky-b-", "CLERK", List.of(minhKhai, songCau), null);
		districtOfficial = createUser(admin, "e2e-huyen-", "OFFICIAL", List.of(unitId("058", "DISTRICT")), null);
		provinceOfficial = createUser(admin, "e2e-tinh-", "OFFICIAL", List.of(unitId("06", "PROVINCE")), null);
		resident = createUser(admin, "e2e-cudan-", "RESIDENT", List.of(), "SC-E2E-1");
	}

	@AfterEach
	void closeTheOtherBrowsers() {
		this.others.forEach(BrowserContext::close);
		this.others.clear();
	}

	@Test
	@Order(1)
	void theAdminDraftsThePlanFromItsCsvTableAndPublishesIt() throws Exception {
		page.navigate(system.consoleUrl + "plans");
		signIn("quantri");
		page.locator("#plans-new").click();
		page.locator("#plan-new-title input").fill(TITLE);
		pickDate("#plan-new-effective-date", EFFECTIVE.format(DAY));
		page.locator("#plan-new-scope input").fill("bac kan");
		Locator item = page.locator("vaadin-multi-select-combo-box-item")
			.filter(new Locator.FilterOptions().setHasText("Thành phố Bắc Kạn (058)"));
		item.first().waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
		item.first().click();
		page.locator("#plan-new-title input").click();
		page.locator("#plan-new-save").click();
		assertThat(page).hasURL(Pattern.compile(".*/plans/[^/?]+$"));
		planUrl = page.url();

		page.locator("#plan-tab-import").click();
		page.locator("#plan-import-upload input[type=file]").setInputFiles(file("plan_bac_kan.csv"));
		assertThat(page.locator("#plan-import-summary")).containsText("2 dòng: 1 đơn vị mới, 2 liên kết");
		assertThat(page.locator("#plan-validation-summary")).containsText("Hợp lệ: 0 lỗi,");
		page.locator("#plan-publish").click();

		assertThat(page.locator("#plan-status")).hasText("Đã công bố");
	}

	@Test
	@Order(2)
	void theAdminOpensTheConsultationWithItsGroupsAndHouseholds() throws Exception {
		page.navigate(system.consoleUrl + "units/import");
		signIn("quantri");
		page.locator("#units-import-kind").click();
		page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("Tổ dân phố, thôn")).click();
		page.locator("#units-import-upload input[type=file]").setInputFiles(file("groups_bac_kan.csv"));
		page.locator("#units-import-start").click();
		assertThat(page.locator("#units-import-result")).containsText("Đã nhập xong",
				new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));

		page.navigate(system.consoleUrl + "consultations");
		page.locator("#consultations-new").click();
		page.locator("#consultation-new-plan input").fill("e2e chuỗi");
		page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(TITLE)).first().click();
		// Opened at once: the window starts yesterday.
		Locator opens = page.locator("#consultation-new-opens [slot=date-picker] input");
		opens.fill(LocalDate.now(VIETNAM).minusDays(1).format(DAY));
		opens.press("Enter");
		page.locator("#consultation-new-save").click();
		assertThat(page).hasURL(Pattern.compile(".*/consultations/[^/?]+$"));
		consultationId = page.url().replaceFirst(".*/consultations/", "");
		assertThat(page.locator("#consultation-status")).hasText("Đã lên lịch");

		page.locator("#consultation-households").click();
		page.locator("#households-upload input[type=file]").setInputFiles(file("households_bac_kan.csv"));
		page.locator("#households-import-start").click();
		assertThat(page.locator("#households-import-summary")).containsText("Đã ghi 5 hộ");
		page.locator("#households-back").click();
		page.locator("#consultation-open").click();

		assertThat(page.locator("#consultation-status")).hasText("Đang lấy ý kiến");
	}

	@Test
	@Order(3)
	void twoClerksEnterAGroupBlindAndTheDistrictSettlesTheirMismatch() {
		Page first = person(clerkA, true, talliesUrl());
		openGroup(first, "Nguyễn Thị Minh Khai", MINH_KHAI_GROUP);
		enter(first, 3, 3, 3, 0, 3, 0, 1, 2);
		first.locator("#tally-submit").click();
		assertThat(first.locator("#tally-result")).hasText("Đã ghi. Chờ người thứ hai nhập để đối chiếu.");

		Page second = person(clerkB, true, talliesUrl());
		openGroup(second, "Nguyễn Thị Minh Khai", MINH_KHAI_GROUP);
		assertThat(second.locator("#tally-state")).hasText("Chờ nhập lần hai");
		// Blind: the second clerk does not see what the first entered.
		assertThat(second.locator("#tally-panel")).not().containsText(clerkA);
		enter(second, 3, 3, 3, 0, 2, 1, 1, 2);
		second.locator("#tally-submit").click();
		assertThat(second.locator("#tally-result")).containsText("không khớp");
		assertThat(second.locator("#tally-panel")).not().containsText(clerkA);
		assertThat(second.locator("#tally-settle")).isHidden();

		Page district = person(districtOfficial, true, talliesUrl());
		openGroup(district, "Nguyễn Thị Minh Khai", MINH_KHAI_GROUP);
		assertThat(district.locator("#tally-state")).hasText("Không khớp");
		assertThat(district.locator("#tally-mismatch")).containsText(clerkA);
		assertThat(district.locator("#tally-mismatch")).containsText(clerkB);
		enter(district, 3, 3, 3, 0, 3, 0, 1, 2);
		district.locator("#tally-reason input").fill("Đếm lại phiếu giấy của tổ cùng hai thư ký");
		district.locator("#tally-settle").click();

		assertThat(district.locator("#tally-result")).hasText("Đã ghi: số liệu đã được xác minh.");
		assertThat(district.locator("#tally-state")).hasText("Đã xác minh");
	}

	@Test
	@Order(4)
	void aResidentAnswersOnlineThroughTheApiAndTheClerksCountTheRestOnPaper() throws Exception {
		// The first sign-in sets the resident's own password; a resident app then holds a
		// token for the household.
		person(resident, true, "");
		String residentToken = SignedInGraphQl.token(resident);
		String household = api.call(residentToken,
				"{ myHousehold { consultations { consultation { id } mayAnswer } } }", Map.of());
		org.assertj.core.api.Assertions
			.assertThat(JsonPath.<List<Boolean>>read(household,
					"$.data.myHousehold.consultations[?(@.consultation.id == '" + consultationId + "')].mayAnswer"))
			.as(household)
			.containsExactly(true);
		String answered = api.call(residentToken,
				"""
						mutation($id: ID!) { answerConsultation(input: { consultationId: $id, agree: true,
						  nameChoice: "Minh Khai", idempotencyKey: "e2e-chuoi-1" }) { answer { agree } userErrors { code message } } }""",
				Map.of("id", consultationId));
		org.assertj.core.api.Assertions
			.assertThat(JsonPath.<Boolean>read(answered, "$.data.answerConsultation.answer.agree"))
			.as(answered)
			.isTrue();

		for (String clerk : List.of(clerkA, clerkB)) {
			Page tallies = person(clerk, false, talliesUrl());
			openGroup(tallies, "Sông Cầu", SONG_CAU_GROUP);
			assertThat(tallies.locator("#tally-online")).containsText("1/2 hộ của tổ đã trả lời trực tuyến");
			enter(tallies, 1, 1, 1, 0, 1, 0, 0, 1);
			tallies.locator("#tally-submit").click();
			assertThat(tallies.locator("#tally-result")).hasText((clerk.equals(clerkA))
					? "Đã ghi. Chờ người thứ hai nhập để đối chiếu." : "Đã ghi: số liệu đã được xác minh.");
		}
	}

	@Test
	@Order(5)
	void theDistrictClosesAndCertifiesThenTheProvinceCertifiesAndPublishes() {
		Page district = person(districtOfficial, false, "consultations/" + consultationId);
		district.locator("#consultation-close").click();
		district.locator("#consultation-close-reason textarea").fill("Mọi tổ đã báo cáo (kiểm thử đầu cuối)");
		confirm(district);
		assertThat(district.locator("#consultation-status")).hasText("Đã kết thúc");
		certify(district, "01834");
		certify(district, "01837");
		certify(district, "058");

		Page province = person(provinceOfficial, true, "consultations/" + consultationId);
		certify(province, "06");
		assertThat(province.locator("#consultation-status")).hasText("Đã xác nhận kết quả");
		province.locator("#consultation-publish").click();
		confirm(province);

		assertThat(province.locator("#consultation-status")).hasText("Đã công bố");
		assertThat(province.locator("#outcome-01834")).hasText("Đạt");
		assertThat(province.locator("#outcome-01837")).hasText("Đạt");
		// Paper: Bắc Kạn 1, Minh Khai 2 in Nguyễn Thị Minh Khai, Minh Khai 1 in Sông Cầu;
		// online: Minh Khai 1.
		assertThat(province.locator("#winning-01834")).hasText("Phường Bắc Kạn → Minh Khai (Bắc Kạn 1 · Minh Khai 4)");

		// Anyone sees the names on the public results page.
		Page anyone = province.context().browser().newContext().newPage();
		this.others.add(anyone.context());
		anyone.navigate(system.consoleUrl + "cong-khai/ket-qua/" + consultationId);
		assertThat(anyone.locator("#public-results-names")).containsText("Minh Khai");
		assertThat(anyone.locator("#public-results-names")).containsText("Bắc Kạn 1 · Minh Khai 4");
		assertThat(anyone.locator("#public-results-communes")).containsText("Bắc Kạn 1 · Minh Khai 2");
	}

	@Test
	@Order(6)
	void theAdminAdoptsThePlanWithTheNameResidentsChoseAndAppliesIt() throws Exception {
		page.navigate(planUrl);
		signIn("quantri");
		assertThat(page.locator("#plan-status")).hasText("Đã lấy ý kiến");
		page.locator("#plan-adopt").click();
		page.locator("#plan-adopt-number input").fill("99/NQ-E2E");
		pickDate("#plan-adopt-date", LocalDate.now(VIETNAM).format(DAY));
		Locator name = page.locator("#plan-adopt-name-01834");
		// Not "Đức Xuân": a ward of that name stays beside the new one, and the
		// validation
		// refuses two siblings of one name.
		assertThat(name).containsText("Minh Khai");
		assertThat(name.locator("input")).isChecked();
		page.locator("#plan-adopt-save").click();
		assertThat(page.locator("#plan-status")).hasText("Đã thông qua");

		page.locator("#plan-apply").click();
		confirm(page);
		assertThat(page.locator("#plan-apply-summary")).containsText("Đã áp dụng",
				new LocatorAssertions.ContainsTextOptions().setTimeout(120_000));
		assertThat(page.locator("#plan-status")).hasText("Có hiệu lực");

		PublicGraphQl.Answer after = new PublicGraphQl(system.apiUrl).query("""
				{ unitByCode(code: "01834", level: COMMUNE, asOf: "%s") { fullName
				  predecessors { unit { code } } } }""".formatted(EFFECTIVE));
		org.assertj.core.api.Assertions.assertThat(after.<String>read("$.data.unitByCode.fullName"))
			.as(after.body())
			.isEqualTo("Phường Minh Khai");
		org.assertj.core.api.Assertions
			.assertThat(after.<List<String>>read("$.data.unitByCode.predecessors[*].unit.code"))
			.containsExactlyInAnyOrder("01834", "01837");
	}

	private static String talliesUrl() {
		return "consultations/" + consultationId + "/tallies";
	}

	/**
	 * Another person in their own browser, signed in on {@code path}; at their first
	 * sign-in they replace the temporary password.
	 */
	private Page person(String username, boolean firstSignIn, String path) {
		BrowserContext context = page.context()
			.browser()
			.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setLocale("vi-VN"));
		context.setDefaultTimeout(30_000);
		this.others.add(context);
		Page other = context.newPage();
		other.navigate(system.consoleUrl + path);
		other.locator("#username").fill(username);
		other.locator("#password").fill(firstSignIn ? TEMPORARY_PASSWORD : PASSWORD);
		other.locator("#kc-login").click();
		if (firstSignIn) {
			other.locator("#password-new").fill(PASSWORD);
			other.locator("#password-confirm").fill(PASSWORD);
			other.locator("#kc-passwd-update-form [type=submit]").first().click();
		}
		other.waitForURL(system.consoleUrl + path + "**");
		return other;
	}

	private static void openGroup(Page tallies, String commune, String group) {
		tallies.locator("#tallies-commune input").fill(commune);
		tallies.locator("vaadin-combo-box-item")
			.filter(new Locator.FilterOptions().setHasText("Phường " + commune))
			.first()
			.click();
		Locator cell = tallies.locator("#tallies-groups vaadin-grid-cell-content")
			.filter(new Locator.FilterOptions().setHasText(group).setVisible(true))
			.first();
		assertThat(cell).isVisible();
		cell.click();
		assertThat(tallies.locator("#tally-group")).hasText(group);
	}

	/** The six counts, then the names in the plan's order (Bắc Kạn, Minh Khai). */
	private static void enter(Page tallies, int... values) {
		String[] fields = { "issued", "returned", "valid", "invalid", "agree", "disagree", "name-0", "name-1" };
		for (int i = 0; i < fields.length; i++) {
			Locator input = tallies.locator("#tally-" + fields[i] + " input");
			input.fill(String.valueOf(values[i]));
			input.press("Tab");
		}
	}

	private static void confirm(Page on) {
		Locator confirm = on.locator("vaadin-confirm-dialog vaadin-button[slot='confirm-button']");
		assertThat(confirm).isVisible();
		confirm.click();
		assertThat(confirm).not().isVisible();
	}

	/**
	 * Clicks a certify button until the unit shows as certified (as
	 * {@link ConsultationsEndToEndTest}: a click on a button the live refresh is
	 * replacing is lost).
	 */
	private static void certify(Page on, String code) {
		Locator certified = on.locator("#certified-" + code);
		Locator confirm = on.locator("vaadin-confirm-dialog vaadin-button[slot='confirm-button']");
		for (int attempt = 1; attempt <= 5 && certified.count() == 0; attempt++) {
			on.locator("#certify-" + code).click();
			try {
				confirm.waitFor(new Locator.WaitForOptions().setTimeout(5_000));
				confirm.click();
				certified.waitFor(new Locator.WaitForOptions().setTimeout(5_000));
			}
			catch (com.microsoft.playwright.TimeoutError ex) {
				assertThat(on.locator("#consultation-message")).hasText("");
			}
		}
		assertThat(certified).isVisible();
	}

	/**
	 * A new user (the prefix and a random suffix) with a temporary password; the name. On
	 * a busy machine the api may give up on Keycloak (KEYCLOAK_UNAVAILABLE, after 2 s)
	 * while Keycloak goes on: the next attempt takes another name.
	 */
	private static String createUser(String admin, String prefix, String role, List<String> scope,
			@org.jspecify.annotations.Nullable String household) throws Exception {
		AssertionError last = null;
		for (int attempt = 1; attempt <= 4; attempt++) {
			String username = prefix + UUID.randomUUID().toString().substring(0, 6);
			Map<String, Object> input = new java.util.LinkedHashMap<>(Map.of("username", username, "firstName",
					"Kiểm thử", "lastName", "Chuỗi", "email", username + "@ydan.example", "temporaryPassword",
					TEMPORARY_PASSWORD, "roles", List.of(role), "scopeUnitIds", scope));
			if (household != null) {
				input.put("household", household);
			}
			try {
				String created = api.call(admin, """
						mutation($input: CreateUserInput!) { createUser(input: $input) {
						  user { id } userErrors { code message } } }""", Map.of("input", input));
				org.assertj.core.api.Assertions.assertThat(JsonPath.<Object>read(created, "$.data.createUser.user.id"))
					.as(created)
					.isNotNull();
				return username;
			}
			catch (AssertionError ex) {
				if (!ex.getMessage().contains("KEYCLOAK_UNAVAILABLE")) {
					throw ex;
				}
				last = ex;
			}
		}
		throw last;
	}

	private static String unitId(String code, String level) throws Exception {
		return JsonPath.read(
				api.call(null, "{ unitByCode(code: \"%s\", level: %s) { id } }".formatted(code, level), Map.of()),
				"$.data.unitByCode.id");
	}

	private static Path file(String name) throws URISyntaxException {
		return Path.of(ConsultationChainEndToEndTest.class.getResource("/chain/" + name).toURI());
	}

}
