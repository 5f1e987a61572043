package org.scoutline.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.Test;
import org.scoutline.support.RedisTestSupport.TestKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.TestPropertySource;

/**
 * The app's own ticker runs on its schedule and plain {@code @EventListener}s (as issue
 * 4's will be) receive the events.
 */
@ScheduleIntegrationTest
@TestPropertySource(
		properties = { "scoutline.schedule.lifecycle-enabled=true", "scoutline.schedule.lifecycle-tick=100ms" })
@Import(LifecycleTickerTests.Listener.class)
class LifecycleTickerTests {

	@Autowired
	LiveSessions sessions;

	@Autowired
	ScheduleIntegrationTest.MovableClock clock;

	@Autowired
	Listener listener;

	@Autowired
	TestKeys keys;

	@Test
	void listenersHearTheStartTheStopAndTheEndOnce() {
		keys.clear();
		clock.set(Instant.parse("2026-10-20T09:00:00Z"));
		// after the autumn change: 18:00 Berlin is 17:00 UTC
		sessions.create(Sessions.evenings()
			.startingAt("2026-10-27T18:00")
			.endingAt("2026-10-27T20:00")
			.withScouts("anna")
			.build());

		clock.set(Instant.parse("2026-10-27T17:00:00Z"));
		await().atMost(Duration.ofSeconds(5)).until(() -> listener.heard.size() == 1);
		clock.set(Instant.parse("2026-10-27T18:55:00Z"));
		await().atMost(Duration.ofSeconds(5)).until(() -> listener.heard.size() == 2);
		clock.set(Instant.parse("2026-10-27T19:00:00Z"));
		await().atMost(Duration.ofSeconds(5)).until(() -> listener.heard.size() == 3);
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> listener.heard.size() == 3);
		assertThat(listener.heard).extracting(event -> event.getClass().getSimpleName())
			.containsExactly("SessionOpened", "EscalationsStopped", "SessionEnded");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Listener {

		final Queue<Object> heard = new ConcurrentLinkedQueue<>();

		@EventListener
		void on(SessionOpened event) {
			heard.add(event);
		}

		@EventListener
		void on(EscalationsStopped event) {
			heard.add(event);
		}

		@EventListener
		void on(SessionEnded event) {
			heard.add(event);
		}

	}

}
