package vn.ydan.api.audit;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The audit log's queries; who may call them is decided by {@link AuditReading}.
 */
@Controller
class AuditGraphQl {

	private final AuditReading reading;

	AuditGraphQl(AuditReading reading) {
		this.reading = reading;
	}

	@QueryMapping
	AuditEntryConnection auditEntries(@Argument @Nullable AuditFilter filter, @Argument int first,
			@Argument @Nullable String after) {
		return this.reading.entries(AuditFilter.orNone(filter), first, after);
	}

	@QueryMapping
	String auditEntriesCsv(@Argument @Nullable AuditFilter filter, @Argument int limit) {
		return this.reading.csv(AuditFilter.orNone(filter), limit);
	}

	@QueryMapping
	AuditLog.Verification verifyAuditLog(@Argument @Nullable AnchorInput anchor) {
		return this.reading.verify((anchor != null) ? new AuditLog.Anchor(anchor.seq(), anchor.hash().strip()) : null);
	}

	@QueryMapping
	AuditLog.Head auditHead() {
		return this.reading.head();
	}

	@QueryMapping
	List<String> auditKinds() {
		return this.reading.kinds();
	}

	@SchemaMapping(typeName = "AuditEntry")
	String at(AuditEntry entry) {
		return entry.at().toString();
	}

	@SchemaMapping(typeName = "AuditHead")
	@Nullable String at(AuditLog.Head head) {
		return (head.seq() > 0) ? Instant.ofEpochMilli(head.at()).toString() : null;
	}

	/**
	 * @param seq the entry's number
	 * @param hash its hash as noted
	 */
	record AnchorInput(int seq, String hash) {
	}

}
