package org.scoutline.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.scoutline.handover.ChatEvent;
import org.scoutline.handover.CrisisSignalled;
import org.scoutline.handover.EscalationRefused;
import org.scoutline.platform.ScoutlineSettings;
import org.scoutline.schedule.LiveSessions;
import org.scoutline.schedule.Occurrence;
import org.scoutline.schedule.SessionOpened;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

/**
 * Records how each occurrence of a live session goes and reads it back as a
 * {@link SessionReport}. Only counts and durations are kept, never a conversation id, so
 * the keys are not about a person; they still expire after {@link #KEEP}. Keys:
 * {@code schedule:report:<occurrence>} (a hash of counters and the occurrence's title and
 * times), {@code schedule:report:<occurrence>:waits} and {@code :lengths} (lists of
 * seconds), and the index {@code schedule:reports} (occurrences by start).
 */
@Service
public class SessionReports {

	/** how long a report is kept */
	static final Duration KEEP = Duration.ofDays(400);

	private static final String OUTCOME = "outcome:";

	private static final String REFUSED = "refused:";

	private final StringRedisTemplate redis;

	private final String prefix;

	private final LiveSessions sessions;

	private final Clock clock;

	SessionReports(StringRedisTemplate redis, ScoutlineSettings settings, LiveSessions sessions, Clock clock) {
		this.redis = redis;
		this.sessions = sessions;
		this.clock = clock;
		this.prefix = settings.keyPrefix() + "schedule:report";
	}

	@EventListener
	void on(SessionOpened opened) {
		register(opened.occurrence());
	}

	/** A user asked for a scout while a session was live and was turned away. */
	@EventListener
	void on(EscalationRefused refused) {
		register(refused.session());
		increment(refused.session(), "refused");
		if (refused.reason() != null && refused.reason().matches("[a-z_]{1,40}")) {
			increment(refused.session(), REFUSED + refused.reason());
		}
	}

	/** A user joined the queue while a session was live. */
	@EventListener
	void on(ChatEvent.ChatQueued queued) {
		if (queued.session() == null) {
			return;
		}
		register(queued.session());
		increment(queued.session(), "waited");
	}

	/**
	 * A chat of the session has a crisis for the first time (at joining, while waiting or
	 * talking, or referred to crisis help by the scout): counted once per chat.
	 */
	@EventListener
	void on(CrisisSignalled signalled) {
		register(signalled.session());
		increment(signalled.session(), "crisis");
	}

	/** A scout took a chat that waited. */
	@EventListener
	void on(ChatEvent.ChatClaimed claimed) {
		increment(claimed.session(), "chats");
		append(claimed.session(), "waits", Duration.ofMillis(claimed.waitedMillis()));
	}

	/** A waiting user left the queue, or was still waiting when the session ended. */
	@EventListener
	void on(ChatEvent.ChatLeft left) {
		increment(left.session(), left.sessionEnded() ? "unreached" : "gaveUp");
	}

	/** A scout closed a chat with an outcome. */
	@EventListener
	void on(ChatEvent.ChatClosed closed) {
		increment(closed.session(), OUTCOME + closed.outcome());
		append(closed.session(), "lengths", Duration.ofMillis(closed.talkedMillis()));
	}

	/**
	 * @return the report of one occurrence, if it opened or saw any activity
	 */
	public Optional<SessionReport> report(String occurrence) {
		Map<Object, Object> fields = redis.opsForHash().entries(key(occurrence));
		if (fields.isEmpty() || !fields.containsKey("start")) {
			return Optional.empty();
		}
		return Optional.of(read(occurrence, fields));
	}

	/**
	 * @return the reports of the occurrences that started in {@code [from, to)}, newest
	 * first
	 */
	public List<SessionReport> between(Instant from, Instant to) {
		Set<String> keys = redis.opsForZSet()
			.reverseRangeByScore(prefix + "s", from.getEpochSecond(), to.getEpochSecond() - 1);
		List<SessionReport> reports = new ArrayList<>();
		if (keys != null) {
			keys.forEach(key -> report(key).ifPresent(reports::add));
		}
		return reports;
	}

