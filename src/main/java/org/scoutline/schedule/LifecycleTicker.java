package org.scoutline.schedule;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Looks at the clock every {@code scoutline.schedule.lifecycle-tick}; a failed tick is
 * logged and retried next time.
 */
class LifecycleTicker implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(LifecycleTicker.class);

	private final SessionLifecycle lifecycle;

	private final Duration every;

	LifecycleTicker(SessionLifecycle lifecycle, Duration every) {
		this.lifecycle = lifecycle;
		this.every = every;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::tick, every);
	}

	void tick() {
		try {
			lifecycle.tick();
		}
		catch (RuntimeException ex) {
			log.warn("live session lifecycle tick failed cause={}", ex.getClass().getSimpleName());
		}
	}

}
