package vn.ydan.admin;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
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
public class ConsoleApplication implements AppShellConfigurator {

	public static void main(String[] args) {
		SpringApplication.run(ConsoleApplication.class, args);
	}

}
