package vn.ydan.api.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store's file: mongo-java-server's H2 layout (a map of documents, a map of
 * metadata per collection, a map per unique index) with explicit types for documents and
 * index keys ({@link TypedH2Database}). The types change what the file holds, so the
 * format has its own file name, and a file of the default layout
 * ({@value #DEFAULT_LAYOUT_FILE_NAME}, until issue 19) is copied into it once, at
 * start-up, then kept beside it.
 */
final class StoreFileFormat {

	static final String FILE_NAME = "api-store-2.mv";

	static final String DEFAULT_LAYOUT_FILE_NAME = "api-store.mv";

	/**
	 * Where a migrated file of the default layout is kept (it holds personal data: 0600).
	 */
	static final String MIGRATED_SUFFIX = ".migrated";

	static final String DOCUMENTS = "databases.";

	static final String METADATA = "meta.";

	private static final String INDEX = "._index_";

	private static final Logger log = LoggerFactory.getLogger(StoreFileFormat.class);

	private StoreFileFormat() {
	}

	static MVMap<Object, Document> documents(MVStore store, String namespace) {
		return store.openMap(DOCUMENTS + namespace,
				new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
	}

	static MVMap<String, Object> metadata(MVStore store, String namespace) {
		return store.openMap(METADATA + namespace);
	}

	static MVMap<KeyValue, Object> index(MVStore store, String mapName) {
		return store.openMap(mapName, new MVMap.Builder<KeyValue, Object>().keyType(IndexKeyType.INSTANCE));
	}

	static String indexMapName(String namespace, String indexName) {
		return namespace + INDEX + indexName;
	}

	/** Whether a map holds part of the database: its documents, metadata or indexes. */
	static boolean belongsTo(String mapName, String database) {
		return mapName.startsWith(database + ".") || mapName.startsWith(DOCUMENTS + database)
				|| mapName.startsWith(METADATA + database);
	}

	/**
	 * Copies a file of the default layout in {@code directory} into this format, if there
	 * is one and no file of this format yet. The copy is written beside and renamed when
	 * complete, so a crash midway leaves the old file as it was and the next start copies
	 * again.
	 */
	static void migrateIn(Path directory) {
		Path target = directory.resolve(FILE_NAME);
		Path old = directory.resolve(DEFAULT_LAYOUT_FILE_NAME);
		if (Files.exists(target) || !Files.exists(old)) {
			return;
		}
		Path partial = directory.resolve(FILE_NAME + ".partial");
		long started = System.nanoTime();
		try {
			if (Files.size(old) == 0) {
				// Created and never opened: a new store.
				Files.delete(old);
				return;
			}
			Files.deleteIfExists(partial);
			long documents = copy(old, partial);
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
			Files.move(old, directory.resolve(DEFAULT_LAYOUT_FILE_NAME + MIGRATED_SUFFIX),
					StandardCopyOption.ATOMIC_MOVE);
			log.info("Store file {} copied into format 2 ({}, {} documents) in {} ms; the old file is kept as {}{}",
					old, target, documents, (System.nanoTime() - started) / 1_000_000, DEFAULT_LAYOUT_FILE_NAME,
					MIGRATED_SUFFIX);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot copy the store file " + old + " into format 2", ex);
		}
	}

	static long copy(Path from, Path to) {
		long documents = 0;
		MVStore source = new MVStore.Builder().fileName(from.toString()).readOnly().open();
		try {
			MVStore target = new MVStore.Builder().fileName(to.toString()).open();
			try {
				for (String name : source.getMapNames()) {
					MVMap<Object, Object> original = source.openMap(name);
					MVMap<Object, Object> copy = typed(target, name);
					for (var entry : original.entrySet()) {
						copy.put(entry.getKey(), entry.getValue());
					}
					if (name.startsWith(DOCUMENTS)) {
						documents += original.sizeAsLong();
					}
					target.commit();
				}
			}
			finally {
				target.close();
			}
		}
		finally {
			source.close();
		}
		return documents;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static MVMap<Object, Object> typed(MVStore store, String name) {
		if (name.startsWith(DOCUMENTS)) {
			return (MVMap) documents(store, name.substring(DOCUMENTS.length()));
		}
		if (!name.startsWith(METADATA) && name.contains(INDEX)) {
			return (MVMap) index(store, name);
		}
		return store.openMap(name);
	}

}
