package org.scoutline.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.scoutline.support.IntegrationTest;
import org.scoutline.support.RedisCluster;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many widget users through the whole triage over WebSocket against the real Redis, in
 * the same JVM as the app (on a 2-core machine the load generator competes with the app
 * for the CPU, so these are lower bounds). Phase 1 is a closed loop: every user sends its
 * next answer as soon as the bot answered, which gives the most turns per second. Phase 2
 * paces the users to a fixed total rate and reports the latency at that rate. A turn is
 * one answer and the bot's reply, measured from send to receipt. Run:
 * {@code mvn -Pbenchmark verify}; settings as system properties
 * ({@code -Dbench.users=200 -Dbench.seconds=20 -Dbench.rate=1000};
 * {@code -Dbench.cluster=true} for a Redis Cluster).
 */
@Tag("benchmark")
@IntegrationTest
class WidgetLoadBenchmark {

	/**
	 * one cycle: the 15-year-old's journey from the welcome to the plan, then a restart
	 */
	static final List<String[]> CYCLE = List.of(choice("de"), choice("a"), choice("no"), choice("no"), choice("13_15"),
			choice("money"), choice("no"), choice("yes"), choice("instagram"), choice("de"), command("restart"));

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

	@Test
	void turnsPerSecondAndLatency() throws Exception {
		int users = Integer.getInteger("bench.users", 200);
		int seconds = Integer.getInteger("bench.seconds", 20);
		int rate = Integer.getInteger("bench.rate", 1000);
		HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(2)).build();
		ScheduledExecutorService pacer = Executors.newScheduledThreadPool(1);
		List<User> all = new ArrayList<>();
		for (int i = 0; i < users; i++) {
			all.add(new User(http, pacer));
		}
		all.forEach(User::awaitReady);
		System.out.printf(Locale.ROOT, "%nwidget load benchmark: %d users, %d cores, %s, Java %s%n", users,
				Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
				System.getProperty("java.version"));

