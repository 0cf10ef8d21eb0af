package vn.ydan.api.units;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import vn.ydan.api.store.Leases;

/**
 * Loads the read model at start-up, before the web server accepts requests, and on the
 * first start (an empty registry) imports the national registry as it stood before
 * 2025-07-01 (63 provinces, 696 districts, 10,035 communes, shipped in {@code demo/}) so
 * that a new user sees real units at once. {@code ydan.demo-data.enabled=false} leaves an
 * empty registry empty.
 */
@Component
class RegistryStartup implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(RegistryStartup.class);

	private final RegistryReadModel registry;

	private final UnitImporter importer;

	private final boolean enabled;

	private final Leases leases;

	RegistryStartup(RegistryReadModel registry, UnitImporter importer,
			@Value("${ydan.demo-data.enabled:true}") boolean enabled, Leases leases) {
		this.registry = registry;
		this.importer = importer;
		this.enabled = enabled;
		this.leases = leases;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!this.enabled) {
			this.registry.reload();
			return;
		}
		// Under the lease, also when the registry is there: api instances starting
		// together on an empty store, one loads, and the others wait for it instead of
		// reading its import half done.
		Boolean loaded = this.leases.runExclusively("demo-data:registry", Duration.ofMinutes(10), () -> {
			this.registry.reload();
			if (this.registry.current().size() == 0) {
				loadDemoRegistry();
			}
			return true;
		});
		if (loaded == null) {
			// Waited in vain: start with what the store holds.
			this.registry.reload();
		}
	}

	private void loadDemoRegistry() {
		long started = System.nanoTime();
		load(UnitImportKind.PROVINCES, "demo/provinces.csv");
		load(UnitImportKind.DISTRICTS, "demo/districts.csv");
		load(UnitImportKind.COMMUNES, "demo/communes.csv");
		log.info("Demo registry loaded: {} units in {} ms", this.registry.current().size(),
				(System.nanoTime() - started) / 1_000_000);
	}

	private void load(UnitImportKind kind, String resource) {
		byte[] bytes;
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			bytes = in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + resource, ex);
		}
		UnitImportResult result = this.importer.importBytes(kind, bytes, null, false);
		if (!result.errors().isEmpty()) {
			throw new IllegalStateException("The demo file " + resource + " does not import: " + result.errors());
		}
	}

}
