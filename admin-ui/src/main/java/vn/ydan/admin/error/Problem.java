package vn.ydan.admin.error;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

import vn.ydan.admin.api.ApiException;
import vn.ydan.admin.api.SignInRequiredException;

/**
 * A failure of the api in the user's words, with the way out: try again, or sign in again
 * when the session is over. The message has the given id, the retry button the id with
 * {@code -retry}.
 */
public final class Problem {

	private Problem() {
	}

	public static Component of(Component on, String id, ApiException failure, Runnable retry) {
		return box(on, id, on.getTranslation(failure.messageKey()), failure instanceof SignInRequiredException, retry);
	}

	public static Component box(Component on, String id, String text, boolean signInAgain, Runnable retry) {
		Span message = new Span(text);
		message.setId(id);
		HorizontalLayout actions = new HorizontalLayout();
		if (signInAgain) {
			Anchor signIn = new Anchor("login", on.getTranslation("action.sign-in-again"));
			signIn.setId(id + "-sign-in");
			signIn.setRouterIgnore(true);
			actions.add(signIn);
		}
		else {
			Button again = new Button(on.getTranslation("action.retry"), (click) -> retry.run());
			again.setId(id + "-retry");
			actions.add(again);
		}
		Div box = new Div(message, actions);
		box.getElement().setAttribute("role", "alert");
		box.getStyle()
			.set("display", "flex")
			.set("flex-direction", "column")
			.set("gap", "0.75rem")
			.set("padding", "1rem")
			.set("border-radius", "8px")
			.set("background", "var(--vaadin-background-container, #fdecea)")
			.set("border-left", "4px solid #c62828");
		return box;
	}

}
