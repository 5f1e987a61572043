package org.scoutline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may read the metrics: the configured bearer token, or a request from a configured
 * network; nobody when neither is configured.
 */
class MetricsAccessTests {

	@Test
	void nobodyPassesWhenNeitherATokenNorANetworkIsConfigured() {
		MetricsSettings settings = new MetricsSettings(" ", null);
		assertThat(settings.open()).isFalse();
		assertThat(allowed(settings, "127.0.0.1", "Bearer ")).isFalse();
		assertThat(allowed(settings, "127.0.0.1", null)).isFalse();
	}

	@Test
	void theRightBearerTokenPassesFromAnywhereAndNothingElseDoes() {
		MetricsSettings settings = new MetricsSettings("scrape-me-42", List.of());
		assertThat(allowed(settings, "203.0.113.9", "Bearer scrape-me-42")).isTrue();
		assertThat(allowed(settings, "203.0.113.9", "bearer scrape-me-42")).isTrue();
		assertThat(allowed(settings, "203.0.113.9", "Bearer scrape-me-43")).isFalse();
		assertThat(allowed(settings, "203.0.113.9", "Bearer scrape-me-4")).isFalse();
		assertThat(allowed(settings, "203.0.113.9", "Basic c2NyYXBlLW1lLTQy")).isFalse();
		assertThat(allowed(settings, "203.0.113.9", null)).isFalse();
	}

	@Test
	void aRequestFromAConfiguredNetworkPassesWithoutAToken() {
		MetricsSettings settings = new MetricsSettings(null, List.of("10.0.0.0/8", " 192.168.1.7 ", "fd00::/8"));
		assertThat(allowed(settings, "10.42.0.3", null)).isTrue();
		assertThat(allowed(settings, "192.168.1.7", null)).isTrue();
		assertThat(allowed(settings, "fd00::1", null)).isTrue();
		assertThat(allowed(settings, "192.168.1.8", null)).isFalse();
		assertThat(allowed(settings, "11.0.0.1", null)).isFalse();
	}

	@Test
	void aNetworkThatIsNoAddressStopsTheStartWithItsSettingNamed() {
		assertThatThrownBy(() -> new MetricsSettings(null, List.of("10.0.0.0/40")))
			.hasMessageContaining("scoutline.metrics.allowed-networks")
			.hasMessageContaining("10.0.0.0/40");
	}

	private static boolean allowed(MetricsSettings settings, String from, String authorization) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/prometheus");
		request.setRemoteAddr(from);
		if (authorization != null) {
			request.addHeader("Authorization", authorization);
		}
		return new MetricsSecurity.MetricsAccess(settings).check(() -> null, new RequestAuthorizationContext(request))
			.isGranted();
	}

}
