package vn.ydan.api.consultations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import vn.ydan.api.access.Roles;
import vn.ydan.api.plans.PlanOutline;
import vn.ydan.api.plans.PlanOutlines;
import vn.ydan.api.units.UnitLevel;
import vn.ydan.api.units.UnitRecord;
import vn.ydan.api.units.UnitRegistry;
import vn.ydan.api.store.Leases;
import vn.ydan.api.units.UnitType;
import vn.ydan.api.protocol.VietnamTime;

/**
 * On the first start with demo data: a consultation of Hanoi's communes on the demo plan,
 * open for a week from the start, over a SYNTHETIC electorate (two residential groups of
 * 8 to 22 households per commune, household ids {@code ho-<commune code>-<nnnn>}; no real
 * households), with a quarter of the households already answered online. With
 * {@code ydan.demo-data.simulate-answers=true} (set by {@code ./ydan run}) a few
 * synthetic households answer every second, so that a new user can watch results come in.
 */
@Component
@Order(2)
class DemoConsultation implements ApplicationRunner, DisposableBean {

	static final String TITLE = "Lấy ý kiến cử tri về phương án sắp xếp đơn vị hành chính cấp xã của Hà Nội "
			+ "(dữ liệu mô phỏng)";

	private static final Logger log = LoggerFactory.getLogger(DemoConsultation.class);

	private final ConsultationService service;

	private final Consultations consultations;

	private final Households households;

	private final Answers answers;

	private final ResultBoard board;

	private final PlanOutlines plans;

	private final UnitRegistry registry;

	private final boolean enabled;

	private final boolean simulate;

	private final Clock clock;

	private final Leases leases;

	private @Nullable ScheduledExecutorService simulator;

