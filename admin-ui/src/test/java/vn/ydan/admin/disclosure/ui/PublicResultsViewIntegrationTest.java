package vn.ydan.admin.disclosure.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.ydan.admin.support.ConsoleSpringTest;
import vn.ydan.admin.support.FakeBackend;
import vn.ydan.admin.support.FakeBackend.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public results page shows, besides the arrangement's outcome, the names residents
 * chose for the new units and every other question's counts per commune (issue 16).
 */
@ConsoleSpringTest
@ViewPackages(packages = "vn.ydan.admin")
class PublicResultsViewIntegrationTest extends SpringBrowserlessTest {

	private static final String RESULTS = """
			{"data":{"consultation":{"id":"c-1","title":"Lấy ý kiến cử tri Sơn Tây","planId":"p-1","status":"PUBLISHED",
			 "statusName":"Đã công bố","passRule":{"description":"trên 50% tổng số hộ"},
			 "results":{"published":true,
			  "provinces":[{"unit":{"id":"u-01","code":"01","fullName":"Thành phố Hà Nội"},"communes":1,"passed":1,
			    "failed":0,"pending":0,"households":10,"tookPart":8,"agree":7,"disagree":1}],
			  "districts":[{"unit":{"id":"u-269","code":"269","fullName":"Thị xã Sơn Tây"},"communes":1,"passed":1,
			    "failed":0,"pending":0,"households":10,"tookPart":8,"agree":7,"disagree":1}],
			  "communes":[{"unit":{"id":"u-9610","code":"09610","fullName":"Xã Kim Sơn","parent":{"fullName":"Thị xã Sơn Tây"}},
			    "households":10,"tookPart":8,"agree":7,"disagree":1,"agreeShare":70.0,"turnout":80.0,"outcome":"PASS",
			    "questions":[{"question":"ARRANGEMENT","text":"Đồng ý?","agree":7,"disagree":1,"choices":[]},
			     {"question":"NAME","text":"Tên gọi của Xã Đoài Phương","agree":0,"disagree":0,
			      "choices":[{"name":"Đoài Phương","count":3},{"name":"Đông Sơn","count":5}]}]}],
			  "total":{"unit":null,"communes":1,"passed":1,"failed":0,"pending":0,"households":10,"tookPart":8,"agree":7,
			    "disagree":1},
			  "winningNames":[{"unitKey":"09616","proposedFullName":"Xã Đoài Phương","name":"Đông Sơn","tied":false,
			    "counts":[{"name":"Đoài Phương","count":3},{"name":"Đông Sơn","count":5}]}]}}}}""";

	private final FakeBackend backend = FakeBackend.shared();

	@BeforeEach
	void api() {
		this.backend.reset();
		this.backend.answerApi((call) -> Reply.json(200, RESULTS));
	}

	@Test
	void theNamesResidentsChoseAndEachCommunesOtherQuestionsArePublic() {
		UI.getCurrent().navigate("cong-khai/ket-qua/c-1");

		String page = getCurrentView().getElement().getTextRecursively();
		assertThat(page).contains("Tên gọi do cử tri chọn")
			.contains("Xã Đoài Phương")
			.contains("Đông Sơn")
			.contains("Đoài Phương 3 · Đông Sơn 5")
			.contains("Tên gọi của Xã Đoài Phương: Đoài Phương 3 · Đông Sơn 5")
			.doesNotContain("Đồng ý?:");
	}

}
