package vn.ydan.admin.home;

import org.springframework.stereotype.Component;

import vn.ydan.admin.api.ApiClient;
import vn.ydan.admin.api.ApiException;
import vn.ydan.admin.api.Me;
import vn.ydan.admin.api.SystemStatus;

/**
 * What the home page asks the api, as the signed-in user: who they are and, for admins,
 * how the api is doing. Failures are {@link ApiException}s.
 */
@Component
public class HomeApi {

	private final ApiClient api;

	HomeApi(ApiClient api) {
		this.api = api;
	}

	/** The signed-in user as the api sees them. */
	public Me me() {
		return this.api.me();
	}

	/** The api's status; for admins only ({@code ApiForbiddenException} otherwise). */
	public SystemStatus systemStatus() {
		return this.api.systemStatus();
	}

}
