package org.scoutline.platform;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Who may read {@code /actuator/prometheus} (README: "Operating Scoutline"). With neither
 * set, nobody may: the endpoint answers {@code 404}.
 *
 * @param token a secret the scraper sends as {@code Authorization: Bearer <token>}
 * @param allowedNetworks addresses or networks (CIDR, {@code 10.0.0.0/8},
 * {@code 127.0.0.1}) whose requests need no token; checked against the request's remote
 * address (behind a proxy: the proxy's, unless forwarded headers are trusted)
 */
@ConfigurationProperties("scoutline.metrics")
record MetricsSettings(String token, List<String> allowedNetworks) {

	MetricsSettings {
		token = token == null || token.isBlank() ? null : token;
		allowedNetworks = allowedNetworks == null ? List.of()
				: allowedNetworks.stream().map(String::strip).filter(n -> !n.isEmpty()).toList();
		for (String network : allowedNetworks) {
			try {
				new IpAddressMatcher(network);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(
						"scoutline.metrics.allowed-networks: not an address or CIDR network: " + network, ex);
			}
		}
	}

	/**
	 * @return whether anyone at all may read the metrics
	 */
	boolean open() {
		return token != null || !allowedNetworks.isEmpty();
	}

}
