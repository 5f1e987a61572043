package org.scoutline.schedule;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

import org.scoutline.support.IntegrationTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole app against the real Redis (see {@link IntegrationTest}) with a clock the
 * test moves, a roster that knows five people, and the background lifecycle ticker off
 * (tests tick themselves). One shared context for the module.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@Import(ScheduleIntegrationTest.Support.class)
@TestPropertySource(properties = "scoutline.schedule.lifecycle-enabled=false")
public @interface ScheduleIntegrationTest {

	Set<String> PEOPLE = Set.of("anna", "ben", "carla", "dana", "sam");

	@TestConfiguration(proxyBeanMethods = false)
	class Support {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock(Instant.parse("2026-01-05T09:00:00Z"));
		}

		@Bean
		@Primary
		Roster knownScouts() {
			return PEOPLE::contains;
		}

	}

	/** A clock the test sets and moves. */
	public final class MovableClock extends Clock {

		private volatile Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		public void set(Instant instant) {
			this.now = instant;
		}

		void advance(Duration duration) {
			this.now = now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

}
