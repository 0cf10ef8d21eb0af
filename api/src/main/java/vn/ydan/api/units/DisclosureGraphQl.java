package vn.ydan.api.units;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;

import vn.ydan.api.protocol.BadRequestException;
import vn.ydan.api.protocol.TooManyItemsException;
import vn.ydan.api.protocol.VietnamTime;

/**
 * The public operations for systems that migrate records and for residents: an old
 * address or old codes to the units they are now, and the feed of changes. Anonymous,
 * read from the in-memory registry.
 */
@Controller
class DisclosureGraphQl {

	/** Codes per {@code unitsAsOf} call: 10,035 communes are 11 calls. */
	static final int MAX_CODES = 1_000;

	static final int MAX_CHANGES_PAGE = 100;

	private final RegistryReadModel registry;

	private final AddressConverter addresses;

	private final RegistryChanges changes;

	private final Clock clock;

	DisclosureGraphQl(RegistryReadModel registry, AddressConverter addresses, RegistryChanges changes, Clock clock) {
		this.registry = registry;
		this.addresses = addresses;
		this.changes = changes;
		this.clock = clock;
	}

	@QueryMapping
	AddressConversion convertAddress(@Argument String text, @Argument @Nullable LocalDate asOf) {
		return this.addresses.convert(text, (asOf != null) ? asOf : VietnamTime.today(this.clock));
	}

	@QueryMapping
	List<CodeConversion> unitsAsOf(@Argument List<String> codes, @Argument LocalDate from, @Argument LocalDate to) {
		if (codes.size() > MAX_CODES) {
			throw new TooManyItemsException("At most " + MAX_CODES + " codes per call, got " + codes.size()
					+ ": split the list over several calls.", MAX_CODES, codes.size());
		}
		if (to.isBefore(from)) {
			throw new BadRequestException("`to` (" + to + ") is before `from` (" + from + ").");
		}
		Snapshot snapshot = this.registry.current();
		List<CodeConversion> conversions = new ArrayList<>(codes.size());
		for (String given : codes) {
			conversions.add(convert(snapshot, given, from, to));
		}
		return conversions;
	}

	static CodeConversion convert(Snapshot snapshot, String given, LocalDate from, LocalDate to) {
		String code = given.strip();
		AdministrativeUnit old = snapshot.holding(code, null, from);
		if (old == null) {
			return new CodeConversion(given, null, AddressConversion.Reason.UNKNOWN_CODE, List.of());
		}
		List<UnitSuccessor> successors = new ArrayList<>();
		for (Successions.Successor successor : Successions.of(snapshot, old, to)) {
			successors.add(UnitSuccessor.of(successor, to));
		}
		return new CodeConversion(given, Unit.at(old, from),
				successors.isEmpty() ? AddressConversion.Reason.NO_SUCCESSOR : null, successors);
	}

	@QueryMapping
	RegistryChangeConnection registryChanges(@Argument @Nullable String after, @Argument int first) {
		if (first < 0 || first > MAX_CHANGES_PAGE) {
			throw new BadRequestException("`first` must be between 0 and " + MAX_CHANGES_PAGE + ", was " + first + ".");
		}
		return RegistryChangeConnection.of(this.changes.page(after, first));
	}

	@SchemaMapping(typeName = "RegistryChange")
	String at(RegistryChange change) {
		return change.at().toString();
	}

	@SubscriptionMapping
	Flux<RegistryChange> registryChanged(@Argument @Nullable List<RegistryChange.Kind> kinds,
			@Argument @Nullable String after) {
		Flux<RegistryChange> changes = (after != null) ? this.changes.liveAfter(after) : this.changes.live();
		if (kinds == null || kinds.isEmpty()) {
			return changes;
		}
		var wanted = new LinkedHashSet<>(kinds);
		return changes.filter((change) -> wanted.contains(change.kind()));
	}

	/**
	 * One old code and what it is now.
	 *
	 * @param code the code as given
	 * @param old the unit that held it on {@code from}; null when none did
	 * @param reason why there is no successor (UNKNOWN_CODE: no unit held the code;
	 * NO_SUCCESSOR: it ended without one); null otherwise
	 * @param successors the units it became by {@code to} (itself when unchanged)
	 */
	record CodeConversion(String code, @Nullable Unit old, AddressConversion.@Nullable Reason reason,
			List<UnitSuccessor> successors) {
	}

	/**
	 * A page of the change feed (Relay).
	 *
	 * @param edges the changes with their cursors
	 * @param pageInfo where the page stands
	 */
	record RegistryChangeConnection(List<Edge> edges, UnitConnection.PageInfo pageInfo) {

		static RegistryChangeConnection of(RegistryChanges.Page page) {
			List<Edge> edges = page.changes().stream().map((change) -> new Edge(change.cursor(), change)).toList();
			String start = edges.isEmpty() ? null : edges.get(0).cursor();
			String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
			return new RegistryChangeConnection(edges,
					new UnitConnection.PageInfo(page.hasNext(), page.hasPrevious(), start, end));
		}

		/**
		 * @param cursor pass as {@code after} for the changes after this one
		 * @param node the change
		 */
		record Edge(String cursor, RegistryChange node) {
		}

	}

}
