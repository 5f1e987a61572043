package org.scoutline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries of {@code design.md} §4 hold: no cycles, only declared dependencies, no internals used. */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(ScoutlineApplication.class);

	@Test
	void modulesKeepTheirBoundaries() {
		modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		Documenter documenter = new Documenter(modules);
		documenter.writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
		assertThat(Path.of("target/spring-modulith-docs/components.puml")).exists();
		assertThat(modules.stream().map(module -> module.getName()))
			.contains("conversation", "dialogue", "safety", "directory", "channel", "hotline", "handover", "platform");
	}

}
