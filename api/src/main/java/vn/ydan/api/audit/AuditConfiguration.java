package vn.ydan.api.audit;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

	/** First of all filters, so that even a request refused by security has an id. */
	@Bean
	FilterRegistrationBean<RequestIds> requestIds() {
		FilterRegistrationBean<RequestIds> registration = new FilterRegistrationBean<>(new RequestIds());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.addUrlPatterns("/*");
		return registration;
	}

	/** The chain's HMAC key, from a file outside the store (decision 0012). */
	@Bean
	AuditKey auditKey(@Value("${ydan.audit.key-file}") Path file, @Value("${ydan.audit.create-key}") boolean create) {
		return AuditKey.load(file, create);
	}

	/** Where the chain's heads are published, outside the store. */
	@Bean
	PublishedHeads publishedAuditHeads(@Value("${ydan.audit.heads-file}") Path file) {
		return new PublishedHeads(file);
	}

}
