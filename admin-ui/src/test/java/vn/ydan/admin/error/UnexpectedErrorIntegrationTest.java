package vn.ydan.admin.error;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.junit.jupiter.api.Test;

import vn.ydan.admin.support.ConsoleSpringTest;
import vn.ydan.admin.support.WithKeycloakUser;

import static org.assertj.core.api.Assertions.assertThat;

@ConsoleSpringTest
@ViewPackages(packages = "vn.ydan.admin")
@WithKeycloakUser
class UnexpectedErrorIntegrationTest extends SpringBrowserlessTest {

	@Test
	void aViewThatFailsShowsAPlainMessageAndNoStackTrace() {
		navigate("test-failing-view", UnexpectedErrorView.class);

		assertThat(find(Paragraph.class).id("unexpected-error").getText()).isEqualTo(
				"Đã xảy ra lỗi ngoài dự kiến. Vui lòng thử lại; nếu lỗi vẫn lặp lại, hãy báo cho quản trị viên.");
		assertThat(getCurrentView().getElement().getTextRecursively()).doesNotContain("IllegalStateException",
				"at vn.ydan");
	}

	/** Only in tests: a view that fails the way a bug would. */
	@Route("test-failing-view")
	@PermitAll
	public static class FailingView extends Div implements BeforeEnterObserver {

		@Override
		public void beforeEnter(BeforeEnterEvent event) {
			throw new IllegalStateException("a bug");
		}

	}

}
