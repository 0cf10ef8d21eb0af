package vn.ydan.admin.api;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the api answers GraphQL, and how long the console waits for it: a user is waiting
 * on every call, so a dead api has to show up as a message within seconds, not as a hung
 * page.
 *
 * @param url the GraphQL endpoint of the api
 * @param connectTimeout connect timeout
 * @param readTimeout read timeout
 */
@ConfigurationProperties("ydan.api")
record ApiProperties(URI url, @DefaultValue("2s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout) {
}
