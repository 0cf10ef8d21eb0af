package vn.ydan.api.units;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads a free-text old address ("P. Trúc Bạch, Q. Ba Đình, HN", with or without
 * diacritics) and answers the old unit it names and what that unit is on a date. The
 * address is split at commas; each part may start with a type, written out or abbreviated
 * as people write them (P., X., TT., Q., H., TX., TP., T.); provinces may be shorthand
 * (HN, HCM, TP.HCM). The commune is the first part that names one; the parts after it
 * name its district and province, which must agree with it. All lookups are map reads in
 * the snapshot's {@link AddressIndex}; the nearest names to a typo scan the commune names
 * once.
 */
@Component
class AddressConverter {

	static final int MAX_LENGTH = 300;

	private static final int MAX_CANDIDATES = 20;

	private static final Pattern TYPED = Pattern.compile(
			"^(thanh pho|thi tran|thi xa|dac khu|phuong|quan|huyen|tinh|xa|tp|tx|tt|p|x|q|h|t)(?:\\.\\s*|\\s+)(.+)$");

	private static final Pattern SEPARATORS = Pattern.compile("[,;|\\n]+|\\s+-\\s+");

	private static final Set<UnitType> CITIES = EnumSet.of(UnitType.THANH_PHO_TRUC_THUOC_TRUNG_UONG,
			UnitType.THANH_PHO_THUOC_TINH, UnitType.THANH_PHO_THUOC_THANH_PHO_TRUC_THUOC_TRUNG_UONG);

	private static final Map<String, Set<UnitType>> TYPE_WORDS = Map.ofEntries(
			Map.entry("phuong", EnumSet.of(UnitType.PHUONG)), Map.entry("p", EnumSet.of(UnitType.PHUONG)),
			Map.entry("xa", EnumSet.of(UnitType.XA)), Map.entry("x", EnumSet.of(UnitType.XA)),
			Map.entry("thi tran", EnumSet.of(UnitType.THI_TRAN)), Map.entry("tt", EnumSet.of(UnitType.THI_TRAN)),
			Map.entry("dac khu", EnumSet.of(UnitType.DAC_KHU)), Map.entry("quan", EnumSet.of(UnitType.QUAN)),
			Map.entry("q", EnumSet.of(UnitType.QUAN)), Map.entry("huyen", EnumSet.of(UnitType.HUYEN)),
			Map.entry("h", EnumSet.of(UnitType.HUYEN)), Map.entry("thi xa", EnumSet.of(UnitType.THI_XA)),
			Map.entry("tx", EnumSet.of(UnitType.THI_XA)), Map.entry("thanh pho", CITIES), Map.entry("tp", CITIES),
			Map.entry("tinh", EnumSet.of(UnitType.TINH)), Map.entry("t", EnumSet.of(UnitType.TINH)));

	/** Shorthands people write for provinces, folded, without dots or spaces. */
	private static final Map<String, String> PROVINCE_SHORTHANDS = Map.of("hn", "ha noi", "hcm", "ho chi minh", "tphcm",
			"ho chi minh", "sg", "ho chi minh", "saigon", "ho chi minh", "hp", "hai phong", "tphn", "ha noi");

	/**
	 * Cyrillic and Greek letters that look like Latin ones (a pasted "Рhường" with a
	 * Cyrillic Р): read as the Latin letter.
	 */
	private static final Map<Character, Character> LOOKALIKES = lookalikes();

	private final RegistryReadModel registry;

	private final LocalDate recordsFrom;

	AddressConverter(RegistryReadModel registry,
			@Value("${ydan.units.records-from:2025-01-01}") LocalDate recordsFrom) {
		this.registry = registry;
		this.recordsFrom = recordsFrom;
	}

	/** The first day the registry's records describe. */
	LocalDate recordsFrom() {
		return this.recordsFrom;
	}

