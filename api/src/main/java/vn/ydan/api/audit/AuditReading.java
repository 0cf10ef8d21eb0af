package vn.ydan.api.audit;

import java.io.Flushable;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.TreeSet;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import org.jspecify.annotations.Nullable;

import vn.ydan.api.access.Roles;
import vn.ydan.api.protocol.BadRequestException;

import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Reading and checking the audit log: administrators only. There is deliberately nothing
 * here, or anywhere, that changes or removes an entry.
 */
@Service
class AuditReading {

	static final int MAX_PAGE = 200;

	static final int MAX_CSV_ROWS = 100_000;

	private final AuditLog auditLog;

	private final GraphQlSource graphQlSource;

	AuditReading(AuditLog auditLog, GraphQlSource graphQlSource) {
		this.auditLog = auditLog;
		this.graphQlSource = graphQlSource;
	}

	@PreAuthorize(Roles.IS_ADMIN)
	AuditEntryConnection entries(AuditFilter filter, int first, @Nullable String after) {
		if (first < 0 || first > MAX_PAGE) {
			throw new BadRequestException("first phải từ 0 đến " + MAX_PAGE + ", không phải " + first);
		}
		Long before = AuditEntryConnection.seq(after);
		List<AuditEntry> entries = this.auditLog.newestFirst(filter, before, first + 1);
		boolean hasNext = entries.size() > first;
		return AuditEntryConnection.of(hasNext ? entries.subList(0, first) : entries, hasNext, before != null);
	}

	/**
	 * The entries as one CSV string, for the GraphQL field: fine for a few thousand
	 * entries; large exports go through {@link #csvExport}, written as they are read.
	 */
	@PreAuthorize(Roles.IS_ADMIN)
	String csv(AuditFilter filter, int limit) {
		StringWriter text = new StringWriter();
		csvExport(filter, limit).writeTo(text);
		return text.toString();
	}

	/**
	 * The entries as CSV, checked now (caller and limit) and written later, row by row as
	 * the log is read in chunks ({@link AuditLog#oldestFirst}): the download checks
	 * before it sends any header, and keeps no more than a chunk of entries in memory.
	 */
	@PreAuthorize(Roles.IS_ADMIN)
	CsvExport csvExport(AuditFilter filter, int limit) {
		if (limit < 1 || limit > MAX_CSV_ROWS) {
			throw new BadRequestException("limit phải từ 1 đến " + MAX_CSV_ROWS + ", không phải " + limit);
		}
		return (out) -> {
			AuditCsv csv = new AuditCsv(out);
			// A download sends its headers and headings now, before the log is read.
			flush(out);
			this.auditLog.oldestFirst(filter, (entry) -> {
				csv.add(entry);
				return csv.rows() < limit;
			});
		};
	}

	private static void flush(Appendable out) {
		if (out instanceof Flushable flushable) {
			try {
				flushable.flush();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	/** An export that has been allowed, to be written. */
	@FunctionalInterface
	interface CsvExport {

		/**
		 * Writes the byte-order mark, the headings and the entries to {@code out}.
		 * @throws java.io.UncheckedIOException when {@code out} fails
		 */
		void writeTo(Appendable out);

	}

	@PreAuthorize(Roles.IS_ADMIN)
	AuditLog.Verification verify(AuditLog.@Nullable Anchor anchor) {
		return this.auditLog.verify(anchor);
	}

	@PreAuthorize(Roles.IS_ADMIN)
	AuditLog.Head head() {
		return this.auditLog.head();
	}

	/** The mutations of the schema, as entry kinds, and the read kind prefix. */
	@PreAuthorize(Roles.IS_ADMIN)
	List<String> kinds() {
		TreeSet<String> kinds = new TreeSet<>();
		GraphQLObjectType mutation = this.graphQlSource.schema().getMutationType();
		if (mutation != null) {
			for (GraphQLFieldDefinition field : mutation.getFieldDefinitions()) {
				kinds.add("mutation:" + field.getName());
			}
		}
		return List.copyOf(kinds);
	}

}
