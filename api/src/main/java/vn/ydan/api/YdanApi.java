package vn.ydan.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Ý Dân GraphQL API. It owns the data (MongoDB) and decides who may do what; the
 * console and third-party applications are clients of the same schema.
 */
@SpringBootApplication
public class YdanApi {

	public static void main(String[] args) {
		SpringApplication.run(YdanApi.class, args);
	}

}
