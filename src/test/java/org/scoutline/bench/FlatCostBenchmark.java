package org.scoutline.bench;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.scoutline.platform.ScoutlineSettings;
import org.scoutline.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.StringRedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bot turn costs the same with a long transcript and with many stored conversations.
 * The same paced load (default 50 widget users, 250 turns/s together, 5 s; the generator
 * in its own process) is measured three times: new users (transcripts of a few lines)
 * among 100 other stored conversations; the same users after each took 500 more turns
 * (transcripts past 1,000 lines); and new users among 100,000 stored conversations. The
 * other conversations are written under the test's key prefix in the shape of real ones
 * (hash, transcript, person key, all expiring) and removed with the test's keys. Printed:
 * CPU per turn of the app and of Redis, and the latency. Run:
 * {@code mvn -Pbenchmark verify -Dtest=FlatCostBenchmark}.
 */
@Tag("benchmark")
@IntegrationTest
@TestPropertySource(properties = { "scoutline.webchat.limits.sockets-per-minute=1000000",
		"scoutline.webchat.limits.sockets-per-client=100000", "scoutline.webchat.limits.new-chats-per-minute=1000000" })
class FlatCostBenchmark {

	@LocalServerPort
	int port;

	@Autowired
	RedisConnectionFactory factory;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	ScoutlineSettings settings;

	@Test
	void aTurnCostsTheSameWithLongTranscriptsAndManyConversations() throws Exception {
		int users = Integer.getInteger("bench.users", 50);
		int rate = Integer.getInteger("bench.rate", 250);
		int seconds = Integer.getInteger("bench.seconds", 5);
		int many = Integer.getInteger("bench.conversations", 100_000);
		LoadMeter meter = new LoadMeter(factory);
		seed(100);
		try (LoadGenerator warmUp = LoadGenerator.start(port, users)) {
			warmUp.run(8, 0);
		}
		List<String[]> rows = new ArrayList<>();
		Set<String> earlier = transcripts();
		try (LoadGenerator load = LoadGenerator.start(port, users)) {
			rows.add(row("new users, 100 other conversations", meter.measure(load, seconds, rate), earlier));
			long taken = 0;
			while (taken < 500L * users) {
				taken += load.run(5, 0).turns();
			}
			rows.add(row("the same users after 500 more turns each", meter.measure(load, seconds, rate), earlier));
		}
		seed(many - 100);
		Set<String> before = transcripts();
		try (LoadGenerator load = LoadGenerator.start(port, users)) {
			rows.add(row("new users, " + many + " other conversations", meter.measure(load, seconds, rate), before));
		}
		System.out.printf(Locale.ROOT, "%nflat cost: %d users paced at %d turns/s, %d s each%n", users, rate, seconds);
		System.out.printf(Locale.ROOT, "%-44s %8s %12s %12s %10s %9s %9s%n", "phase", "conv.", "their lines",
				"app µs/turn", "Redis µs", "p50 ms", "p99 ms");
		rows.forEach(r -> System.out.printf(Locale.ROOT, "%-44s %8s %12s %12s %10s %9s %9s%n", (Object[]) r));
		assertThat(rows).hasSize(3);
	}

	/**
	 * @param earlier the transcripts there were before the measured users came: the
	 * others are theirs
	 */
	private String[] row(String phase, LoadMeter.Result result, Set<String> earlier) {
		result.print(phase);
		Set<String> theirs = transcripts();
		theirs.removeAll(earlier);
		long shortest = Long.MAX_VALUE;
		long longest = 0;
		for (String transcript : theirs) {
			Long length = redis.opsForList().size(transcript);
			shortest = Math.min(shortest, length == null ? 0 : length);
			longest = Math.max(longest, length == null ? 0 : length);
		}
		long turns = Math.max(1, result.phase().turns());
		return new String[] { phase, Long.toString(conversations()), shortest + "-" + longest,
				String.format(Locale.ROOT, "%.0f", result.appCpuNanos() / 1e3 / turns),
				String.format(Locale.ROOT, "%.0f", result.redisCpuNanos() / 1e3 / turns),
				String.format(Locale.ROOT, "%.2f", result.phase().p50()),
				String.format(Locale.ROOT, "%.2f", result.phase().p99()) };
	}

	/**
	 * @return the conversations stored under the prefix
	 */
	private long conversations() {
		return keys("conv:*").stream().filter(key -> key.indexOf(':', key.indexOf('}') + 2) < 0).count();
	}

	/**
	 * @return the transcripts stored under the prefix
	 */
	private Set<String> transcripts() {
		return keys("conv:*:log");
	}

	private Set<String> keys(String pattern) {
		Set<String> found = new HashSet<>();
		ScanOptions options = ScanOptions.scanOptions().match(settings.keyPrefix() + pattern).count(1000).build();
		try (var keys = redis.scan(options)) {
			keys.forEachRemaining(found::add);
		}
		return found;
	}

	/** Writes {@code count} conversations in the shape of real ones, 1,000 at a time. */
	private void seed(int count) {
		SecureRandom random = new SecureRandom();
		String prefix = settings.keyPrefix();
		for (int done = 0; done < count; done += 1000) {
			int batch = Math.min(1000, count - done);
			redis.executePipelined((RedisCallback<Object>) connection -> {
				StringRedisConnection c = (StringRedisConnection) connection;
				for (int i = 0; i < batch; i++) {
					String tag = Integer.toHexString(random.nextInt(1 << 14));
					String id = tag + "-" + UUID.randomUUID();
					String conversation = prefix + "conv:{" + tag + "}:" + id;
					c.hMSet(conversation,
							java.util.Map.of("ch", "WEB", "ps", "seed-" + id, "mode", "BOT", "loc", "de", "node",
									"situation", "facts", sealed(random, 80), "sa", "0", "la", "0", "v", "2", "n",
									"2"));
					c.expire(conversation, 86_400);
					c.rPush(conversation + ":log", sealed(random, 120), sealed(random, 200));
					c.expire(conversation + ":log", 86_400);
					c.setEx(prefix + "key:{" + tag + "}:seed-" + id, 86_400, id);
				}
				return null;
			});
		}
	}

	private static String sealed(SecureRandom random, int bytes) {
		byte[] data = new byte[bytes];
		random.nextBytes(data);
		return Base64.getEncoder().encodeToString(data);
	}

}
