package vn.ydan.api;

import java.time.Clock;
import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Fallback;

import vn.ydan.api.store.StoreServer;

/**
 * The Ý Dân GraphQL API. It owns the data (MongoDB) and decides who may do what; the
 * console and third-party applications are clients of the same schema.
 */
@SpringBootApplication
public class YdanApi {

	/**
	 * Starts the api; {@code store} as the first argument starts the store alone instead
	 * ({@link StoreServer}, {@code ./ydan store}), from the same jar.
	 */
	public static void main(String[] args) throws InterruptedException {
		if (args.length > 0 && args[0].equals("store")) {
			StoreServer.main(Arrays.copyOfRange(args, 1, args.length));
			return;
		}
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
