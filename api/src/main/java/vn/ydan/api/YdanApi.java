package vn.ydan.api;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Fallback;

/**
 * The Ý Dân GraphQL API. It owns the data (MongoDB) and decides who may do what; the
 * console and third-party applications are clients of the same schema.
 */
@SpringBootApplication
public class YdanApi {

	public static void main(String[] args) {
		SpringApplication.run(YdanApi.class, args);
	}

	/**
	 * The one clock the API reads the time from (what is "now", and which day "today" is
	 * in Vietnam). A fallback: a test that declares its own clock, or instant source,
	 * gets it used instead.
	 */
	@Bean
	@Fallback
	Clock clock() {
		return Clock.systemUTC();
	}

}
