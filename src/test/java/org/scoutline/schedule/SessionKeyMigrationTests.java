package org.scoutline.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.scoutline.support.RedisTestSupport.TestKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * An upgrade keeps the live sessions saved under the key name before the Redis Cluster
 * layout.
 */
@ScheduleIntegrationTest
class SessionKeyMigrationTests {

	@Autowired
	LiveSessions sessions;

	@Autowired
	SessionKeyMigration migration;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	TestKeys keys;

	@Test
	void sessionsSavedUnderTheOldKeyAreThereAfterTheStartAndTheOldKeyIsGone() {
		keys.clear();
		LiveSession saved = sessions.create(Sessions.draft());
		String newKey = SessionStore.keys(keys.prefix()).get(0);
		String oldKey = keys.prefix() + "schedule:sessions";
		Object json = redis.opsForHash().get(newKey, saved.id());
		redis.delete(newKey);
		redis.opsForHash().put(oldKey, saved.id(), json);
		assertThat(sessions.find(saved.id())).isEmpty();

		migration.migrate();

		assertThat(sessions.find(saved.id())).hasValueSatisfying(s -> assertThat(s.title()).isEqualTo(saved.title()));
		assertThat(keys.all()).doesNotContain(oldKey);
		assertThat(List.of(newKey)).allMatch(keys.all()::contains);
	}

}
