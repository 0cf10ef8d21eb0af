package vn.ydan.api.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chain's heads published outside the store: an append-only text file
 * ({@code ydan.audit.heads-file}; by default {@code audit-heads.log} in the data
 * directory), one line per head, that an auditor can copy, keep, or have shipped
 * elsewhere. Verification checks the chain against every line, so that removing entries
 * from the end, or rewriting the chain from some entry on, is found without a human
 * having noted anything.
 * <p>
 * Lines: {@code head <seq> <hash> <at>} (the entry's number, hash and time, ISO-8601),
 * and {@code keyed-from <seq>}: the first entry hashed with the key (entries before it
 * were written before the chain was keyed and are checked with plain SHA-256). Lines it
 * does not know are skipped, so that people may annotate the file.
 */
final class PublishedHeads {

	private static final Logger log = LoggerFactory.getLogger(PublishedHeads.class);

	private static final Pattern HEAD = Pattern.compile("head (\\d+) ([0-9a-f]{64}) (\\S+)");

	private static final Pattern KEYED_FROM = Pattern.compile("keyed-from (\\d+)");

	private final @Nullable Path file;

	/**
	 * @param file where heads go; null publishes nowhere (a log that is only read)
	 */
	PublishedHeads(@Nullable Path file) {
		this.file = file;
	}

	static PublishedHeads none() {
		return new PublishedHeads(null);
	}

	@Nullable Path file() {
		return this.file;
	}

	/** Appends a head and forces it to disk. */
	synchronized void publish(AuditLog.Head head) {
		append("head " + head.seq() + " " + head.hash() + " " + Instant.ofEpochMilli(head.at()) + "\n");
	}

	/** Records that entries from {@code seq} on are keyed. */
	synchronized void keyedFrom(long seq) {
		append("keyed-from " + seq + "\n");
	}

	private void append(String line) {
		if (this.file == null) {
			return;
		}
		try {
			Path directory = this.file.toAbsolutePath().getParent();
			if (directory != null) {
				Files.createDirectories(directory);
			}
			Files.writeString(this.file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot publish the audit log's head to " + this.file, ex);
		}
	}

	/** What the file holds now. */
	synchronized Published read() {
		List<AuditLog.Head> heads = new ArrayList<>();
		Long keyedFrom = null;
		if (this.file != null && Files.exists(this.file)) {
			List<String> lines;
			try {
				lines = Files.readAllLines(this.file, StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read the published audit heads " + this.file, ex);
			}
			for (String line : lines) {
				Matcher head = HEAD.matcher(line.strip());
				Matcher keyed = KEYED_FROM.matcher(line.strip());
				if (head.matches()) {
					long at;
					try {
						at = Instant.parse(head.group(3)).toEpochMilli();
					}
					catch (RuntimeException ex) {
						at = 0;
					}
					heads.add(new AuditLog.Head(Long.parseLong(head.group(1)), head.group(2), at));
				}
				else if (keyed.matches()) {
					long seq = Long.parseLong(keyed.group(1));
					// The smallest: a later line cannot make older entries keyless.
					keyedFrom = (keyedFrom == null) ? seq : Math.min(keyedFrom, seq);
				}
				else if (!line.isBlank() && !line.startsWith("#")) {
					log.warn("Skipping a line of {} that is not a head: {}", this.file, line);
				}
			}
		}
		return new Published(heads, (keyedFrom != null) ? keyedFrom : 1L);
	}

	/**
	 * @param heads the heads, in the order published
	 * @param keyedFrom the first entry hashed with the key (1 when the file says nothing:
	 * the whole chain must be keyed)
	 */
	record Published(List<AuditLog.Head> heads, long keyedFrom) {

		Published {
			heads = List.copyOf(heads);
		}

	}

}
