package org.scoutline.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

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
 * {@code -Dbench.users=200 -Dbench.seconds=20 -Dbench.rate=1000};
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
		String jfr = System.getProperty("bench.jfr");
		try (LoadGenerator load = LoadGenerator.start(port, users)) {
			System.out.printf(Locale.ROOT, "%nwidget load benchmark: %d users, %d cores, %s, Java %s, generator %s%n",
					users, Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
					System.getProperty("java.version"),
					load instanceof LoadGenerator.Inline ? "inline" : "own process");
			load.run(5, 0);
			if (recipe) {
				steps.useRecipe(true);
				load.run(5, 0);
				steps.useRecipe(false);
			}
			Recording recording = jfr == null ? null : new Recording(Configuration.getConfiguration("profile"));
			if (recording != null) {
				recording.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(2));
				recording.start();
			}
			Result closed = measure(load, seconds, 0);
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
				Result documented = measure(load, seconds, 0);
				steps.useRecipe(false);
				documented.print("closed loop, steps by the library's recipe");
				System.out.printf(Locale.ROOT, "ours / recipe: %.2f x%n",
						closed.phase().rate() / documented.phase().rate());
				assertThat(documented.phase().errors()).as("error frames with the recipe").isZero();
			}
			if (rate > 0) {
				measure(load, seconds, rate).print("paced at " + rate + " turns/s");
			}
		}
	}

	private Result measure(LoadGenerator load, int seconds, int rate) throws Exception {
		Map<String, Long> cpuBefore = cpuByThreadGroup();
		long appBefore = processCpuNanos();
		long generatorBefore = load.cpuNanos();
		Properties before = info();
		double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		WidgetLoad.Phase phase = load.run(seconds, rate);
		Properties after = info();
		long generator = load.cpuNanos() - generatorBefore;
		long app = processCpuNanos() - appBefore - (load instanceof LoadGenerator.Inline ? generator : 0);
		Map<String, Double> cpu = new TreeMap<>();
		cpuByThreadGroup().forEach(
				(group, nanos) -> cpu.put(group, (nanos - cpuBefore.getOrDefault(group, 0L)) / 1e9 / phase.seconds()));
		double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		return new Result(phase, delta(after, before, "total_commands_processed") - 2, delta(after, before, "evalsha"),
				(delta(after, before, "redis_cpu_micros")) * 1000, app, generator, cpu, loadBefore, loadAfter);
	}

	private static long delta(Properties after, Properties before, String name) {
		return Long.parseLong(after.getProperty(name, "0")) - Long.parseLong(before.getProperty(name, "0"));
	}

	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	/**
	 * CPU time of this JVM's threads, grouped into the app's parts (and the load
	 * generator when it runs inline).
	 */
	private static Map<String, Long> cpuByThreadGroup() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		Map<String, Long> groups = new TreeMap<>();
		for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
			if (info == null) {
				continue;
			}
			long cpu = threads.getThreadCpuTime(info.getThreadId());
			String name = info.getThreadName();
			String group = name.startsWith("http-nio") ? "app: tomcat"
					: name.startsWith("lettuce") ? "app: redis client"
							: LoadGenerator.Inline.isGenerator(name) ? "load generator (inline)"
									: name.startsWith("GC") || name.contains("G1") ? "jvm: gc"
											: name.startsWith("C1") || name.startsWith("C2") ? "jvm: jit" : "other";
			groups.merge(group, Math.max(0, cpu), Long::sum);
		}
		return groups;
	}

	/**
	 * On a cluster (see {@link #cluster}) each node answers INFO apart, its fields named
	 * {@code <node>.<field>}: the figures are summed over the nodes. Redis's CPU is the
	 * server's whole (other clients of a shared Redis count too).
	 */
	private Properties info() {
		try (var connection = redis.getConnection()) {
			Properties stats = connection.serverCommands().info("stats");
			Properties commands = connection.serverCommands().info("commandstats");
			Properties cpu = connection.serverCommands().info("cpu");
			long evalsha = 0;
			long processed = 0;
			double cpuSeconds = 0;
			for (String name : commands.stringPropertyNames()) {
				if (name.equals("cmdstat_evalsha") || name.endsWith(".cmdstat_evalsha")) {
					String calls = commands.getProperty(name);
					evalsha += Long.parseLong(calls.substring(calls.indexOf("calls=") + 6, calls.indexOf(',')));
				}
			}
			for (String name : stats.stringPropertyNames()) {
				if (name.equals("total_commands_processed") || name.endsWith(".total_commands_processed")) {
					processed += Long.parseLong(stats.getProperty(name).trim());
				}
			}
			for (String name : cpu.stringPropertyNames()) {
				if (name.matches("(.*\\.)?used_cpu_(sys|user)")) {
					cpuSeconds += Double.parseDouble(cpu.getProperty(name).trim());
				}
			}
			Properties summed = new Properties();
			summed.setProperty("evalsha", Long.toString(evalsha));
			summed.setProperty("total_commands_processed", Long.toString(processed));
			summed.setProperty("redis_cpu_micros", Long.toString((long) (cpuSeconds * 1e6)));
			return summed;
		}
	}

	record Result(WidgetLoad.Phase phase, long redisCommands, long scriptCalls, long redisCpuNanos, long appCpuNanos,
			long generatorCpuNanos, Map<String, Double> cpu, double loadBefore, double loadAfter) {

		void print(String name) {
			long turns = Math.max(1, phase.turns());
			System.out.printf(Locale.ROOT, "%-42s %8.0f turns/s  p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms%n"
					+ "    %d turns in %.1f s, %d errors; Redis per turn: %.2f round trips (EVALSHA), %.2f commands"
					+ " incl. those inside scripts%n"
					+ "    CPU per turn: app %.0f µs, load generator %.0f µs, Redis %.0f µs; cores busy: app %.2f,"
					+ " generator %.2f, Redis %.2f%n    app threads (cores): %s%n    load average %.2f -> %.2f%n", name,
					phase.rate(), phase.p50(), phase.p99(), phase.max(), phase.turns(), phase.seconds(), phase.errors(),
					(double) scriptCalls / turns, (double) redisCommands / turns, appCpuNanos / 1e3 / turns,
					generatorCpuNanos / 1e3 / turns, redisCpuNanos / 1e3 / turns, appCpuNanos / 1e9 / phase.seconds(),
					generatorCpuNanos / 1e9 / phase.seconds(), redisCpuNanos / 1e9 / phase.seconds(),
					cpu.entrySet()
						.stream()
						.map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue()))
						.collect(Collectors.joining(", ")),
					loadBefore, loadAfter);
		}

	}

}
