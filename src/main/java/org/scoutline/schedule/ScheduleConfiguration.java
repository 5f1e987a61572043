package org.scoutline.schedule;

import java.time.Clock;

import org.scoutline.platform.ScoutlineSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Wires the lifecycle announcements and, unless switched off, ticks them on this
 * instance.
 */
@Configuration(proxyBeanMethods = false)
class ScheduleConfiguration {

	@Bean
	SessionLifecycle sessionLifecycle(LiveSessions sessions, StringRedisTemplate redis,
			ApplicationEventPublisher events, Clock clock, ScheduleSettings settings, ScoutlineSettings platform) {
		return new SessionLifecycle(sessions, redis, events, clock, settings, platform);
	}

	/**
	 * The ticker runs on every instance (the leases make each moment fire once); off with
	 * lifecycle-enabled=false.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	@ConditionalOnProperty(name = "scoutline.schedule.lifecycle-enabled", havingValue = "true", matchIfMissing = true)
	static class Ticking {

		@Bean
		LifecycleTicker lifecycleTicker(SessionLifecycle lifecycle, ScheduleSettings settings) {
			return new LifecycleTicker(lifecycle, settings.lifecycleTick());
		}

	}

}
