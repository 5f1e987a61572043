package org.scoutline.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scoutline.ScoutlineApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.StreamUtils;

/**
 * The application refuses to start with a broken triage script, and says where and why.
 */
class StartupValidationTests {

	@Test
	void aBrokenScriptStopsTheStartWithFilePlaceAndReason(@TempDir Path dir) throws Exception {
		String shipped = StreamUtils.copyToString(new ClassPathResource("config/triage.yml").getInputStream(),
				StandardCharsets.UTF_8);
		String broken = shipped.replaceFirst("- to: helper_role", "- to: nowhere")
			.replaceFirst("\nstates:\n", "\nstates:\n  lost:\n    ask: missing.key\n    choices:\n"
					+ "      - {id: x, label: choice.unsure}\n    next:\n      - to: plan\n");
		Path script = dir.resolve("broken.yml");
		Files.writeString(script, broken);
		SpringApplication app = new SpringApplication(ScoutlineApplication.class);
		app.setWebApplicationType(WebApplicationType.NONE);
		Throwable failure = catchThrowable(() -> app.run("--scoutline.dialogue.script=file:" + script,
				"--scoutline.key-prefix=sl-test-startup:", "--scoutline.pseudonym-key=test-only",
				"--scoutline.data-key=test-only", "--logging.level.root=off"));
		Throwable cause = failure;
		while (cause != null && !(cause instanceof InvalidScriptException)) {
			cause = cause.getCause();
		}
		assertThat(cause).as("the start failed because of the script").isInstanceOf(InvalidScriptException.class);
		assertThat(cause.getMessage()).contains("broken.yml: states.lost: unreachable")
			.contains("broken.yml: states.situation.next[0].to: unknown state 'nowhere'")
			.contains("text 'missing.key' is missing in locale 'de'");
	}

}
