package org.scoutline.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scoutline.conversation.Channel;
import org.scoutline.platform.ScoutlineSettings;
import org.scoutline.support.RedisTestSupport.TestKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Start, escalation stop and end of each occurrence are published exactly once, however
 * many instances tick, at the right instant on both sides of a daylight-saving change.
 */
@ScheduleIntegrationTest
@RecordApplicationEvents
class SessionLifecycleTests {

	@Autowired
	LiveSessions sessions;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	ScheduleSettings settings;

	@Autowired
	ScoutlineSettings platform;

	@Autowired
	TestKeys keys;

	@Autowired
	ScheduleIntegrationTest.MovableClock clock;

	@Autowired
	SessionLifecycle appLifecycle;

	@Autowired
	ApplicationEvents appEvents;

	@BeforeEach
	void weeklyEvenings() {
		keys.clear();
		clock.set(Instant.parse("2026-03-20T09:00:00Z"));
		// Tuesdays 18:00-20:00 Berlin; escalations stop at 19:50. 24 March is winter
		// time, 31 March summer time
		sessions.create(Sessions.evenings()
			.startingAt("2026-03-17T18:00")
			.endingAt("2026-03-17T20:00")
			.repeating("FREQ=WEEKLY;BYDAY=TU")
			.withScouts("anna")
			.build());
	}

	@Test
	void twoInstancesTickingTogetherPublishEachMomentExactlyOnce() {
		Queue<Object> eventsA = new ConcurrentLinkedQueue<>();
		Queue<Object> eventsB = new ConcurrentLinkedQueue<>();
		SessionLifecycle a = new SessionLifecycle(sessions, redis, eventsA::add, clock, settings, platform);
		SessionLifecycle b = new SessionLifecycle(sessions, redis, eventsB::add, clock, settings, platform);

		for (String day : List.of("2026-03-24", "2026-03-31")) {
			Instant at = Instant.parse(day + "T15:00:00Z");
			while (at.isBefore(Instant.parse(day + "T21:00:00Z"))) {
				clock.set(at);
				CompletableFuture<Integer> tickA = CompletableFuture.supplyAsync(a::tick);
				CompletableFuture<Integer> tickB = CompletableFuture.supplyAsync(b::tick);
				CompletableFuture.allOf(tickA, tickB).join();
				at = at.plus(Duration.ofMinutes(1));
			}
		}

		List<Object> all = new ArrayList<>(eventsA);
		all.addAll(eventsB);
		assertThat(all).extracting(SessionLifecycleTests::describe)
			.containsExactlyInAnyOrder("SessionOpened 2026-03-24T17:00:00Z", "EscalationsStopped 2026-03-24T18:50:00Z",
					"SessionEnded 2026-03-24T19:00:00Z", "SessionOpened 2026-03-31T16:00:00Z",
					"EscalationsStopped 2026-03-31T17:50:00Z", "SessionEnded 2026-03-31T18:00:00Z");
		assertThat(appEvents.stream(SessionOpened.class)).as("the app's own ticker is off in tests").isEmpty();
	}

	@Test
	void aMomentIsPublishedAtItsInstantNotBeforeAndNotAgain() {
		Queue<Object> eventsA = new ConcurrentLinkedQueue<>();
		Queue<Object> eventsB = new ConcurrentLinkedQueue<>();
		SessionLifecycle a = new SessionLifecycle(sessions, redis, eventsA::add, clock, settings, platform);
		SessionLifecycle b = new SessionLifecycle(sessions, redis, eventsB::add, clock, settings, platform);

		clock.set(Instant.parse("2026-03-31T15:59:59Z"));
		assertThat(a.tick() + b.tick()).isZero();
		clock.set(Instant.parse("2026-03-31T16:00:00Z"));
		assertThat(a.tick()).isEqualTo(1);
		assertThat(b.tick()).isZero();
		clock.set(Instant.parse("2026-03-31T16:05:00Z"));
		assertThat(a.tick() + b.tick()).isZero();
		assertThat(eventsA).extracting(SessionLifecycleTests::describe)
			.containsExactly("SessionOpened 2026-03-31T16:00:00Z");
		assertThat(eventsB).isEmpty();
	}

	@Test
	void aMomentMissedWhileEveryInstanceWasDownFiresWithinTheCatchUpWindowOnly() {
		Queue<Object> events = new ConcurrentLinkedQueue<>();
		SessionLifecycle late = new SessionLifecycle(sessions, redis, events::add, clock, settings, platform);
		clock.set(Instant.parse("2026-03-31T16:09:00Z")); // 9 minutes late: still opened
		assertThat(late.tick()).isEqualTo(1);
		// 11 minutes after the end: stop and end both too old
		clock.set(Instant.parse("2026-03-31T18:11:00Z"));
		assertThat(late.tick()).isZero();
		assertThat(events).extracting(SessionLifecycleTests::describe)
			.containsExactly("SessionOpened 2026-03-31T16:00:00Z");
	}

	@Test
	void theApplicationPublishesSpringEventsForListeners() {
		clock.set(Instant.parse("2026-03-31T17:50:00Z"));
		appLifecycle.tick();
		assertThat(appEvents.stream(EscalationsStopped.class)).hasSize(1)
			.allSatisfy(event -> assertThat(event.occurrence().session().scouts()).containsExactly("anna"));
		assertThat(appEvents.stream(SessionOpened.class)).as("16:00 is older than the catch-up window").isEmpty();
	}

	@Test
	void cancellingARunningSessionIsAnnouncedOnceAndClosesAtOnce() {
		LiveSession session = sessions.all().get(0);
		clock.set(Instant.parse("2026-03-31T16:30:00Z"));
		assertThat(sessions.openingNow(Channel.WEB, "anna"::equals, 0).open()).isTrue();
		sessions.cancel(session.id());
		assertThat(sessions.openingNow(Channel.WEB, "anna"::equals, 0).open()).isFalse();
		assertThat(appEvents.stream(SessionCancelled.class)).singleElement().satisfies(cancelled -> {
			assertThat(cancelled.wasLive()).isTrue();
			assertThat(cancelled.running().start().toInstant()).isEqualTo(Instant.parse("2026-03-31T16:00:00Z"));
		});
		assertThatThrownBy(() -> sessions.cancel(session.id())).isInstanceOf(UnknownSessionException.class);
		assertThat(appEvents.stream(SessionCancelled.class)).hasSize(1);
	}

	private static String describe(Object event) {
		if (event instanceof SessionOpened opened) {
			return "SessionOpened " + opened.occurrence().start().toInstant();
		}
		if (event instanceof EscalationsStopped stopped) {
			return "EscalationsStopped " + stopped.occurrence().escalationsStopAt().toInstant();
		}
		return "SessionEnded " + ((SessionEnded) event).occurrence().end().toInstant();
	}

}