	/**
	 * Registers the occurrence named by {@code key} when the instance missed its opening
	 * (or it never opened here).
	 */
	private void register(String key) {
		if (key != null && !redis.opsForHash().hasKey(key(key), "start")) {
			sessions.occurrence(key).ifPresent(this::register);
		}
	}

	private void register(Occurrence occurrence) {
		String key = key(occurrence.key());
		if (Boolean.TRUE
			.equals(redis.opsForHash().putIfAbsent(key, "start", Long.toString(occurrence.start().toEpochSecond())))) {
			redis.opsForHash()
				.putAll(key, Map.of("session", occurrence.session().id(), "title", occurrence.session().title(), "end",
						Long.toString(occurrence.end().toEpochSecond()), "zone", occurrence.session().zone().getId()));
			redis.expire(key, KEEP);
			redis.opsForZSet().add(prefix + "s", occurrence.key(), occurrence.start().toEpochSecond());
			redis.expire(prefix + "s", KEEP);
			redis.opsForZSet().removeRangeByScore(prefix + "s", 0, clock.instant().minus(KEEP).getEpochSecond());
		}
	}

	private void increment(String occurrence, String field) {
		if (occurrence == null) {
			return;
		}
		redis.opsForHash().increment(key(occurrence), field, 1);
		redis.expire(key(occurrence), KEEP);
	}

	private void append(String occurrence, String list, Duration value) {
		if (occurrence == null) {
			return;
		}
		String key = key(occurrence) + ":" + list;
		redis.opsForList().rightPush(key, Long.toString(Math.max(0, value.toSeconds())));
		redis.expire(key, KEEP);
	}

	private SessionReport read(String occurrence, Map<Object, Object> fields) {
		Map<String, Long> outcomes = new TreeMap<>();
		Map<String, Long> refusedBy = new TreeMap<>();
		fields.forEach((k, v) -> {
			if (k.toString().startsWith(OUTCOME)) {
				outcomes.put(k.toString().substring(OUTCOME.length()), Long.parseLong(v.toString()));
			}
			else if (k.toString().startsWith(REFUSED)) {
				refusedBy.put(k.toString().substring(REFUSED.length()), Long.parseLong(v.toString()));
			}
		});
		List<Long> waits = seconds(occurrence, "waits");
		List<Long> lengths = seconds(occurrence, "lengths");
		long refused = count(fields, "refused");
		long waited = count(fields, "waited");
		return new SessionReport(occurrence, text(fields, "session"), text(fields, "title"), time(fields, "start"),
				time(fields, "end"), refused + waited, refused, waited, count(fields, "gaveUp"),
				count(fields, "unreached"), count(fields, "chats"), count(fields, "crisis"), percentile(waits, 50),
				percentile(waits, 90), percentile(lengths, 50), outcomes, refusedBy);
	}

	/**
	 * @return the nearest-rank percentile of the values, {@code null} when there are none
	 */
	static Long percentile(List<Long> values, int percent) {
		if (values.isEmpty()) {
			return null;
		}
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
		return sorted.get(Math.max(0, rank - 1));
	}

	private List<Long> seconds(String occurrence, String list) {
		List<String> raw = redis.opsForList().range(key(occurrence) + ":" + list, 0, -1);
		return raw == null ? List.of() : raw.stream().map(Long::parseLong).toList();
	}

	private static long count(Map<Object, Object> fields, String field) {
		Object value = fields.get(field);
		return value == null ? 0 : Long.parseLong(value.toString());
	}

	private static String text(Map<Object, Object> fields, String field) {
		Object value = fields.get(field);
		return value == null ? "" : value.toString();
	}

	/**
	 * @return the time in the session's zone (as it was when it ran)
	 */
	private static OffsetDateTime time(Map<Object, Object> fields, String field) {
		Object value = fields.get(field);
		if (value == null) {
			return null;
		}
		Instant instant = Instant.ofEpochSecond(Long.parseLong(value.toString()));
		Object zone = fields.get("zone");
		return zone == null ? instant.atOffset(ZoneOffset.UTC)
				: instant.atZone(ZoneId.of(zone.toString())).toOffsetDateTime();
	}

	private String key(String occurrence) {
		return prefix + ":" + occurrence;
	}

}
