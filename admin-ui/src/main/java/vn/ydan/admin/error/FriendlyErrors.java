package vn.ydan.admin.error;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import vn.ydan.admin.api.ApiException;

/**
 * What users see when something fails that no view handled: a short message in their
 * language. The exception, with its stack trace, goes to the log only; a trace on screen
 * helps nobody who uses the console and tells an attacker about its insides.
 */
@Component
class FriendlyErrors implements VaadinServiceInitListener, ErrorHandler {

	private static final Logger log = LoggerFactory.getLogger(FriendlyErrors.class);

	@Override
	public void serviceInit(ServiceInitEvent event) {
		event.getSource().addSessionInitListener((session) -> session.getSession().setErrorHandler(this));
	}

	@Override
	public void error(ErrorEvent event) {
		Throwable failure = event.getThrowable();
		log.error("Unhandled error in the console", failure);
		UI ui = UI.getCurrent();
		if (ui == null) {
			return;
		}
		Notification notification = Notification.show(ui.getTranslation(messageKey(failure)), 8000,
				Notification.Position.MIDDLE);
		notification.addThemeVariants(NotificationVariant.ERROR);
		notification.setId("unexpected-error");
	}

	static String messageKey(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ApiException known) {
				return known.messageKey();
			}
		}
		return "error.unexpected";
	}

}
