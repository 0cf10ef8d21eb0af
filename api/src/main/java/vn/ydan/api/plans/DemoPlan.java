package vn.ydan.api.plans;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import vn.ydan.api.access.Roles;
import vn.ydan.api.units.UnitLevel;
import vn.ydan.api.units.UnitRecord;
import vn.ydan.api.units.UnitRegistry;
import vn.ydan.api.store.Leases;

/**
 * On the first start with the demo registry, the real Hanoi plan (Resolution
 * 1656/NQ-UBTVQH15, shipped in {@code demo/}) as a published plan, so that a new user can
 * walk it through consultation, adoption and applying; beside it, the four sample
 * provincial tables of the national reform as drafts. Created by the user {@code system}.
 */
@Component
@org.springframework.core.annotation.Order(1)
class DemoPlan implements ApplicationRunner {

	static final String TITLE = "Phương án sắp xếp đơn vị hành chính cấp xã của thành phố Hà Nội năm 2025";

	private static final Logger log = LoggerFactory.getLogger(DemoPlan.class);

	private static final LocalDate EFFECTIVE = LocalDate.of(2025, 7, 1);

	private final PlanService service;

	private final Plans plans;

	private final UnitRegistry registry;

	private final boolean enabled;

	private final Leases leases;

	DemoPlan(PlanService service, Plans plans, UnitRegistry registry,
			@Value("${ydan.demo-data.enabled:true}") boolean enabled, Leases leases) {
		this.service = service;
		this.plans = plans;
		this.registry = registry;
		this.enabled = enabled;
		this.leases = leases;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.enabled || !this.plans.findAll().isEmpty()) {
			return;
		}
		// Api instances starting together on an empty store: one creates the plans, the
		// others wait and then find them.
		this.leases.runExclusively("demo-data:plans", Duration.ofMinutes(10), () -> {
			if (this.plans.findAll().isEmpty()) {
				create();
			}
			return true;
		});
	}

	private void create() {
		UnitRecord hanoi = this.registry.byCode("01", UnitLevel.PROVINCE, EFFECTIVE.minusDays(1));
		if (hanoi == null || this.registry.descendants(hanoi.id(), UnitLevel.DISTRICT, EFFECTIVE).isEmpty()) {
			return;
		}
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContextHolder.setContext(SecurityContextHolder.createEmptyContext());
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("system", null,
					List.of(new SimpleGrantedAuthority(Roles.AUTHORITY_PREFIX + Roles.ADMIN))));
		try {
			long started = System.nanoTime();
			PlanPayload created = this.service.create(TITLE, List.of(hanoi.id()), EFFECTIVE,
					List.of(UnitLevel.DISTRICT));
			String id = created.plan().id();
			PlanImportResult imported = this.service.importUnits(id, 1, csv(), false);
			if (!imported.errors().isEmpty() || !imported.userErrors().isEmpty()) {
				throw new IllegalStateException("The demo plan does not import: " + imported);
			}
			PlanPayload published = this.service.changeStatus(id, 2, PlanStatus.PUBLISHED);
			if (!published.userErrors().isEmpty()) {
				throw new IllegalStateException("The demo plan does not publish: " + published.userErrors());
			}
			log.info("Demo plan loaded: {} new units, {} links ({} ms)", imported.proposedUnits(), imported.links(),
					(System.nanoTime() - started) / 1_000_000);
			loadSampleProvinces();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	/**
	 * The four sample provincial tables of 2025 (Phú Thọ, Hồ Chí Minh City, Đồng Tháp, An
	 * Giang), each a draft over its old provinces with the province merger and its
	 * communes, as an official would load them: ready to validate, publish and apply.
	 */
	private void loadSampleProvinces() {
		long started = System.nanoTime();
		String mergers = resource("demo/vietnam-2025/provinces_after.csv");
		for (String line : mergers.lines().skip(1).toList()) {
			String[] fields = line.split(",", -1);
			String code = fields[0];
			ClassPathResource table = new ClassPathResource("demo/vietnam-2025/plan_" + code + ".csv");
			if (!table.exists()) {
				continue;
			}
			List<String> scope = new java.util.ArrayList<>();
			for (String old : fields[4].split(";")) {
				UnitRecord province = this.registry.byCode(old, UnitLevel.PROVINCE, EFFECTIVE.minusDays(1));
				if (province != null) {
					scope.add(province.id());
				}
			}
			PlanPayload created = this.service.create(
					"Phương án sắp xếp đơn vị hành chính cấp xã của " + fields[2] + " (mẫu năm 2025)", scope, EFFECTIVE,
					List.of(UnitLevel.DISTRICT));
			String id = created.plan().id();
			PlanImportResult provinces = this.service.importUnits(id, 1, mergers, false);
			PlanImportResult communes = this.service.importUnits(id, 2,
					resource("demo/vietnam-2025/plan_" + code + ".csv"), false);
			if (!provinces.errors().isEmpty() || !communes.errors().isEmpty() || !communes.userErrors().isEmpty()) {
				log.warn("Sample plan {} did not import: {} {}", code, provinces.errors(), communes.errors());
			}
		}
		log.info("Sample provincial plans of 2025 loaded as drafts ({} ms)", (System.nanoTime() - started) / 1_000_000);
	}

	private static String csv() {
		return resource("demo/hanoi-plan-nq1656.csv");
	}

	private static String resource(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
