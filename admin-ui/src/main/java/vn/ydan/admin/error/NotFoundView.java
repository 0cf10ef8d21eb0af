package vn.ydan.admin.error;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

import vn.ydan.admin.layout.MainLayout;

/**
 * A page that does not exist, or that the user may not open, inside the console's frame
 * (navigation, language, sign-out) and in the user's language, instead of Vaadin's bare
 * English "Could not navigate to …". Vaadin answers a route the user's roles do not allow
 * as not found (so that it does not tell which pages exist): the text covers both and
 * shows the way home.
 * <p>
 * Ids: {@code not-found-view}, {@code not-found-title}, {@code not-found-text},
 * {@code not-found-home}.
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

	@Override
	public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
		removeAll();
		setId("not-found-view");
		H2 title = new H2(getTranslation("error.not-found.title"));
		title.setId("not-found-title");
		Paragraph text = new Paragraph(getTranslation("error.not-found.text", "/" + event.getLocation().getPath()));
		text.setId("not-found-text");
		Anchor home = new Anchor("", getTranslation("error.page.home"));
		home.setId("not-found-home");
		add(title, text, home);
		return HttpServletResponse.SC_NOT_FOUND;
	}

}