	AddressConversion convert(String text, LocalDate asOf) {
		if (text.length() > MAX_LENGTH) {
			return AddressConversion.unknown(text, asOf, AddressConversion.Reason.INPUT_TOO_LONG,
					"Địa chỉ quá dài: tối đa " + MAX_LENGTH + " ký tự.");
		}
		String normal = Normalizer.normalize(text, Normalizer.Form.NFC).strip();
		if (normal.isEmpty()) {
			return AddressConversion.unknown(text, asOf, AddressConversion.Reason.EMPTY_INPUT,
					"Hãy nhập địa chỉ cũ, ví dụ \"P. Trúc Bạch, Q. Ba Đình, Hà Nội\".");
		}
		if (asOf.isBefore(this.recordsFrom)) {
			return AddressConversion.unknown(text, asOf, AddressConversion.Reason.BEFORE_RECORDS,
					"Sổ đơn vị hành chính chỉ ghi nhận từ ngày " + this.recordsFrom + "; không trả lời cho ngày " + asOf
							+ ".");
		}
		String latin = latin(normal);
		if (latin == null) {
			return AddressConversion.unknown(text, asOf, AddressConversion.Reason.MIXED_SCRIPT,
					"Địa chỉ có chữ không phải chữ Việt (chữ Latinh): hãy gõ lại bằng tiếng Việt.");
		}
		return new Lookup(this.registry.current(), asOf, readings(latin)).answer(text);
	}

