package org.scoutline.schedule;

import java.util.Map;

import org.scoutline.platform.ScoutlineSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Carries the session definitions over from the key name before Redis Cluster hash tags
 * ({@code <prefix>schedule:sessions}) to {@link SessionStore}'s, once, at start-up: they
 * are the one thing about the schedule that does not expire, so an upgrade must not lose
 * them. A session saved under the new name already is kept as it is. Separate commands
 * (no script), so that it also works when the two names live on different cluster nodes.
 */
@Component
class SessionKeyMigration {

	private static final Logger log = LoggerFactory.getLogger(SessionKeyMigration.class);

	private final StringRedisTemplate redis;

	private final String oldKey;

	private final String newKey;

	SessionKeyMigration(StringRedisTemplate redis, ScoutlineSettings settings) {
		this.redis = redis;
		this.oldKey = settings.keyPrefix() + "schedule:sessions";
		this.newKey = SessionStore.keys(settings.keyPrefix()).get(0);
	}

	@EventListener(ApplicationReadyEvent.class)
	void migrate() {
		try {
			Map<Object, Object> old = redis.opsForHash().entries(oldKey);
			if (old.isEmpty()) {
				return;
			}
			old.forEach((id, json) -> redis.opsForHash().putIfAbsent(newKey, id, json));
			redis.delete(oldKey);
			log.info("live sessions moved to the new key layout sessions={}", old.size());
		}
		catch (RuntimeException ex) {
			log.warn("live sessions not moved to the new key layout (tried again at the next start) cause={}",
					ex.getClass().getSimpleName());
		}
	}

}
