package vn.ydan.admin.units;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.springframework.stereotype.Component;

/**
 * Runs imports off the request thread: the national file takes the api seconds, and a
 * user's request thread held that long would freeze their page (no progress shown, no
 * other click answered).
 */
@Component
public class UnitImports {

	private final UnitsApi api;

	// Virtual threads: an import mostly waits on the api.
	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	UnitImports(UnitsApi api) {
		this.api = api;
	}

	/**
	 * Starts an import as the signed-in user; call it on their request thread.
	 * @return the api's answer; completes exceptionally with an
	 * {@link vn.ydan.admin.api.ApiException} when there is none
	 * @throws vn.ydan.admin.api.ApiException when the user has no token (any more)
	 */
	public CompletableFuture<ImportResult> start(ImportRequest request) {
		UnitsApi asUser = this.api.forBackground();
		return CompletableFuture.supplyAsync(() -> asUser.importUnits(request), this.executor);
	}

	@PreDestroy
	void stop() {
		this.executor.shutdownNow();
	}

}
