package org.scoutline.handover;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.scoutline.schedule.LiveSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The queue and the people on duty as numbers. The gauges read values this instance
 * refreshes from Redis every {@code scoutline.metrics.gauge-refresh} (default 15 s, a few
 * cheap counts, never a scan), so a scrape costs Redis nothing; every instance reports
 * the same shared values (take the maximum across instances):
 * <ul>
 * <li>{@code scoutline.queue.length}: chats waiting for a scout</li>
 * <li>{@code scoutline.queue.crisis}: of them, crisis chats (imminent danger
 * included)</li>
 * <li>{@code scoutline.scouts.on.duty}: scouts and supervisors checked in</li>
 * <li>{@code scoutline.sessions.open}: live sessions running now</li>
 * </ul>
 * and {@code scoutline.queue.wait}, how long a chat waited until a scout claimed it (a
 * histogram, counted on the instance of the claim).
 */
@Component
class QueueMeters {

	private static final Logger log = LoggerFactory.getLogger(QueueMeters.class);

	private final HandoverStore store;

	private final ScoutDuty duty;

	private final LiveSessions sessions;

	private final Clock clock;

	private final AtomicInteger waiting = new AtomicInteger();

	private final AtomicInteger crisis = new AtomicInteger();

	private final AtomicInteger onDuty = new AtomicInteger();

	private final AtomicInteger open = new AtomicInteger();

	private final Timer waits;

	QueueMeters(MeterRegistry registry, HandoverStore store, ScoutDuty duty, LiveSessions sessions, Clock clock) {
		this.store = store;
		this.duty = duty;
		this.sessions = sessions;
		this.clock = clock;
		gauge(registry, "scoutline.queue.length", waiting, "chats waiting for a scout");
		gauge(registry, "scoutline.queue.crisis", crisis, "crisis chats waiting for a scout");
		gauge(registry, "scoutline.scouts.on.duty", onDuty, "scouts and supervisors checked in");
		gauge(registry, "scoutline.sessions.open", open, "live sessions running now");
		this.waits = Timer.builder("scoutline.queue.wait")
			.description("how long a chat waited in the queue until a scout claimed it")
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofSeconds(1))
			.maximumExpectedValue(Duration.ofHours(2))
			.register(registry);
	}

	private static void gauge(MeterRegistry registry, String name, AtomicInteger value, String description) {
		Gauge.builder(name, value, AtomicInteger::get).description(description).register(registry);
	}

	/** Reads the counts again; when Redis does not answer, the last ones stay. */
	@Scheduled(fixedDelayString = "${scoutline.metrics.gauge-refresh:15s}")
	void refresh() {
		try {
			waiting.set(store.waitingCount(Urgency.BANDS));
			crisis.set(store.waitingCount(Urgency.ORDINARY));
			onDuty.set(duty.onDuty().size());
			Instant now = clock.instant();
			open.set((int) sessions.occurrences(now, now.plusMillis(1)).stream().filter(o -> o.liveAt(now)).count());
		}
		catch (RuntimeException ex) {
			log.debug("queue gauges not refreshed cause={}", ex.getClass().getSimpleName());
		}
	}

	@EventListener
	void on(ChatEvent.ChatClaimed claimed) {
		waits.record(Math.max(0, claimed.waitedMillis()), TimeUnit.MILLISECONDS);
	}

}
