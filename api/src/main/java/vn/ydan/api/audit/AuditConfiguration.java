package vn.ydan.api.audit;

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

}
