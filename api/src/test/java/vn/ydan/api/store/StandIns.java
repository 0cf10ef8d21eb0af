package vn.ydan.api.store;

import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

/**
 * For measurements outside this package: the stand-in's backend on a directory, in
 * mongo-java-server's default layout or in the api's format 2 (copied from the default
 * layout the first time, the default file left in place so both can be measured side by
 * side).
 */
public final class StandIns {

	private StandIns() {
	}

	public static H2Backend open(Path directory, boolean formatTwo) {
		Path defaultLayout = directory.resolve(StoreFileFormat.DEFAULT_LAYOUT_FILE_NAME);
		if (!formatTwo) {
			return new H2Backend(new MVStore.Builder().fileName(defaultLayout.toString()).open());
		}
		Path file = directory.resolve(StoreFileFormat.FILE_NAME);
		if (!Files.exists(file) && Files.exists(defaultLayout)) {
			long started = System.nanoTime();
			long documents = StoreFileFormat.copy(defaultLayout, file);
			System.out.printf("copied %,d documents into format 2 in %.1f s%n", documents,
					(System.nanoTime() - started) / 1e9);
		}
		return new CommitBeforeAckBackend(new MVStore.Builder().fileName(file.toString()).open(), false);
	}

}
