package org.scoutline.bench;

import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.scoutline.dialogue.ComparedSteps;
import org.scoutline.dialogue.RecipeComparison;
import org.scoutline.support.IntegrationTest;
import org.scoutline.support.RedisCluster;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many widget users through the whole triage over WebSocket against the real Redis. The
 * load generator runs in its own process ({@link WidgetLoadClients}; {@code
 * -Dbench.generator=inline} puts it in the app's JVM as before), so the app's CPU, the
 * generator's and Redis's show apart. Phases: a closed loop (every user sends its next
 * answer as soon as the bot answered: the most turns per second); the same closed loop
 * with every state machine step done the way Spring Statemachine's reference recipe shows
 * ({@link RecipeComparison}; {@code -Dbench.recipe=false} skips it), with the ratio; then
 * the users paced to a fixed total rate for the latency at that rate
 * ({@code -Dbench.rate=0} skips it). A turn is one answer and the bot's reply, measured
 * from send to receipt. {@code -Dbench.jfr=target/turns.jfr} records a JFR profile of the
 * app during the first closed loop. Run: {@code mvn -Pbenchmark verify}; settings
 * {@code -Dbench.users=200 -Dbench.seconds=20 -Dbench.rate=1000 -Dbench.warmup=30} (the
 * warm-up of each variant before it is measured: on two cores the JIT's C2 thread still
 * took a quarter of the app's CPU 30 s after the start with 5 s);
 * {@code -Dbench.cluster=true} for a Redis Cluster.
 */
@Tag("benchmark")
@IntegrationTest
@Import(RecipeComparison.class)
@TestPropertySource(properties = { "scoutline.webchat.limits.sockets-per-minute=1000000",
		"scoutline.webchat.limits.sockets-per-client=100000", "scoutline.webchat.limits.new-chats-per-minute=1000000" })
class WidgetLoadBenchmark {

	/**
	 * {@code -Dbench.cluster=true}: against a Redis Cluster of the test support (three
	 * masters, three replicas on free ports) instead of the single Redis.
	 */
	@DynamicPropertySource
	static void cluster(DynamicPropertyRegistry registry) {
		if (Boolean.getBoolean("bench.cluster")) {
			registry.add("spring.data.redis.cluster.nodes", () -> RedisCluster.shared().nodes());
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	RedisConnectionFactory redis;

	@Autowired
	ComparedSteps steps;

	@Test
	void turnsPerSecondAndLatency() throws Exception {
		int users = Integer.getInteger("bench.users", 200);
		int seconds = Integer.getInteger("bench.seconds", 20);
		int rate = Integer.getInteger("bench.rate", 1000);
		boolean recipe = !"false".equals(System.getProperty("bench.recipe"));
		int warmup = Integer.getInteger("bench.warmup", 30);
		String jfr = System.getProperty("bench.jfr");
		LoadMeter meter = new LoadMeter(redis);
		try (LoadGenerator load = LoadGenerator.start(port, users)) {
			System.out.printf(Locale.ROOT, "%nwidget load benchmark: %d users, %d cores, %s, Java %s, generator %s%n",
					users, Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
					System.getProperty("java.version"),
					load instanceof LoadGenerator.Inline ? "inline" : "own process");
			load.run(warmup, 0);
			if (recipe) {
				steps.useRecipe(true);
				load.run(warmup, 0);
				steps.useRecipe(false);
			}
			Recording recording = jfr == null ? null : new Recording(Configuration.getConfiguration("profile"));
			if (recording != null) {
				recording.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(2));
				recording.start();
			}
			LoadMeter.Result closed = meter.measure(load, seconds, 0);
			if (recording != null) {
				recording.stop();
				recording.dump(Path.of(jfr));
				recording.close();
			}
			closed.print("closed loop (as fast as the bot answers)");
			assertThat(closed.phase().turns()).as("turns completed").isPositive();
			assertThat(closed.phase().errors()).as("error frames").isZero();
			if (recipe) {
				steps.useRecipe(true);
				LoadMeter.Result documented = meter.measure(load, seconds, 0);
				steps.useRecipe(false);
				documented.print("closed loop, steps by the library's recipe");
				System.out.printf(Locale.ROOT, "ours / recipe: %.2f x (by the app's CPU per turn: %.2f x)%n",
						closed.phase().rate() / documented.phase().rate(),
						documented.appCpuPerTurn() / closed.appCpuPerTurn());
				assertThat(documented.phase().errors()).as("error frames with the recipe").isZero();
			}
			if (rate > 0) {
				meter.measure(load, seconds, rate).print("paced at " + rate + " turns/s");
			}
		}
	}

}
