package org.scoutline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Who may frame which page, from the settings: the most specific pattern wins. */
class FrameAncestorsTests {

	private final MockEnvironment environment = new MockEnvironment()
		.withProperty("scoutline.webchat.allowed-origins[0]", "https://beratung.example")
		.withProperty("scoutline.webchat.allowed-origins[1]", "https://*.schule.example:[8443,9443]");

	@Test
	void byDefaultNothingMayBeFramedButTheDemoPageByItselfAndTheWidgetPagesByTheWidgetsOrigins() {
		FrameAncestors frames = FrameAncestors.of(new SecuritySettings(null), environment);
		assertThat(frames.forPath("/console")).isEqualTo("'none'");
		assertThat(frames.forPath("/console/index.html")).isEqualTo("'none'");
		assertThat(frames.forPath("/login")).isEqualTo("'none'");
		assertThat(frames.forPath("/")).isEqualTo("'self'");
		assertThat(frames.forPath("/index.html")).isEqualTo("'self'");
		assertThat(frames.forPath("/widget/frame")).isEqualTo("https://beratung.example https://*.schule.example:*");
	}

	@Test
	void aSettingReplacesOneDefaultAndKeepsTheOthers() {
		FrameAncestors frames = FrameAncestors.of(new SecuritySettings(Map.of("/", "https://partner.example 'self'")),
				environment);
		assertThat(frames.forPath("/")).isEqualTo("https://partner.example 'self'");
		assertThat(frames.forPath("/console")).isEqualTo("'none'");
	}

	@Test
	void aValueThatWouldBreakOutOfTheHeaderStopsTheStart() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FrameAncestors.of(new SecuritySettings(Map.of("/", "'self'; script-src *")), environment))
			.withMessageContaining("scoutline.security.frame-ancestors[/]");
	}

}
