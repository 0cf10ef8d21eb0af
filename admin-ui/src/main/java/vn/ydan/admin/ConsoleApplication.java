package vn.ydan.admin;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.shared.ui.Transport;
import com.vaadin.flow.theme.aura.Aura;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The officials' and admins' console of Ý Dân. It keeps no data of its own: everything it
 * shows comes from the api, fetched with the signed-in user's token, so that
 * authorization stays in one place.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@StyleSheet(Aura.STYLESHEET)
// Server push for live figures (consultations). Messages to the server stay ordinary HTTP
// requests (WEBSOCKET_XHR): they pass the security filters and can renew the user's
// token.
@Push(transport = Transport.WEBSOCKET_XHR)
public class ConsoleApplication implements AppShellConfigurator {

	public static void main(String[] args) {
		SpringApplication.run(ConsoleApplication.class, args);
	}

}
