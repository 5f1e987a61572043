package org.scoutline.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@code frame-ancestors} of the widget's frame from
 * {@code scoutline.webchat.allowed-origins}.
 */
class FrameAncestorsTests {

	@Test
	void originsAndSpringsPortPatternBecomeCspSources() {
		assertThat(FrameAncestors.of(List.of("https://www.example.org", "https://*.example.org", "http://localhost:[*]",
				"http://127.0.0.1:8080")))
			.isEqualTo("https://www.example.org https://*.example.org http://localhost:* http://127.0.0.1:8080");
		assertThat(FrameAncestors.of(List.of("https://a.example", "*"))).isEqualTo("*");
	}

	@Test
	void anythingThatCouldBreakTheHeaderStopsTheStart() {
		for (String bad : List.of("https://a.example; script-src *", "a.example", "https://a.example/path",
				"javascript://x", "https://a.example:[8080,8081]", " ")) {
			assertThatIllegalArgumentException().isThrownBy(() -> FrameAncestors.of(List.of(bad)))
				.withMessageContaining("scoutline.webchat.allowed-origins");
		}
	}

}
