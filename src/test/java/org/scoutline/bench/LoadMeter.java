package org.scoutline.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Measures one phase of a widget load: the generator's figures, and around them the app's
 * CPU (this JVM's, the generator's taken out when it runs inline), the generator's,
 * Redis's (from INFO), the Redis calls per turn and the machine's load average.
 */
final class LoadMeter {

	private final RedisConnectionFactory redis;

	LoadMeter(RedisConnectionFactory redis) {
		this.redis = redis;
	}

	Result measure(LoadGenerator load, int seconds, int rate) throws Exception {
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

	static long processCpuNanos() {
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
	 * @return {@code evalsha}, {@code total_commands_processed} and
	 * {@code redis_cpu_micros} so far
	 */
	Properties info() {
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

		/** the app's CPU time per turn, in µs */
		double appCpuPerTurn() {
			return appCpuNanos / 1e3 / Math.max(1, phase.turns());
		}

	}

}