		run(all, 5, 0);
		Result closed = run(all, seconds, 0);
		closed.print("closed loop (as fast as the bot answers)");
		Result paced = run(all, seconds, rate);
		paced.print("paced at " + rate + " turns/s");
		all.forEach(User::close);
		pacer.shutdownNow();
		assertThat(closed.turns()).as("turns completed").isPositive();
		assertThat(closed.errors()).as("error frames").isZero();
	}

	private Result run(List<User> users, int seconds, int rate) throws InterruptedException {
		Map<String, Long> cpuBefore = cpuByThreadGroup();
		Properties before = info();
		ConcurrentLinkedQueue<long[]> samples = new ConcurrentLinkedQueue<>();
		long start = System.nanoTime();
		long end = start + TimeUnit.SECONDS.toNanos(seconds);
		long perUserIntervalNanos = rate == 0 ? 0 : TimeUnit.SECONDS.toNanos(1) * users.size() / rate;
		CountDownLatch done = new CountDownLatch(users.size());
		for (int i = 0; i < users.size(); i++) {
			long offset = rate == 0 ? 0 : perUserIntervalNanos * i / users.size();
			users.get(i).start(end, perUserIntervalNanos, start + offset, samples, done);
		}
		done.await(seconds + 30L, TimeUnit.SECONDS);
		double elapsed = (System.nanoTime() - start) / 1e9;
		Properties after = info();
		long commands = Long.parseLong(after.getProperty("total_commands_processed"))
				- Long.parseLong(before.getProperty("total_commands_processed")) - 2;
		long[] latencies = samples.stream().mapToLong(s -> s[0]).sorted().toArray();
		long errors = users.stream().mapToLong(u -> u.errors.getAndSet(0)).sum();
		Map<String, Long> cpuAfter = cpuByThreadGroup();
		Map<String, Double> cpu = new TreeMap<>();
		cpuAfter.forEach((group, nanos) -> cpu.put(group, (nanos - cpuBefore.getOrDefault(group, 0L)) / 1e9 / elapsed));
		long evalsha = Long.parseLong(after.getProperty("evalsha", "0"))
				- Long.parseLong(before.getProperty("evalsha", "0"));
		return new Result(latencies.length, elapsed, latencies, commands, evalsha, errors, cpu);
	}

	/**
	 * CPU time of this JVM's threads, grouped into the app and the load generator (cores
	 * busy = seconds/second).
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
							: name.startsWith("HttpClient") || name.startsWith("pool-") ? "load generator"
									: name.startsWith("GC") || name.contains("G1") ? "jvm: gc" : "other";
			groups.merge(group, Math.max(0, cpu), Long::sum);
		}
		return groups;
	}

	/**
	 * On a cluster (see {@link #cluster}) each node answers INFO apart, its fields named
	 * {@code <node>.<field>}: the figures are summed over the nodes.
	 */
	private Properties info() {
		try (var connection = redis.getConnection()) {
			Properties stats = connection.serverCommands().info("stats");
			Properties commands = connection.serverCommands().info("commandstats");
			long evalsha = 0;
			long processed = 0;
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
			Properties summed = new Properties();
			summed.setProperty("evalsha", Long.toString(evalsha));
			summed.setProperty("total_commands_processed", Long.toString(processed));
			return summed;
		}
	}

	record Result(long turns, double seconds, long[] latencies, long redisCommands, long scriptCalls, long errors,
			Map<String, Double> cpu) {

		void print(String phase) {
			System.out.printf(Locale.ROOT, "%-42s %8.0f turns/s  p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms%n"
					+ "    %d turns in %.1f s, %d errors; Redis per turn: %.2f round trips (EVALSHA), %.2f commands"
					+ " incl. those inside scripts; heap used %d MiB%n    cores busy: %s%n", phase, turns / seconds,
					percentile(0.50), percentile(0.99), percentile(1.0), turns, seconds, errors,
					(double) scriptCalls / Math.max(1, turns), (double) redisCommands / Math.max(1, turns),
					ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20,
					cpu.entrySet()
						.stream()
						.map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue()))
						.collect(Collectors.joining(", ")));
		}

		double percentile(double p) {
			if (latencies.length == 0) {
				return 0;
			}
			int index = (int) Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1);
			return latencies[Math.max(0, index)] / 1e6;
		}

	}

	/** One virtual widget user: a socket, a place in the cycle, and its timings. */
	final class User implements WebSocket.Listener {

		final WebSocket socket;

		final ScheduledExecutorService pacer;

		final CountDownLatch ready = new CountDownLatch(1);

		final AtomicLong errors = new AtomicLong();

		final StringBuilder partial = new StringBuilder();

		volatile long sentAt;

		volatile long endAt;

		volatile long interval;

		volatile long nextSlot;

		volatile ConcurrentLinkedQueue<long[]> samples;

		volatile CountDownLatch finished;

		int step;

		int expectedFrames;

		User(HttpClient http, ScheduledExecutorService pacer) {
			this.pacer = pacer;
			this.socket = http.newWebSocketBuilder()
				.connectTimeout(Duration.ofSeconds(10))
				.buildAsync(URI.create("ws://127.0.0.1:" + port + "/chat/ws"), this)
				.join();
			expectedFrames = 2;
			socket.sendText("{\"type\":\"hello\",\"token\":null,\"locale\":\"de\"}", true);
		}

		void awaitReady() {
			try {
				ready.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		void start(long end, long intervalNanos, long firstSlot, ConcurrentLinkedQueue<long[]> sink,
				CountDownLatch done) {
			this.endAt = end;
			this.interval = intervalNanos;
			this.nextSlot = firstSlot;
			this.samples = sink;
			this.finished = done;
			schedule();
		}

		void schedule() {
			long now = System.nanoTime();
			if (now >= endAt) {
				finished.countDown();
				return;
			}
			long wait = interval == 0 ? 0 : nextSlot - now;
			nextSlot += interval;
			if (wait <= 0) {
				send();
			}
			else {
				pacer.schedule(this::send, wait, TimeUnit.NANOSECONDS);
			}
		}

		void send() {
			String[] next = CYCLE.get(step);
			step = (step + 1) % CYCLE.size();
			expectedFrames = 1;
			sentAt = System.nanoTime();
			socket.sendText("{\"type\":\"" + next[0] + "\",\"id\":\"" + UUID.randomUUID() + "\",\"" + next[0] + "\":\""
					+ next[1] + "\"}", true);
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			partial.append(data);
			if (last) {
				String frame = partial.toString();
				partial.setLength(0);
				if (frame.startsWith("{\"type\":\"error\"")) {
					errors.incrementAndGet();
				}
				// the live line is pushed, not an answer: it neither ends a turn nor
				// counts as one
				if (!frame.startsWith("{\"type\":\"schedule\"") && --expectedFrames == 0) {
					if (ready.getCount() > 0) {
						ready.countDown();
					}
					else {
						samples.add(new long[] { System.nanoTime() - sentAt });
						schedule();
					}
				}
			}
			webSocket.request(1);
			return null;
		}

		void close() {
			socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
		}

	}

	private static String[] choice(String id) {
		return new String[] { "choice", id };
	}

	private static String[] command(String command) {
		return new String[] { "command", command };
	}

}