	DemoConsultation(ConsultationService service, Consultations consultations, Households households, Answers answers,
			ResultBoard board, PlanOutlines plans, UnitRegistry registry,
			@Value("${ydan.demo-data.enabled:true}") boolean demo,
			@Value("${ydan.demo-data.consultation:true}") boolean consultation,
			@Value("${ydan.demo-data.simulate-answers:false}") boolean simulate, Clock clock, Leases leases) {
		this.leases = leases;
		this.service = service;
		this.consultations = consultations;
		this.households = households;
		this.answers = answers;
		this.board = board;
		this.plans = plans;
		this.registry = registry;
		this.enabled = demo && consultation;
		this.simulate = simulate;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.enabled) {
			return;
		}
		// In the background: the synthetic electorate takes tens of seconds to store, and
		// the
		// api serves meanwhile (the consultation appears when it is ready).
		Thread loader = new Thread(this::load, "demo-consultation");
		loader.setDaemon(true);
		loader.start();
	}

	private void load() {
		try {
			loadOrResume();
		}
		catch (RuntimeException ex) {
			log.error("The demo consultation could not be loaded", ex);
		}
	}

	private void loadOrResume() {
		// Api instances starting together on an empty store: one creates the
		// consultation, the others wait and then find it.
		this.leases.runExclusively("demo-data:consultation", Duration.ofMinutes(10), () -> {
			findOrCreate();
			return true;
		});
	}

	private void findOrCreate() {
		Consultation existing = this.consultations.findAll()
			.stream()
			.filter((consultation) -> consultation.title().equals(TITLE))
			.findFirst()
			.orElse(null);
		if (existing == null && this.consultations.findAll().isEmpty()) {
			existing = create();
		}
		if (existing != null && this.simulate && existing.status() == ConsultationStatus.OPEN) {
			simulate(existing);
		}
	}

	private @Nullable Consultation create() {
		LocalDate asOf = LocalDate.of(2025, 4, 18);
		UnitRecord hanoi = this.registry.byCode("01", UnitLevel.PROVINCE, asOf);
		String planId = demoPlanId();
		PlanOutline plan = (planId != null) ? this.plans.outline(planId) : null;
		if (hanoi == null || plan == null) {
			return null;
		}
		long started = System.nanoTime();
		List<UnitRecord> communes = this.registry.descendants(hanoi.id(), UnitLevel.COMMUNE, asOf);
		StringBuilder groups = new StringBuilder("commune_code,code,name,type,households\n");
		List<int[]> sizes = new ArrayList<>();
		for (UnitRecord commune : communes) {
			Random random = new Random(commune.code().hashCode());
			String type = (commune.type() == UnitType.XA) ? "thôn" : "tổ dân phố";
			String prefix = (commune.type() == UnitType.XA) ? "Thôn " : "Tổ dân phố ";
			int[] size = { 8 + random.nextInt(15), 8 + random.nextInt(15) };
			sizes.add(size);
			for (int group = 1; group <= 2; group++) {
				groups.append(commune.code())
					.append(',')
					.append(group)
					.append(',')
					.append(prefix)
					.append(group)
					.append(',')
					.append(type)
					.append(',')
					.append(size[group - 1])
					.append('\n');
			}
		}
		long groupsStarted = System.nanoTime();
		this.registry.importResidentialGroups(groups.toString());
		log.info("Demo consultation: {} residential groups in {} ms", communes.size() * 2,
				(System.nanoTime() - groupsStarted) / 1_000_000);
		List<Households.Household> register = new ArrayList<>();
		for (int i = 0; i < communes.size(); i++) {
			UnitRecord commune = communes.get(i);
			int number = 1;
			for (int group = 1; group <= 2; group++) {
				String groupId = groupId(commune, String.valueOf(group), asOf);
				for (int h = 0; h < sizes.get(i)[group - 1]; h++) {
					register.add(new Households.Household("ho-%s-%04d".formatted(commune.code(), number++),
							commune.id(), groupId));
				}
			}
		}
		this.households.saveAll(register);
		Consultation scheduled = asSystem(() -> {
			Instant now = this.clock.instant();
			var created = this.service.create(plan.id(), TITLE, now.minus(Duration.ofHours(1)),
					now.plus(Duration.ofDays(7)), null, null, null, null);
			if (created.consultation() == null) {
				throw new IllegalStateException("The demo consultation is refused: " + created.userErrors());
			}
			return created.consultation();
		});
		// A quarter of the households answered already; most agree. Stored before
		// opening,
		// so that the results counted at opening include them.
		Random random = new Random(2025);
		// The choices come from a random of their own: the households that answered stay
		// those of the seed above.
		Random choices = new Random(2026);
		Map<String, Consultation.ConsultedUnit> forms = forms(scheduled);
		List<Answers.Answer> seeded = new ArrayList<>();
		Instant at = this.clock.instant();
		for (Households.Household household : register) {
			if (random.nextInt(4) == 0 && !household.id().equals("ho-00004-0001")) {
				boolean agree = random.nextInt(10) < 8;
				Form form = Form.filledIn(forms.get(household.communeId()), agree, choices);
				seeded.add(new Answers.Answer(scheduled.id(), household.id(), household.communeId(),
						household.groupId(), agree, form.nameChoice(), "demo", "ydan-demo", at,
						"demo-" + household.id(), form.further()));
			}
		}
		this.answers.insertAll(seeded);
		Consultation consultation = asSystem(() -> {
			var opened = this.service.open(scheduled.id());
			if (opened.consultation() == null) {
				throw new IllegalStateException("The demo consultation does not open: " + opened.userErrors());
			}
			return opened.consultation();
		});
		log.info("Demo consultation loaded (synthetic): {} communes, {} households, {} answers ({} ms)",
				communes.size(), register.size(), seeded.size(), (System.nanoTime() - started) / 1_000_000);
		return consultation;
	}

	private String groupId(UnitRecord commune, String code, LocalDate asOf) {
		for (UnitRecord group : this.registry.children(commune.id(), asOf)) {
			if (code.equals(group.code())) {
				return group.id();
			}
		}
		throw new IllegalStateException("No group " + code + " in " + commune.fullName());
	}

	private @Nullable String demoPlanId() {
		// The demo plan is the only plan on a first start.
		return this.plans.firstPlanId();
	}

	/** A few synthetic households answer every second while the consultation is open. */
	private void simulate(Consultation consultation) {
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "demo-answers");
			thread.setDaemon(true);
			return thread;
		});
		Random random = new Random();
		List<Households.GroupSize> groups = this.households.frozenGroups(consultation.id());
		Map<String, Consultation.ConsultedUnit> forms = forms(consultation);
		executor.scheduleWithFixedDelay(() -> {
			try {
				// One group a second: the frozen register is never read whole.
				List<Households.Household> group = this.households.frozenInGroup(consultation.id(),
						groups.get(random.nextInt(groups.size())).groupId());
				for (int i = 0; i < 3 && !group.isEmpty(); i++) {
					Households.Household household = group.get(random.nextInt(group.size()));
					if (household.id().equals("ho-00004-0001")
							|| this.answers.find(consultation.id(), household.id()) != null) {
						continue;
					}
					ResultBoard.Board counts = this.board.of(consultation);
					if (counts.paperVerified(household.groupId())) {
						// As for residents: the group's paper count holds now.
						continue;
					}
					boolean agree = random.nextInt(10) < 8;
					Form form = Form.filledIn(forms.get(household.communeId()), agree, random);
					Answers.Answer answer = new Answers.Answer(consultation.id(), household.id(), household.communeId(),
							household.groupId(), agree, form.nameChoice(), "demo", "ydan-demo", this.clock.instant(),
							"demo-" + household.id(), form.further());
					if (this.answers.insert(answer)) {
						counts.answered(household.groupId(), agree, form.nameChoice(), form.further());
					}
				}
			}
			catch (RuntimeException ex) {
				log.debug("Demo answer failed: {}", ex.toString());
			}
		}, 1, 1, TimeUnit.SECONDS);
		this.simulator = executor;
		log.info("Demo: synthetic households answer every second until {}",
				ZonedDateTime.ofInstant(consultation.closesAt(), VietnamTime.ZONE));
	}

	private static Map<String, Consultation.ConsultedUnit> forms(Consultation consultation) {
		Map<String, Consultation.ConsultedUnit> forms = new HashMap<>();
		consultation.units().forEach((unit) -> forms.put(unit.unitId(), unit));
		return forms;
	}

	/**
	 * A synthetic household's form: besides agree or not, a choice for every question
	 * with choices its commune is asked (the new commune's name and seat, the new
	 * province's name) and agree or not for the province merger, so that the demo's
	 * results have names to count. The plan's first choice is chosen more often than the
	 * others, as in 2025.
	 *
	 * @param nameChoice the name chosen, null when the commune is asked none
	 * @param further the other questions' answers
	 */
	record Form(@Nullable String nameChoice, Map<Question.Key, String> further) {

		static Form filledIn(Consultation.@Nullable ConsultedUnit unit, boolean agree, Random random) {
			if (unit == null) {
				return new Form(null, Map.of());
			}
			String name = null;
			Map<Question.Key, String> further = new EnumMap<>(Question.Key.class);
			for (Question question : unit.questions()) {
				switch (question.key()) {
					case NAME -> name = pick(question.choices(), random);
					case SEAT, PROVINCE_NAME -> further.put(question.key(), pick(question.choices(), random));
					// Most who agree with the commune's arrangement agree with the
					// province's.
					case PROVINCE_MERGER -> further.put(question.key(),
							String.valueOf(agree ? random.nextInt(10) < 9 : random.nextInt(10) < 3));
					case ARRANGEMENT -> {
					}
				}
			}
			return new Form(name, further);
		}

		/** The first choice six times in ten, else one of the others. */
		private static String pick(List<String> choices, Random random) {
			if (choices.size() == 1 || random.nextInt(10) < 6) {
				return choices.get(0);
			}
			return choices.get(1 + random.nextInt(choices.size() - 1));
		}

	}

	private static <T> T asSystem(java.util.function.Supplier<T> action) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContextHolder.setContext(SecurityContextHolder.createEmptyContext());
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("system", null,
					List.of(new SimpleGrantedAuthority(Roles.AUTHORITY_PREFIX + Roles.ADMIN))));
		try {
			return action.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	@Override
	public void destroy() {
		if (this.simulator != null) {
			this.simulator.shutdownNow();
		}
	}

}
