package org.scoutline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries of {@code design.md} §4 hold: no cycles, only declared
 * dependencies, no internals used.
 */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(ScoutlineApplication.class);

	/**
	 * where the documentation goes; the Documenter empties it first, so no file of an
	 * earlier run counts
	 */
	static final Path DOCS = Path.of("target", "spring-modulith-docs");

	@Test
	void modulesKeepTheirBoundaries() {
		modules.verify();
	}

	@Test
	void writesTheDocumentationOfEveryModule() {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DOCS.toString())).writeDocumentation();

		assertThat(modules.stream().map(ApplicationModule::getName)).contains("console", "schedule");
		assertThat(DOCS.resolve("components.puml")).as("the overview of all modules").isNotEmptyFile();
		assertThat(DOCS.resolve("all-docs.adoc")).as("the aggregating document").isNotEmptyFile();
		assertThat(modules.stream()).allSatisfy(module -> {
			String id = module.getIdentifier().toString();
			assertThat(DOCS.resolve("module-" + id + ".puml")).as("diagram of " + id).isNotEmptyFile();
			assertThat(DOCS.resolve("module-" + id + ".adoc")).as("canvas of " + id).isNotEmptyFile();
		});
	}

}
