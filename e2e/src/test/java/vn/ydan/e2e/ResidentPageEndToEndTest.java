package vn.ydan.e2e;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A resident signs in to the console and answers for their household on their own page
 * ({@code cu-tri}), on a desktop screen and on a 390-pixel phone: they see their commune,
 * the plan and the question of the open consultation, answer once, and then see the
 * answer given; a second form (another tab) is refused and the first answer stays. The
 * api agrees ({@code myHousehold} as the resident). The page passes axe-core.
 * <p>
 * Set up through the api: a published plan merging Phường Cát Linh and Phường Văn Miếu -
 * Quốc Tử Giám (Quận Đống Đa) with a choice of names, one residential group each, the
 * register, the consultation open; then a new resident (unique name: the test Keycloak
 * keeps its users) bound to a household of Cát Linh for each test.
 */
class ResidentPageEndToEndTest extends ConsoleBrowserTest {

	private static final String TEMPORARY_PASSWORD = "tam-thoi-2025";

	private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

	private static String consultationId;

	@BeforeAll
	static void openConsultation() throws Exception {
		SignedInGraphQl api = new SignedInGraphQl(system.apiUrl);
		String admin = SignedInGraphQl.token("quantri");
		String dongDa = unitId(api, "006", "DISTRICT");
		String planId = JsonPath.read(api.call(admin, """
				mutation($scope: ID!) { createPlan(input: { title: "Nhập Cát Linh và Văn Miếu (e2e cử tri)",
				  scopeIds: [$scope], effectiveDate: "2025-07-01" }) { plan { id } } }""", Map.of("scope", dongDa)),
				"$.data.createPlan.plan.id");
		api.call(admin, """
				mutation($id: ID!) { saveProposedUnit(input: { planId: $id, code: "90178",
				  name: "Văn Miếu (hoặc Cát Linh)", type: PHUONG }) { plan { id } } }""", Map.of("id", planId));
		for (String code : List.of("00178", "00181")) {
			api.call(admin, """
					mutation($id: ID!, $unit: ID!) { assignUnit(input: { planId: $id, key: "90178", unitId: $unit,
					  kind: WHOLE }) { plan { id } } }""", Map.of("id", planId, "unit", unitId(api, code, "COMMUNE")));
		}
		api.call(admin, "mutation($id: ID!) { changePlanStatus(planId: $id, status: PUBLISHED) { plan { status } } }",
				Map.of("id", planId));
		api.call(admin,
				"mutation($csv: String!) { importUnits(input: { kind: RESIDENTIAL_GROUPS, csv: $csv }) { created } }",
				Map.of("csv", "commune_code,code,name,type,households\n00178,CT,Tổ dân phố CT,tổ dân phố,4\n"
						+ "00181,CT,Tổ dân phố CT,tổ dân phố,1\n"));
		StringBuilder register = new StringBuilder("commune_code,group_code,group_name,household_id\n");
		for (int i = 1; i <= 4; i++) {
			register.append("00178,CT,,").append(household(i)).append('\n');
		}
		register.append("00181,CT,,").append("e2e-vm-").append(RUN).append('\n');
		api.call(admin, "mutation($csv: String!) { importHouseholds(input: { csv: $csv }) { households } }",
				Map.of("csv", register.toString()));
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7)).withNano(0);
		consultationId = JsonPath.read(api.call(admin, """
				mutation($plan: ID!, $opens: String!, $closes: String!) { createConsultation(input: { planId: $plan,
				  title: "Lấy ý kiến Cát Linh, Văn Miếu (e2e cử tri)", opensAt: $opens, closesAt: $closes }) {
				  consultation { id } } }""",
				Map.of("plan", planId, "opens", now.minusHours(1).toString(), "closes", now.plusHours(3).toString())),
				"$.data.createConsultation.consultation.id");
		api.call(admin, "mutation($id: ID!) { openConsultation(id: $id) { consultation { status } } }",
				Map.of("id", consultationId));
	}

	@Test
	void aResidentAnswersOnceOnADesktopAndASecondFormIsRefused() throws Exception {
		String username = newResident(1);
		page.navigate(system.consoleUrl + "cu-tri");
		signInFirstTime(page, username);

		assertThat(page).hasTitle(Pattern.compile("Trang của cử tri · Ý Dân"));
		assertSeesTheQuestion(page);
		org.assertj.core.api.Assertions.assertThat(Axe.seriousViolations(page)).as("axe-core on cu-tri").isEmpty();
		// The same resident in a second tab, with the form still open there.
		Page second = page.context().newPage();
		second.navigate(system.consoleUrl + "cu-tri");
		assertThat(second.locator("#resident-submit-" + consultationId)).isVisible();

		answer(page, "Đồng ý", "Cát Linh");

		assertThat(page.locator("#resident-answer-choice-" + consultationId)).hasText("Đồng ý");
		assertThat(page.locator("#resident-answer-" + consultationId)).containsText("Tên chọn: Cát Linh");
		assertThat(page.locator("#resident-submit-" + consultationId)).hasCount(0);

		answer(second, "Không đồng ý", null);

		assertThat(second.locator("#resident-refused-" + consultationId)).containsText("đã trả lời");
		assertThat(second.locator("#resident-answer-choice-" + consultationId)).hasText("Đồng ý");
		String mine = new SignedInGraphQl(system.apiUrl).call(SignedInGraphQl.token(username),
				"{ myHousehold { consultations { consultation { id } answer { agree nameChoice } } } }", Map.of());
		org.assertj.core.api.Assertions
			.assertThat(JsonPath.<List<Boolean>>read(mine,
					"$.data.myHousehold.consultations[?(@.consultation.id == '" + consultationId + "')].answer.agree"))
			.as(mine)
			.containsExactly(true);
	}

	@Test
	void aResidentAnswersOnA390PixelPhoneAndSeesTheAnswerGivenAfterwards() throws Exception {
		page.setViewportSize(390, 844);
		String username = newResident(2);
		page.navigate(system.consoleUrl);
		signInFirstTime(page, username);
		Locator link = page.locator("#home-resident-page");
		assertThat(link).isVisible();
		link.click();

		assertThat(page).hasURL(Pattern.compile(".*/cu-tri"));
		assertSeesTheQuestion(page);
		answer(page, "Không đồng ý", null);
		assertThat(page.locator("#resident-answer-choice-" + consultationId)).hasText("Không đồng ý");
		page.reload();

		assertThat(page.locator("#resident-answer-choice-" + consultationId)).hasText("Không đồng ý");
		assertThat(page.locator("#resident-submit-" + consultationId)).hasCount(0);
		Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
		org.assertj.core.api.Assertions.assertThat(((Number) overflow).intValue())
			.as("horizontal overflow at 390 px")
			.isLessThanOrEqualTo(0);
		org.assertj.core.api.Assertions.assertThat(Axe.seriousViolations(page))
			.as("axe-core on cu-tri at 390 px")
			.isEmpty();
	}

	private static void assertSeesTheQuestion(Page page) {
		assertThat(page.locator("#resident-unit")).hasText("Phường Cát Linh");
		assertThat(page.locator("#resident-question-" + consultationId)).containsText("Phường Cát Linh");
		assertThat(page.locator("#resident-question-" + consultationId)).containsText("Văn Miếu");
		assertThat(page.locator("#resident-plan-" + consultationId)).hasText("Nhập Cát Linh và Văn Miếu (e2e cử tri)");
	}

	private static void answer(Page page, String choice, @org.jspecify.annotations.Nullable String name) {
		page.locator("#resident-agree-" + consultationId)
			.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName(choice).setExact(true))
			.check();
		if (name != null) {
			page.locator("#resident-name-" + consultationId)
				.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName(name).setExact(true))
				.check();
		}
		page.locator("#resident-submit-" + consultationId).click();
	}

	/** Keycloak's form, then its "update password" form for a temporary password. */
	private static void signInFirstTime(Page page, String username) {
		Locator user = page.locator("#username");
		assertThat(user).isVisible();
		user.fill(username);
		page.locator("#password").fill(TEMPORARY_PASSWORD);
		page.locator("#kc-login").click();
		page.locator("#password-new").fill(PASSWORD);
		page.locator("#password-confirm").fill(PASSWORD);
		page.locator("#kc-passwd-update-form [type=submit]").first().click();
	}

	private static String household(int number) {
		return "e2e-ct-" + RUN + "-" + number;
	}

	/** A resident bound to household {@code number} of Cát Linh, made by quantri. */
	private static String newResident(int number) throws Exception {
		String username = "e2e-cutri-" + RUN + "-" + number;
		String created = new SignedInGraphQl(system.apiUrl).call(SignedInGraphQl.token("quantri"), """
				mutation($u: String!, $p: String!, $e: String!, $h: String!) { createUser(input: { username: $u,
				  firstName: "Cử tri", lastName: "Thử", email: $e, temporaryPassword: $p, roles: [RESIDENT],
				  household: $h }) { user { id } userErrors { code message } } }""", Map.of("u", username, "p",
				TEMPORARY_PASSWORD, "e", username + "@ydan.example", "h", household(number)));
		org.assertj.core.api.Assertions.assertThat(JsonPath.<Object>read(created, "$.data.createUser.user.id"))
			.as(created)
			.isNotNull();
		return username;
	}

	private static String unitId(SignedInGraphQl api, String code, String level) throws Exception {
		return JsonPath.read(api.call(null,
				"query($code: String!) { unitByCode(code: $code, level: %s, asOf: \"2025-06-30\") { id } }"
					.formatted(level),
				Map.of("code", code)), "$.data.unitByCode.id");
	}

}
