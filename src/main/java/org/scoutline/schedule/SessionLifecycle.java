package org.scoutline.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.scoutline.platform.ScoutlineSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Announces each occurrence's start, escalation stop and end exactly once, however many
 * instances tick: a moment that has come (and is at most the catch-up window old) is
 * published only by the instance that wins its lease, a {@code SET NX} on
 * {@code <prefix>{schedule}:fired:<session>:<start second>:<moment>} that outlives the
 * catch-up window. Moments are computed from the occurrences in their own time zone, so
 * daylight-saving changes move nothing.
 */
class SessionLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SessionLifecycle.class);

	private static final Duration LEASE_MARGIN = Duration.ofDays(2);

	private final LiveSessions sessions;

	private final StringRedisTemplate redis;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Duration catchUp;

	private final String prefix;

	SessionLifecycle(LiveSessions sessions, StringRedisTemplate redis, ApplicationEventPublisher events, Clock clock,
			ScheduleSettings settings, ScoutlineSettings platform) {
		this.sessions = sessions;
		this.redis = redis;
		this.events = events;
		this.clock = clock;
		this.catchUp = settings.lifecycleCatchUp();
		this.prefix = platform.keyPrefix() + "{schedule}:fired:";
	}

	/**
	 * Publishes every moment due now that no instance has published yet. @return how many
	 * this instance published
	 */
	int tick() {
		Instant now = clock.instant();
		int published = 0;
		for (Occurrence occurrence : sessions.occurrences(now.minus(catchUp), now.plusSeconds(1))) {
			for (LifecycleMoment moment : LifecycleMoment.values()) {
				if (due(moment.at(occurrence).toInstant(), now) && claim(occurrence, moment)) {
					events.publishEvent(moment.eventFor(occurrence));
					log.info("live session moment={} session={} start={}", moment, occurrence.session().id(),
							occurrence.start().toOffsetDateTime());
					published++;
				}
			}
		}
		return published;
	}

	private boolean due(Instant at, Instant now) {
		return !at.isAfter(now) && at.isAfter(now.minus(catchUp));
	}

	private boolean claim(Occurrence occurrence, LifecycleMoment moment) {
		Boolean won = redis.opsForValue()
			.setIfAbsent(prefix + occurrence.key() + ":" + moment, "1", catchUp.plus(LEASE_MARGIN));
		return Boolean.TRUE.equals(won);
	}

}