	/**
	 * The text with look-alike Cyrillic and Greek letters made Latin; null when letters
	 * of another script remain.
	 */
	static @Nullable String latin(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			Character replaced = LOOKALIKES.get(c);
			if (replaced != null) {
				c = replaced;
			}
			else if (Character.isLetter(c) && Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN) {
				return null;
			}
			out.append(c);
		}
		return out.toString();
	}

	/** Each part of the address, read with and without a leading type word. */
	static List<List<Reading>> readings(String text) {
		List<List<Reading>> parts = new ArrayList<>();
		for (String part : SEPARATORS.split(text)) {
			String folded = SearchKey.fold(part).replaceAll("^[\\s.]+|[\\s.]+$", "");
			if (folded.isEmpty()) {
				continue;
			}
			List<Reading> readings = new ArrayList<>(2);
			Matcher typed = TYPED.matcher(folded);
			if (typed.matches()) {
				String name = clean(typed.group(2));
				Set<UnitType> types = TYPE_WORDS.get(typed.group(1));
				if (!name.isEmpty() && types != null) {
					readings.add(new Reading(parts.size(), types, shorthand(name, types)));
				}
			}
			String whole = clean(folded);
			String compact = whole.replaceAll("[.\\s]", "");
			if (PROVINCE_SHORTHANDS.containsKey(compact)) {
				readings
					.add(new Reading(parts.size(), EnumSet.of(UnitType.TINH, UnitType.THANH_PHO_TRUC_THUOC_TRUNG_UONG),
							PROVINCE_SHORTHANDS.get(compact)));
			}
			readings.add(new Reading(parts.size(), null, whole));
			parts.add(readings);
		}
		return parts;
	}

	private static String clean(String folded) {
		return AddressIndex.normalName(folded.replaceAll("^[\\s.]+|[\\s.]+$", "").replaceAll("\\s+", " "));
	}

	private static String shorthand(String name, Set<UnitType> types) {
		String compact = name.replaceAll("[.\\s]", "");
		if (PROVINCE_SHORTHANDS.containsKey(compact) && (types.contains(UnitType.TINH) || types == CITIES)) {
			return PROVINCE_SHORTHANDS.get(compact);
		}
		return name;
	}

	private static Map<Character, Character> lookalikes() {
		String from = "АВЕКМНОРСТХаеорсухіІ";
		String to = "ABEKMHOPCTXaeopcyxiI";
		Map<Character, Character> map = new java.util.HashMap<>();
		for (int i = 0; i < from.length(); i++) {
			map.put(from.charAt(i), to.charAt(i));
		}
		map.put('Α', 'A');
		map.put('Β', 'B');
		map.put('Ε', 'E');
		map.put('Ο', 'O');
		map.put('ο', 'o');
		return Map.copyOf(map);
	}

	/**
	 * One way to read one part of the address.
	 *
	 * @param part which part (0 first)
	 * @param types the types its type word allows; null when read without one
	 * @param name the name, folded
	 */
	record Reading(int part, @Nullable Set<UnitType> types, String name) {

		boolean allows(UnitType type) {
			return this.types == null || this.types.contains(type);
		}

	}

	/** One lookup: the readings against one snapshot. */
	private static final class Lookup {

		private final Snapshot snapshot;

		private final AddressIndex index;

		private final LocalDate asOf;

		private final List<List<Reading>> parts;

		Lookup(Snapshot snapshot, LocalDate asOf, List<List<Reading>> parts) {
			this.snapshot = snapshot;
			this.index = snapshot.addresses();
			this.asOf = asOf;
			this.parts = parts;
		}

		AddressConversion answer(String text) {
			// The commune: the first part that names one (a typed reading first).
			int communePart = -1;
			List<AddressIndex.Named> communes = List.of();
			for (List<Reading> readings : this.parts) {
				communes = found(readings, UnitLevel.COMMUNE);
				if (!communes.isEmpty()) {
					communePart = readings.get(0).part();
					break;
				}
			}
			int after = communePart;
			List<AddressIndex.Named> districts = foundAfter(after, UnitLevel.DISTRICT);
			List<AddressIndex.Named> provinces = foundAfter(after, UnitLevel.PROVINCE);
			districts = inProvinces(districts, provinces);
			if (!communes.isEmpty()) {
				return communes(text, communes, districts, provinces);
			}
			// No commune named: a typo, a commune that never was, or only a district.
			Reading unmatched = unmatchedCommuneReading();
			if (unmatched != null) {
				List<AddressIndex.Named> near = nearest(unmatched, districts, provinces);
				if (!near.isEmpty()) {
					List<AddressConversion.Candidate> candidates = candidates(near, true);
					return new AddressConversion(text, this.asOf, AddressConversion.Status.AMBIGUOUS,
							AddressConversion.Reason.APPROXIMATE, "Không có đơn vị tên \"" + unmatched.name()
									+ "\"; tên gần nhất: " + names(candidates) + ".",
							candidates);
				}
				if (unmatched.types() != null || !districts.isEmpty() || !provinces.isEmpty()) {
					String where = !districts.isEmpty() ? " thuộc " + districts.get(0).version().fullName()
							: !provinces.isEmpty() ? " thuộc " + provinces.get(0).version().fullName() : "";
					return AddressConversion.unknown(text, this.asOf, AddressConversion.Reason.UNKNOWN_NAME,
							"Sổ đơn vị hành chính không có đơn vị cấp xã tên \"" + unmatched.name() + "\"" + where
									+ ".");
				}
			}
			if (!districts.isEmpty() || !provinces.isEmpty()) {
				List<AddressIndex.Named> above = !districts.isEmpty() ? districts : provinces;
				List<AddressConversion.Candidate> candidates = candidates(above, false);
				return new AddressConversion(text, this.asOf, AddressConversion.Status.AMBIGUOUS,
						AddressConversion.Reason.COMMUNE_MISSING, "Địa chỉ không có xã, phường, thị trấn: "
								+ names(candidates) + " gồm nhiều đơn vị; hãy thêm tên xã, phường.",
						candidates);
			}
			return AddressConversion.unknown(text, this.asOf, AddressConversion.Reason.UNKNOWN_NAME,
					"Không nhận ra đơn vị hành chính nào trong địa chỉ này.");
		}

		private AddressConversion communes(String text, List<AddressIndex.Named> communes,
				List<AddressIndex.Named> districts, List<AddressIndex.Named> provinces) {
			List<AddressIndex.Named> inDistrict = communes;
			if (!districts.isEmpty()) {
				inDistrict = communes.stream()
					.filter((commune) -> districts.stream()
						.anyMatch((district) -> district.unit().id().equals(commune.version().parentId())))
					.toList();
				if (inDistrict.isEmpty()) {
					return AddressConversion.unknown(text, this.asOf, AddressConversion.Reason.NOT_IN_DISTRICT,
							communes.get(0).version().fullName() + " không thuộc "
									+ districts.get(0).version().fullName() + " (có " + elsewhere(communes) + ").");
				}
			}
			List<AddressIndex.Named> inProvince = inDistrict;
			if (!provinces.isEmpty()) {
				inProvince = inDistrict.stream()
					.filter((commune) -> provinces.stream()
						.anyMatch((province) -> province.unit()
							.id()
							.equals(commune.ancestorOfLevel(this.snapshot, UnitLevel.PROVINCE, this.asOf))))
					.toList();
				if (inProvince.isEmpty()) {
					return AddressConversion.unknown(text, this.asOf, AddressConversion.Reason.NOT_IN_PROVINCE,
							communes.get(0).version().fullName() + " không thuộc "
									+ provinces.get(0).version().fullName() + " (có " + elsewhere(communes) + ").");
				}
			}
			List<AddressConversion.Candidate> candidates = candidates(inProvince, false);
			if (candidates.size() > 1) {
				return new AddressConversion(text, this.asOf, AddressConversion.Status.AMBIGUOUS,
						AddressConversion.Reason.SEVERAL_UNITS,
						"Có " + candidates.size() + " đơn vị cùng tên: hãy thêm quận, huyện hoặc tỉnh.", candidates);
			}
			AddressConversion.Candidate found = candidates.get(0);
			if (found.current().isEmpty()) {
				return new AddressConversion(text, this.asOf, AddressConversion.Status.FOUND,
						AddressConversion.Reason.NO_SUCCESSOR,
						found.matchedName() + " đã chấm dứt mà không có đơn vị kế thừa trong sổ.", candidates);
			}
			return new AddressConversion(text, this.asOf, AddressConversion.Status.FOUND, null,
					found.matchedName() + " → " + names(found.current()) + " (ngày " + this.asOf + ").", candidates);
		}

		/** The units of {@code level} a part names: its typed reading first. */
		private List<AddressIndex.Named> found(List<Reading> readings, UnitLevel level) {
			for (Reading reading : readings) {
				List<AddressIndex.Named> matches = matches(reading, level);
				if (!matches.isEmpty()) {
					return matches;
				}
			}
			return List.of();
		}

		private List<AddressIndex.Named> matches(Reading reading, UnitLevel level) {
			List<AddressIndex.Named> sameLevel = new ArrayList<>();
			List<AddressIndex.Named> sameType = new ArrayList<>();
			for (AddressIndex.Named named : this.index.named(reading.name())) {
				if (named.unit().level() != level || !named.startedBy(this.asOf)) {
					continue;
				}
				sameLevel.add(named);
				if (reading.allows(named.version().type())) {
					sameType.add(named);
				}
			}
			if (!sameType.isEmpty()) {
				return sameType;
			}
			// "X. Trúc Bạch" for a phường: the level is right, the type a slip.
			boolean typedAtThisLevel = reading.types() != null
					&& reading.types().stream().anyMatch((type) -> type.level() == level);
			return typedAtThisLevel ? sameLevel : List.of();
		}

		private List<AddressIndex.Named> foundAfter(int part, UnitLevel level) {
			List<AddressIndex.Named> all = new ArrayList<>();
			for (List<Reading> readings : this.parts) {
				if (readings.get(0).part() > part) {
					all.addAll(found(readings, level));
				}
			}
			return all;
		}

		private List<AddressIndex.Named> inProvinces(List<AddressIndex.Named> districts,
				List<AddressIndex.Named> provinces) {
			if (provinces.isEmpty() || districts.isEmpty()) {
				return districts;
			}
			List<AddressIndex.Named> within = districts.stream()
				.filter((district) -> provinces.stream()
					.anyMatch((province) -> province.unit().id().equals(district.version().parentId())))
				.toList();
			return within.isEmpty() ? districts : within;
		}

		/**
		 * The part that should have named the commune: the first that names nothing at
		 * all, with its typed reading when it has one.
		 */
		private @Nullable Reading unmatchedCommuneReading() {
			for (List<Reading> readings : this.parts) {
				boolean names = false;
				for (UnitLevel level : List.of(UnitLevel.DISTRICT, UnitLevel.PROVINCE)) {
					names = names || !found(readings, level).isEmpty();
				}
				if (!names) {
					Reading first = readings.get(0);
					boolean aboveCommune = first.types() != null
							&& first.types().stream().noneMatch((type) -> type.level() == UnitLevel.COMMUNE);
					if (!aboveCommune) {
						return first;
					}
				}
			}
			return null;
		}

		private List<AddressIndex.Named> nearest(Reading reading, List<AddressIndex.Named> districts,
				List<AddressIndex.Named> provinces) {
			int maxDistance = (reading.name().length() <= 5) ? 1 : 2;
			List<AddressIndex.Named> near = new ArrayList<>();
			for (String name : this.index.nearestCommuneNames(reading.name(), maxDistance, MAX_CANDIDATES)) {
				for (AddressIndex.Named named : matches(new Reading(reading.part(), null, name), UnitLevel.COMMUNE)) {
					boolean inDistrict = districts.isEmpty() || districts.stream()
						.anyMatch((district) -> district.unit().id().equals(named.version().parentId()));
					boolean inProvince = provinces.isEmpty() || provinces.stream()
						.anyMatch((province) -> province.unit()
							.id()
							.equals(named.ancestorOfLevel(this.snapshot, UnitLevel.PROVINCE, this.asOf)));
					if (inDistrict && inProvince) {
						near.add(named);
					}
				}
			}
			return near;
		}

		/** One candidate per unit (its latest version with the name), at most 20. */
		private List<AddressConversion.Candidate> candidates(List<AddressIndex.Named> named, boolean approximate) {
			Map<String, AddressIndex.Named> byUnit = new LinkedHashMap<>();
			for (AddressIndex.Named entry : named) {
				byUnit.merge(entry.unit().id(), entry, (a, b) -> later(b.version(), a.version()) ? b : a);
			}
			List<AddressConversion.Candidate> candidates = new ArrayList<>();
			for (AddressIndex.Named entry : byUnit.values()) {
				if (candidates.size() == MAX_CANDIDATES) {
					break;
				}
				candidates.add(candidate(entry, approximate));
			}
			return candidates;
		}

		private AddressConversion.Candidate candidate(AddressIndex.Named entry, boolean approximate) {
			AdministrativeUnit unit = entry.unit();
			UnitVersion now = unit.versionAt(this.asOf);
			boolean former = now == null || !SearchKey.fold(now.name()).equals(SearchKey.fold(entry.version().name()));
			List<UnitSuccessor> current = new ArrayList<>();
			List<Successions.Successor> successors = Successions.of(this.snapshot, unit, this.asOf);
			if (successors.isEmpty() && unit.level() != UnitLevel.COMMUNE) {
				successors = throughCommunes(unit, entry.version());
			}
			successors.forEach((successor) -> current.add(UnitSuccessor.of(successor, this.asOf)));
			return new AddressConversion.Candidate(Unit.at(unit, entry.viewDate(this.asOf)), entry.version().fullName(),
					former, approximate, current);
		}

		/**
		 * What a district of the abolished level became: the units its communes went to
		 * (each took a part of it).
		 */
		private List<Successions.Successor> throughCommunes(AdministrativeUnit district, UnitVersion version) {
			LocalDate lastDay = version.clamp(this.asOf);
			Map<String, Successions.Successor> all = new LinkedHashMap<>();
			for (AdministrativeUnit child : this.snapshot.everChildrenOf(district.id())) {
				UnitVersion childVersion = child.versionAt(lastDay);
				if (child.level() != UnitLevel.COMMUNE || childVersion == null
						|| !district.id().equals(childVersion.parentId())) {
					continue;
				}
				for (Successions.Successor successor : Successions.of(this.snapshot, child, this.asOf)) {
					all.putIfAbsent(successor.unit().id(),
							new Successions.Successor(successor.unit(), LineageRelation.PART, null, null,
									successor.effectiveDate(), successor.legalBasis(), List.of()));
				}
			}
			return List.copyOf(all.values());
		}

		private static boolean later(UnitVersion a, UnitVersion b) {
			return a.validFrom() != null && (b.validFrom() == null || a.validFrom().isAfter(b.validFrom()));
		}

		private String elsewhere(List<AddressIndex.Named> communes) {
			List<String> places = new ArrayList<>();
			for (AddressIndex.Named commune : communes) {
				String parentId = commune.version().parentId();
				AdministrativeUnit parent = (parentId != null) ? this.snapshot.unit(parentId) : null;
				String place = commune.version().fullName() + " thuộc "
						+ ((parent != null) ? parent.nearestVersion(commune.viewDate(this.asOf)).fullName() : "?");
				if (!places.contains(place) && places.size() < 3) {
					places.add(place);
				}
			}
			return String.join("; ", places);
		}

		private static String names(List<?> items) {
			List<String> names = new ArrayList<>();
			for (Object item : items) {
				String name = switch (item) {
					case AddressConversion.Candidate candidate -> candidate.matchedName();
					case UnitSuccessor successor -> successor.unit().fullName();
					default -> String.valueOf(item);
				};
				if (names.size() < 5) {
					names.add(name);
				}
			}
			return String.join(", ", names) + ((items.size() > 5) ? "…" : "");
		}

	}

}
