package vn.ydan.admin.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole console on a random port, wired to the shared {@link FakeBackend}. All Spring
 * tests use exactly this, so they share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
// Production mode: tests run before the front-end build, and dev mode needs Vaadin's dev
// server, which the console does not ship.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vaadin.productionMode=true", "ydan.environment=development" })
@ContextConfiguration(initializers = FakeBackend.Wiring.class)
public @interface ConsoleSpringTest {

}
