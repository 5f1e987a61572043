package org.scoutline.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the application (UTC), so that tests can move time where it matters
 * (schedules, expiry).
 */
@Configuration(proxyBeanMethods = false)
class Clocks {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
