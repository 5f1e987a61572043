package org.scoutline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.scoutline.support.IntegrationTest;
import org.scoutline.support.RedisTestSupport.TestKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The turn's scripts straight on Lettuce answer as the template did: a script Redis has
 * not seen yet is sent once in full, arrays come back as strings, numbers and lists, and
 * a script's error is a Spring {@link DataAccessException}.
 */
@IntegrationTest
class ScriptCallsTests {

	@Autowired
	ScriptCalls scripts;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	TestKeys keys;

	@Test
	void aScriptRedisHasNotSeenIsSentInFullOnceAndItsAnswersKeepTheirTypes() {
		// a text of its own: its SHA-1 is new to this Redis, so the first EVALSHA is
		// refused
		RedisScript<Long> counter = RedisScript
			.of("-- " + UUID.randomUUID() + "\n" + "return redis.call('INCRBY', KEYS[1], ARGV[1])", Long.class);
		String key = keys.prefix() + "script-calls:counter";
		assertThat(loaded(counter)).as("not loaded before").isFalse();
		assertThat(scripts.integer(counter, List.of(key), List.of("2"))).isEqualTo(2L);
		assertThat(scripts.integer(counter, List.of(key), List.of("3"))).isEqualTo(5L);
		assertThat(redis.opsForValue().get(key)).isEqualTo("5");
		assertThat(loaded(counter)).isTrue();

		RedisScript<List> shapes = RedisScript.of("return {ARGV[1], 7, {ARGV[2], 'x'}}", List.class);
		assertThat(scripts.multi(shapes, List.of(key), List.of("a", "b"))).containsExactly("a", 7L, List.of("b", "x"));
		assertThat(scripts.integer(RedisScript.of("return nil", Long.class), List.of(key), List.of())).isNull();
		redis.delete(key);
	}

	@Test
	void aScriptsErrorIsADataAccessExceptionNamingIt() {
		RedisScript<Long> failing = RedisScript.of("return redis.error_reply('no such thing')", Long.class);
		assertThatThrownBy(() -> scripts.integer(failing, List.of(keys.prefix() + "script-calls:x"), List.of()))
			.isInstanceOf(DataAccessException.class)
			.hasStackTraceContaining("no such thing");
	}

	@Test
	void aRedisThatIsDownAtTheFirstCallIsADataAccessExceptionToo() throws Exception {
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		LettuceConnectionFactory nowhere = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", port),
				LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(2)).build());
		nowhere.afterPropertiesSet();
		ScriptCalls down = new ScriptCalls(nowhere);
		try {
			RedisScript<Long> one = RedisScript.of("return 1", Long.class);
			assertThatThrownBy(() -> down.integer(one, List.of("k"), List.of()))
				.as("the webhooks answer 503 for these, never 500")
				.isInstanceOf(DataAccessException.class);
		}
		finally {
			down.destroy();
			nowhere.destroy();
		}
	}

	private boolean loaded(RedisScript<?> script) {
		List<Boolean> exists = redis
			.execute((RedisCallback<List<Boolean>>) c -> c.scriptingCommands().scriptExists(script.getSha1()));
		return exists != null && exists.get(0);
	}

}
