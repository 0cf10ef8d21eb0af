package vn.ydan.api.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key of the audit chain's HMAC, read from a file kept outside the store
 * ({@code ydan.audit.key-file}, env {@code YDAN_AUDIT_KEY_FILE}; by default
 * {@code audit.key} in the data directory, next to the embedded store's file, never in
 * it). Whoever can write the store but not read this file cannot forge entries that
 * verify. The file holds 32 random bytes in base64 on one line.
 * <p>
 * When the file is missing and creating is allowed (development, the default), it is
 * created 0600 with a fresh key; in production the operator provides it and turns
 * creating off, so that a lost key file stops the API instead of silently starting a
 * chain that no longer verifies.
 */
final class AuditKey {

	private static final Logger log = LoggerFactory.getLogger(AuditKey.class);

	static final int BYTES = 32;

	private final byte[] key;

	private AuditKey(byte[] key) {
		this.key = key.clone();
	}

	/** A key given as bytes (tests). */
	static AuditKey of(byte[] key) {
		if (key.length < 16) {
			throw new IllegalArgumentException("An audit key needs at least 16 bytes");
		}
		return new AuditKey(key);
	}

	/**
	 * Reads the key from {@code file}, creating it first when missing and {@code create}.
	 * @throws IllegalStateException when it is missing and may not be created, or holds
	 * no key
	 */
	static AuditKey load(Path file, boolean create) {
		try {
			if (Files.notExists(file)) {
				if (!create) {
					throw new IllegalStateException("The audit log's key file " + file
							+ " does not exist (ydan.audit.key-file); restore it, or set ydan.audit.create-key=true"
							+ " to start a new key (entries hashed with the old one no longer verify)");
				}
				createKeyFile(file);
			}
			String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
			byte[] key = Base64.getDecoder().decode(text);
			if (key.length < 16) {
				throw new IllegalStateException("The audit key file " + file + " holds fewer than 16 bytes");
			}
			return new AuditKey(key);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("The audit key file " + file + " is not one line of base64", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the audit key file " + file, ex);
		}
	}

	private static void createKeyFile(Path file) throws IOException {
		byte[] key = new byte[BYTES];
		new SecureRandom().nextBytes(key);
		Path directory = file.toAbsolutePath().getParent();
		if (directory != null) {
			Files.createDirectories(directory);
		}
		byte[] content = (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII);
		// Written whole under another name, then linked to the key's name, which fails
		// when it exists: api instances starting together on one data directory never
		// read a half-written key, and all use the first one linked.
		Path written = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".new");
		try {
			if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
				Files.createFile(written,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			else {
				Files.createFile(written);
			}
			Files.write(written, content, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
			Files.createLink(file, written);
		}
		catch (FileAlreadyExistsException ex) {
			// Another process created it first: use theirs.
			return;
		}
		finally {
			Files.deleteIfExists(written);
		}
		log.warn("Created a new audit log key in {}: keep a copy of it outside this machine; without it the"
				+ " audit log cannot be verified", file);
	}

	/** A copy of the key. */
	byte[] bytes() {
		return this.key.clone();
	}

	/** A hasher with this key; one per thread. */
	ChainHash hasher() {
		return new ChainHash(this.key);
	}

}
