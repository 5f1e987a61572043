package org.scoutline.schedule;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.scoutline.conversation.Channel;
import org.scoutline.platform.ScoutlineSettings;
import org.scoutline.platform.LuaScripts;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The session definitions in one Redis hash ({@code <prefix>{schedule}:sessions}, id to
 * JSON, no expiry: sessions are not personal data) with a version
 * ({@code <prefix>{schedule}:sessions:version}, one hash tag, one Redis Cluster slot). A
 * save checks the other sessions and writes only if the version has not moved since (one
 * script), so two coordinators saving clashing sessions at once cannot both succeed, and
 * a refused session leaves nothing behind.
 */
@Component
class SessionStore {

	private static final int ATTEMPTS = 5;

	private static final RedisScript<Long> SAVE = LuaScripts.of("redis/schedule-save.lua", Long.class);

	private final StringRedisTemplate redis;

	private final ObjectMapper json;

	private final String key;

	private final String versionKey;

	SessionStore(StringRedisTemplate redis, ObjectMapper json, ScoutlineSettings settings) {
		this.redis = redis;
		this.json = json;
		List<String> keys = keys(settings.keyPrefix());
		this.key = keys.get(0);
		this.versionKey = keys.get(1);
	}

	List<LiveSession> all() {
		return read(redis.opsForHash().entries(key));
	}

	Optional<LiveSession> find(String id) {
		Object value = redis.opsForHash().get(key, id);
		return value == null ? Optional.empty() : Optional.of(fromJson((String) value));
	}

	/**
	 * Saves the session {@code check} returns for the current sessions, unless another
	 * save came in between (then it checks again). {@code check} throws to refuse;
	 * nothing is written then.
	 */
	LiveSession save(CheckedSave check) {
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			// the version first: a save after it moves it on, and the write below is
			// refused
			String version = Objects.requireNonNullElse(redis.opsForValue().get(versionKey), "0");
			LiveSession session = check.against(all());
			Long written = redis.execute(SAVE, keys(), version, session.id(), toJson(session));
			if (written != null && written == 1L) {
				return session;
			}
		}
		throw new IllegalStateException("sessions changed too often while saving; try again");
	}

	boolean delete(String id) {
		Long deleted = redis.execute(SAVE, keys(), "*", id, "");
		return deleted != null && deleted == 1L;
	}

	private List<String> keys() {
		return List.of(key, versionKey);
	}

	/** the keys {@code schedule-save.lua} is given: one hash tag */
	static List<String> keys(String prefix) {
		return List.of(prefix + "{schedule}:sessions", prefix + "{schedule}:sessions:version");
	}

	/** Decides what to save given every stored session; throws to refuse. */
	@FunctionalInterface
	interface CheckedSave {

		LiveSession against(List<LiveSession> current);

	}

	private List<LiveSession> read(Map<Object, Object> entries) {
		List<LiveSession> sessions = new ArrayList<>();
		entries.values().forEach(value -> sessions.add(fromJson((String) value)));
		sessions.sort(Comparator.comparing((LiveSession s) -> s.start().toInstant()).thenComparing(LiveSession::id));
		return sessions;
	}

	private String toJson(LiveSession session) {
		try {
			return json.writeValueAsString(Stored.of(session));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("session not serialisable", ex);
		}
	}

	private LiveSession fromJson(String value) {
		try {
			return json.readValue(value, Stored.class).toSession();
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("stored session unreadable", ex);
		}
	}

	/**
	 * The stored form: local times and the zone's name, so that nothing is shifted by a
	 * JSON default zone.
	 */
	record Stored(String id, String title, String topic, List<String> languages, List<Channel> channels, String zone,
			LocalDateTime start, LocalDateTime end, List<String> scouts, String supervisor, int maxQueueLength,
			int escalationStopMinutes, String recurrence, List<LocalDate> exceptions) {

		static Stored of(LiveSession s) {
			return new Stored(s.id(), s.title(), s.topic(), s.languages(), s.channels(), s.zone().getId(),
					s.start().toLocalDateTime(), s.end().toLocalDateTime(), s.scouts(), s.supervisor(),
					s.maxQueueLength(), s.escalationStopMinutes(), s.recurrence(), s.exceptions());
		}

		LiveSession toSession() {
			ZoneId zoneId = ZoneId.of(zone);
			return new LiveSession(id, title, topic, languages, channels, start.atZone(zoneId), end.atZone(zoneId),
					scouts, supervisor, maxQueueLength, escalationStopMinutes, recurrence,
					exceptions == null ? List.of() : exceptions);
		}

	}

}
