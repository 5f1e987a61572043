package org.scoutline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.scoutline.ScoutlineApplication;
import org.scoutline.schedule.LiveSessions;
import org.scoutline.support.BrokerSubscriptions;
import org.scoutline.support.ConsoleClient;
import org.scoutline.support.IntegrationTest;
import org.scoutline.support.LiveNow;
import org.scoutline.support.RedisTestSupport.TestKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Relay latency between widget users and scouts with many live chats on two instances of
 * the app on one Redis: instance A is the test's own, B is started here on a random port
 * with the same key prefix and settings, both in this JVM. A live session runs now;
 * {@code bench.scouts} scouts (default 50) log in to the console, alternately on A and B,
 * and hold {@code bench.chats} chats (default 500; their capacity is raised to fit). Each
 * user joins the queue the shortest way (hello, English, the {@code scout} command) and
 * is claimed by their scout over the console API; most users are on the other instance
 * than their scout (see {@link RelayChats}). After a warm-up ({@code bench.warmup} s,
 * default 5) the chats exchange messages both ways for {@code bench.seconds} (default 20)
 * at {@code bench.rate} messages per second each way (default 100), all chats together. A
 * user's message is timed from the widget's send to its arrival on the scout's STOMP
 * subscription to the chat, a scout's from the STOMP send to its arrival at the widget
 * ({@link System#nanoTime()}, one JVM). Printed: count, p50, p99 and max each way (cross-
 * and same-instance apart), lost and misrouted messages, error frames, and the CPU of
 * this process (both apps and the clients) and of Redis. Run:
 * {@code mvn -Pbenchmark verify -Dtest=RelayLatencyBenchmark}.
 */
@Tag("benchmark")
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelayLatencyBenchmark {

	static final int CHATS = Integer.getInteger("bench.chats", 500);

	static final int SCOUTS = Integer.getInteger("bench.scouts", 50);

	static final String PASSWORD = "scout-password-1";

	@Autowired
	TestKeys keys;

	@Autowired
	Environment environment;

	@Autowired
	LiveSessions sessions;

	@Autowired
	BrokerSubscriptions subscriptionsOnA;

	@Autowired
	RedisConnectionFactory redis;

	@LocalServerPort
	int portA;

	ConfigurableApplicationContext instanceB;

	/**
	 * What both instances run with: the scouts' capacity raised so that the scouts hold
	 * every chat, and the limits per client address raised, as every user comes from
	 * 127.0.0.1.
	 */
	static Map<String, String> settings() {
		int capacity = (CHATS + SCOUTS - 1) / SCOUTS;
		if (capacity > 20 || SCOUTS > 100) {
			throw new IllegalArgumentException("a scout holds at most 20 chats and a session rosters at most 100"
					+ " scouts: " + CHATS + " chats for " + SCOUTS + " scouts do not fit");
		}
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("scoutline.handover.capacity", Integer.toString(capacity));
		settings.put("scoutline.schedule.per-scout-capacity", Integer.toString(capacity));
		settings.put("scoutline.handover.escalations-per-address-per-hour", "1000000");
		settings.put("scoutline.webchat.limits.sockets-per-minute", "1000000");
		settings.put("scoutline.webchat.limits.sockets-per-client", "100000");
		settings.put("scoutline.webchat.limits.new-chats-per-minute", "1000000");
		settings.put("scoutline.webchat.burst", "1000");
		settings.put("scoutline.webchat.per-second", "1000");
		// both instances need the same secrets, as in production
		settings.put("scoutline.pseudonym-key", "relay-benchmark-pseudonym-secret");
		settings.put("scoutline.data-key", "relay-benchmark-data-secret");
		// 500 claims are 500 log lines per instance
		settings.put("logging.level.org.scoutline", "warn");
		return settings;
	}

	@DynamicPropertySource
	static void bothInstances(DynamicPropertyRegistry registry) {
		settings().forEach((name, value) -> registry.add(name, () -> value));
	}

	@BeforeAll
	void startSecondInstance() {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--scoutline.key-prefix=" + keys.prefix(),
				"--spring.data.redis.host=" + environment.getProperty("spring.data.redis.host", "localhost"),
				"--spring.data.redis.port=" + environment.getProperty("spring.data.redis.port", "6379")));
		settings().forEach((name, value) -> arguments.add("--" + name + "=" + value));
		// command-line arguments win over config/application.yml
		instanceB = new SpringApplicationBuilder(ScoutlineApplication.class).profiles("test")
			.run(arguments.toArray(String[]::new));
	}

	@AfterAll
	void stopSecondInstance() {
		if (instanceB != null && instanceB.isActive()) {
			instanceB.close();
		}
	}

	@Test
	void relayLatencyBothWaysAcrossTwoInstances() throws Exception {
		int seconds = Integer.getInteger("bench.seconds", 20);
		int warmUp = Integer.getInteger("bench.warmup", 10);
		int rate = Integer.getInteger("bench.rate", 100);
		List<String> scouts = scouts();
		LiveNow.open(sessions, scouts, "admin");
		int portB = ((WebServerApplicationContext) instanceB).getWebServer().getPort();
		List<RelayChats.Instance> instances = List.of(new RelayChats.Instance(portA, subscriptionsOnA),
				new RelayChats.Instance(portB, BrokerSubscriptions.of(instanceB)));
		LoadMeter meter = new LoadMeter(redis);
		try (RelayChats chats = new RelayChats(instances, CHATS)) {
			long loggingIn = System.nanoTime();
			chats.logIn(scouts, PASSWORD);
			long opening = System.nanoTime();
			int crossing = chats.open();
			System.out.printf(Locale.ROOT,
					"%nrelay latency benchmark: %d chats, %d scouts (capacity %s), two instances in one JVM, %d cores,"
							+ " Java %s%nset-up: %d scouts logged in in %.1f s; %d chats queued and claimed in %.1f s"
							+ " (%d cross-instance, %d same-instance)%n",
					CHATS, SCOUTS, settings().get("scoutline.handover.capacity"),
					Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), SCOUTS,
					(opening - loggingIn) / 1e9, CHATS, (System.nanoTime() - opening) / 1e9, crossing,
					CHATS - crossing);
			if (warmUp > 0) {
				RelayChats.Phase warm = chats.run(warmUp, rate);
				System.out.printf(Locale.ROOT, "warm-up: %d s, p99 %.2f ms up, %.2f ms down%n", warmUp,
						warm.toScout().all().p99(), warm.toUser().all().p99());
			}
			Usage before = Usage.now(meter);
			RelayChats.Phase phase = chats.run(seconds, rate);
			Usage used = Usage.now(meter).since(before);
			print(phase, used, rate);
			assertThat(phase.toScout().arrived()).as("user messages arrived").isPositive();
			assertThat(phase.toUser().arrived()).as("scout messages arrived").isPositive();
			for (RelayTimings.Summary direction : List.of(phase.toScout(), phase.toUser())) {
				assertThat(direction.lost()).as("lost messages").isZero();
				assertThat(direction.failed()).as("failed sends").isZero();
				assertThat(direction.misrouted()).as("messages at the wrong chat").isZero();
				assertThat(direction.unmatched()).as("repeated messages").isZero();
			}
			assertThat(phase.widgetErrors()).as("widget error frames").isZero();
			assertThat(phase.consoleErrors()).as("console errors").isZero();
		}
	}

	/** Creates the scouts' accounts through the coordinators' API. */
	private List<String> scouts() {
		List<String> scouts = new ArrayList<>();
		try (ConsoleClient admin = ConsoleClient.login(portA, "admin", LiveNow.ADMIN_PASSWORD)) {
			for (int i = 0; i < SCOUTS; i++) {
				String username = String.format(Locale.ROOT, "bench-scout-%03d", i);
				int created = admin
					.post("/console/api/accounts",
							Map.of("username", username, "password", PASSWORD, "alias", "Scout", "role", "scout"))
					.status();
				assertThat(created).as("account " + username + " created").isEqualTo(201);
				scouts.add(username);
			}
		}
		return scouts;
	}

	private static void print(RelayChats.Phase phase, Usage used, int rate) {
		long messages = Math.max(1, phase.toScout().sent() + phase.toUser().sent());
		long apps = used.process() - used.clients();
		System.out.printf(Locale.ROOT,
				"paced at %d messages/s each way for %.1f s (the pacer ran at most %.1f ms late)%n", rate,
				phase.seconds(), phase.maxLateMillis());
		phase.toScout().print("user -> scout");
		phase.toUser().print("scout -> user");
		System.out.printf(Locale.ROOT, "errors: %d widget error frames, %d console errors%n", phase.widgetErrors(),
				phase.consoleErrors());
		System.out.printf(Locale.ROOT, "CPU (cores busy): process %.2f = apps %.2f + clients %.2f; Redis %.2f%n",
				used.cores(used.process()), used.cores(apps), used.cores(used.clients()), used.cores(used.redis()));
		System.out.printf(Locale.ROOT,
				"CPU per message: apps %.0f µs, clients %.0f µs, Redis %.0f µs; Redis commands per message %.1f%n",
				apps / 1e3 / messages, used.clients() / 1e3 / messages, used.redis() / 1e3 / messages,
				(double) used.redisCommands() / messages);
		System.out.printf(Locale.ROOT,
				"busiest threads (cores): %s; outside Java threads (JIT, GC, VM) %.2f; JIT compiling %d ms, GC %d ms%n"
						+ "load average %.2f -> %.2f%n",
				used.busiest(10), used.cores(used.jvm()), used.compilingMillis(), used.gcMillis(), used.loadBefore(),
				used.loadAfter());
	}

	/**
	 * CPU used so far, in ns: this process's, the clients' threads within it (the JDK
	 * HttpClient of the widgets, Tomcat's WebSocket client of the consoles, the pacer),
	 * Redis's (INFO; the whole server's, other clients included); Redis's commands; this
	 * JVM's threads by name; over {@code wall} ns.
	 */
	record Usage(long wall, long process, long clients, long redis, long redisCommands, Map<String, Long> threads,
			long compilingMillis, long gcMillis, double loadBefore, double loadAfter) {

		static Usage now(LoadMeter meter) {
			Properties info = meter.info();
			double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
			Map<String, Long> threads = cpuByThreadName();
			long clients = threads.entrySet()
				.stream()
				.filter(e -> isClient(e.getKey()))
				.mapToLong(Map.Entry::getValue)
				.sum();
			return new Usage(System.nanoTime(), LoadMeter.processCpuNanos(), clients,
					Long.parseLong(info.getProperty("redis_cpu_micros")) * 1000,
					Long.parseLong(info.getProperty("total_commands_processed")), threads,
					ManagementFactory.getCompilationMXBean().getTotalCompilationTime(),
					ManagementFactory.getGarbageCollectorMXBeans()
						.stream()
						.mapToLong(gc -> gc.getCollectionTime())
						.sum(),
					load, load);
		}

		Usage since(Usage before) {
			Map<String, Long> threadsSince = new TreeMap<>();
			threads.forEach((name, nanos) -> threadsSince.put(name, nanos - before.threads.getOrDefault(name, 0L)));
			return new Usage(wall - before.wall, process - before.process, clients - before.clients,
					redis - before.redis, redisCommands - before.redisCommands, threadsSince,
					compilingMillis - before.compilingMillis, gcMillis - before.gcMillis, before.loadBefore, loadAfter);
		}

		/**
		 * @return CPU of the process outside its Java threads (JIT compilers, GC, VM)
		 */
		long jvm() {
			return process - threads.values().stream().mapToLong(Long::longValue).sum();
		}

		double cores(long nanos) {
			return (double) nanos / wall;
		}

		/**
		 * @return the busiest groups of threads, with their cores busy
		 */
		String busiest(int groups) {
			return threads.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
				.limit(groups)
				.map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), cores(e.getValue())))
				.collect(Collectors.joining(", "));
		}

		/**
		 * @return whether the threads are the benchmark's clients: the widgets' JDK
		 * HttpClient, the consoles' Tomcat WebSocket client, the pacer
		 */
		private static boolean isClient(String group) {
			return group.startsWith("relay-") || group.startsWith("HttpClient-")
					|| group.startsWith("WebSocketClient-");
		}

		/**
		 * @return the CPU time of this JVM's threads so far, by name (numbers as #)
		 */
		private static Map<String, Long> cpuByThreadName() {
			ThreadMXBean threads = ManagementFactory.getThreadMXBean();
			Map<String, Long> groups = new TreeMap<>();
			for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
				if (info != null) {
					groups.merge(info.getThreadName().replaceAll("[0-9]+", "#"),
							Math.max(0, threads.getThreadCpuTime(info.getThreadId())), Long::sum);
				}
			}
			return groups;
		}

	}

}
