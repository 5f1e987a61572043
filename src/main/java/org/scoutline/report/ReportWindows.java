package org.scoutline.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.scoutline.platform.ScoutlineSettings;
import org.scoutline.schedule.LiveSessions;
import org.scoutline.schedule.Occurrence;
import org.scoutline.schedule.SessionCancelled;
import org.scoutline.schedule.SessionEnded;
import org.scoutline.schedule.SessionSaved;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps a report's time range the window its occurrence really had, so that the report
 * and the sessions list never disagree: an end edited while the occurrence runs moves the
 * report's end, an edit that removes the running occurrence (its start moved) ends it
 * now, a cancellation ends it at that moment, and its end is written once more when it
 * ends. Only occurrences that have a report are touched (see {@link SessionReports} for
 * the keys).
 */
@Component
class ReportWindows {

	/** longer than the longest session (24 hours) */
	private static final Duration LONGEST = Duration.ofHours(25);

	private final StringRedisTemplate redis;

	private final LiveSessions sessions;

	private final Clock clock;

	private final String prefix;

	ReportWindows(StringRedisTemplate redis, ScoutlineSettings settings, LiveSessions sessions, Clock clock) {
		this.redis = redis;
		this.sessions = sessions;
		this.clock = clock;
		this.prefix = settings.keyPrefix() + "schedule:report";
	}

	@EventListener
	void on(SessionSaved saved) {
		if (saved.created()) {
			return;
		}
		Instant now = clock.instant();
		for (String occurrence : runningReports(saved.after().id(), now)) {
			Instant end = sessions.occurrence(occurrence).map(o -> o.end().toInstant()).orElse(now);
			end(occurrence, end);
		}
	}

	@EventListener
	void on(SessionCancelled cancelled) {
		if (cancelled.wasLive()) {
			end(cancelled.running().key(), clock.instant());
		}
	}

	@EventListener
	void on(SessionEnded ended) {
		Occurrence occurrence = ended.occurrence();
		end(occurrence.key(), occurrence.end().toInstant());
	}

	/**
	 * @return the reports of the session's occurrences that started and, by their report,
	 * have not ended at {@code now}
	 */
	private Set<String> runningReports(String session, Instant now) {
		Set<String> started = redis.opsForZSet()
			.rangeByScore(prefix + "s", now.minus(LONGEST).getEpochSecond(), now.getEpochSecond());
		if (started == null) {
			return Set.of();
		}
		started.removeIf(key -> !key.startsWith(session + ":") || !endsAfter(key, now));
		return started;
	}

	private boolean endsAfter(String occurrence, Instant now) {
		Object end = redis.opsForHash().get(key(occurrence), "end");
		return end != null && Long.parseLong(end.toString()) > now.getEpochSecond();
	}

	private void end(String occurrence, Instant end) {
		if (redis.opsForHash().hasKey(key(occurrence), "start")) {
			redis.opsForHash().put(key(occurrence), "end", Long.toString(end.getEpochSecond()));
		}
	}

	private String key(String occurrence) {
		return prefix + ":" + occurrence;
	}

}
