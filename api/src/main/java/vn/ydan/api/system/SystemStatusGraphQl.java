package vn.ydan.api.system;

import java.lang.management.ManagementFactory;
import java.time.Instant;

import vn.ydan.api.access.Roles;
import vn.ydan.api.store.StoreProbe;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

@Controller
class SystemStatusGraphQl {

	private final StoreProbe store;

	private final String version;

	private final String startedAt;

	SystemStatusGraphQl(StoreProbe store, ObjectProvider<BuildProperties> build) {
		this.store = store;
		BuildProperties properties = build.getIfAvailable();
		String version = (properties != null) ? properties.getVersion() : null;
		this.version = (version != null) ? version : "unknown";
		this.startedAt = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()).toString();
	}

	@QueryMapping
	@PreAuthorize(Roles.IS_ADMIN)
	SystemStatus systemStatus() {
		return new SystemStatus(this.version, this.startedAt, this.store.check());
	}

}
