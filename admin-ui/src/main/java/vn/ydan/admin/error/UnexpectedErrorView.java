package vn.ydan.admin.error;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces Vaadin's "internal server error" view, which shows the stack trace in
 * development mode: a view that fails to open says so in plain words, and the details go
 * to the log.
 */
@AnonymousAllowed
public class UnexpectedErrorView extends VerticalLayout implements HasErrorParameter<Exception> {

	private static final Logger log = LoggerFactory.getLogger(UnexpectedErrorView.class);

	@Override
	public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
		log.error("Opening {} failed", event.getLocation().getPath(), parameter.getCaughtException());
		removeAll();
		H2 title = new H2(getTranslation("error.page.title"));
		Paragraph message = new Paragraph(getTranslation(FriendlyErrors.messageKey(parameter.getCaughtException())));
		message.setId("unexpected-error");
		Anchor home = new Anchor(".", getTranslation("error.page.home"));
		home.setRouterIgnore(true);
		add(title, message, home);
		return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
	}

}
