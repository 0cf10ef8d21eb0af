package vn.ydan.api.consultations;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import vn.ydan.api.ApiIntegrationTest;
import vn.ydan.api.GraphQlHttp;
import vn.ydan.api.LocalIssuer;
import vn.ydan.api.plans.PlanOutlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;

/**
 * A consultation and its plan move together, over HTTP: the plan goes into consultation
 * (or becomes consulted) only once the consultation's step is stored, so that a step
 * refused by a concurrent change, or a plan that cannot be moved, leaves both as they
 * were. The store's answers are forced with spies: a concurrent change is another API
 * instance's write between this one's read and its own.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ConsultationPlanConsistencyIntegrationTest {

	private static final LocalIssuer issuer = LocalIssuer.shared();

	private static final String dataDirectory = ApiIntegrationTest.temporaryDirectory();

	@LocalServerPort
	private int port;

	@MockitoSpyBean
	private Consultations consultations;

	@MockitoSpyBean
	private PlanOutlines plans;

	private GraphQlHttp api;

	@DynamicPropertySource
	static void ownStore(DynamicPropertyRegistry properties) {
		properties.add("YDAN_KEYCLOAK_URL", issuer::baseUrl);
		properties.add("ydan.data-dir", () -> dataDirectory);
		properties.add("ydan.demo-data.consultation", () -> "false");
	}

	@BeforeEach
	void client() {
		this.api = new GraphQlHttp(this.port);
	}

	@Test
	void openingRefusedByAConcurrentChangeLeavesThePlanPublished() {
		ConsultationFixture fixture = ConsultationFixture.scheduled(this.api, "90001", "Phường Nhất Quán", 2, "00001");
		doReturn(false).when(this.consultations)
			.save(argThat((consultation) -> consultation != null && consultation.id().equals(fixture.consultationId)
					&& consultation.status() == ConsultationStatus.OPEN), anyInt());

		GraphQlHttp.Response opened = open(fixture);

		assertThat(opened.<String>read("$.data.openConsultation.userErrors[0].code")).as(opened.body())
			.isEqualTo("VERSION_CONFLICT");
		assertThat(consultationStatus(fixture)).isEqualTo("SCHEDULED");
		assertThat(planStatus(fixture)).isEqualTo("PUBLISHED");
	}

	@Test
	void openingWhosePlanCannotBeMovedLeavesTheConsultationScheduledAndCanBeDoneAgain() {
		ConsultationFixture fixture = ConsultationFixture.scheduled(this.api, "90004", "Phường Thử Lại", 2, "00004");
		doThrow(new IllegalStateException("Kho không trả lời")).when(this.plans)
			.moveConsultation(eq(fixture.planId), eq(false));

		GraphQlHttp.Response failed = open(fixture);

		assertThat(failed.<List<?>>read("$.errors")).as(failed.body()).isNotEmpty();
		assertThat(consultationStatus(fixture)).isEqualTo("SCHEDULED");
		assertThat(planStatus(fixture)).isEqualTo("PUBLISHED");

		reset(this.plans);
		fixture.open();

		assertThat(consultationStatus(fixture)).isEqualTo("OPEN");
		assertThat(planStatus(fixture)).isEqualTo("IN_CONSULTATION");
		GraphQlHttp.Response history = this.api.query(
				"query($id: ID!) { plan(id: $id) { history { version actor change } } }", Map.of("id", fixture.planId),
				ConsultationFixture.official());
		assertThat(history.<List<String>>read("$.data.plan.history[*].change")).as(history.body())
			.startsWith("Chuyển trạng thái sang đang lấy ý kiến", "Chuyển trạng thái sang đã công bố")
			.containsOnlyOnce("Chuyển trạng thái sang đang lấy ý kiến");
		assertThat(history.<String>read("$.data.plan.history[0].actor")).isEqualTo("canbo");
	}

	@Test
	void publishingRefusedByAConcurrentChangeLeavesThePlanInConsultation() {
		ConsultationFixture fixture = new ConsultationFixture(this.api, "90006", "Phường Công Bố", 2, "00006");
		fixture.close();
		fixture.tally("00006", 1, 2, 2, 0, 2, 0);
		fixture.tally("00006", 2, 2, 2, 0, 1, 1);
		fixture.certify("00006", "COMMUNE");
		fixture.certify("001", "DISTRICT");
		fixture.certify("01", "PROVINCE");
		assertThat(consultationStatus(fixture)).isEqualTo("CERTIFIED");
		doReturn(false).when(this.consultations)
			.save(argThat((consultation) -> consultation != null && consultation.id().equals(fixture.consultationId)
					&& consultation.status() == ConsultationStatus.PUBLISHED), anyInt());

		GraphQlHttp.Response published = this.api.query(
				"mutation($id: ID!) { publishResults(consultationId: $id) { consultation { status } userErrors { code } } }",
				Map.of("id", fixture.consultationId), ConsultationFixture.official());

		assertThat(published.<String>read("$.data.publishResults.userErrors[0].code")).as(published.body())
			.isEqualTo("VERSION_CONFLICT");
		assertThat(consultationStatus(fixture)).isEqualTo("CERTIFIED");
		assertThat(planStatus(fixture)).isEqualTo("IN_CONSULTATION");
	}

	private GraphQlHttp.Response open(ConsultationFixture fixture) {
		return this.api.query(
				"mutation($id: ID!) { openConsultation(id: $id) { consultation { status } userErrors { code } } }",
				Map.of("id", fixture.consultationId), ConsultationFixture.official());
	}

	private String consultationStatus(ConsultationFixture fixture) {
		return this.api
			.query("query($id: ID!) { consultation(id: $id) { status } }", Map.of("id", fixture.consultationId),
					ConsultationFixture.official())
			.read("$.data.consultation.status");
	}

	private String planStatus(ConsultationFixture fixture) {
		return this.api
			.query("query($id: ID!) { plan(id: $id) { status } }", Map.of("id", fixture.planId),
					ConsultationFixture.official())
			.read("$.data.plan.status");
	}

}
