package org.scoutline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.scoutline.support.ChatClient;
import org.scoutline.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * How much heap idle widget connections cost: a separate client process opens
 * {@code bench.idle} sockets (default 10,000) and says hello on each; the app's heap is
 * measured after a full GC before and after. Then one more user takes a turn to show the
 * app still answers. Run: {@code mvn -Pbenchmark verify}.
 */
@Tag("benchmark")
@IntegrationTest
@TestPropertySource(properties = { "scoutline.webchat.limits.sockets-per-minute=1000000",
		"scoutline.webchat.limits.sockets-per-client=100000", "scoutline.webchat.limits.new-chats-per-minute=1000000" })
class IdleConnectionsBenchmark {

	@LocalServerPort
	int port;

	@Test
	void idleConnectionsFitInTheHeap() throws Exception {
		int count = Integer.getInteger("bench.idle", 10_000);
		long before = heapAfterGc();
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process clients = new ProcessBuilder(java, "-Xmx2g", "-cp", System.getProperty("java.class.path"),
				IdleWidgetClients.class.getName(), Integer.toString(port), Integer.toString(count))
			.redirectErrorStream(true)
			.start();
		try {
			String line;
			StringBuilder said = new StringBuilder();
			BufferedReader out = new BufferedReader(new InputStreamReader(clients.getInputStream()));
			do {
				line = out.readLine();
				said.append(line).append('\n');
			}
			while (line != null && !line.startsWith("CONNECTED") && !line.startsWith("PARTIAL"));
			assertThat(line).as("client process answer: " + said).startsWith("CONNECTED");
			long after = heapAfterGc();
			if (Boolean.getBoolean("bench.histogram")) {
				printHistogram();
			}
			try (ChatClient probe = ChatClient.connect(port)) {
				probe.hello(null, "de").next("ready");
				probe.next("bot");
				assertThat(ChatClient.choiceIds(probe.choice("de").next("bot"))).contains("a");
			}
			double perConnection = (after - before) / (double) count;
			System.out.printf(Locale.ROOT,
					"%nidle widget connections: %d open; heap after full GC %d MiB before, %d MiB with them "
							+ "(%.1f KiB each; max heap %d MiB); a new user still answered%n",
					count, before >> 20, after >> 20, perConnection / 1024, Runtime.getRuntime().maxMemory() >> 20);
			assertThat(after).as("heap with the idle connections").isLessThan(1024L * 1024 * 1024);
		}
		finally {
			clients.getOutputStream().close();
			clients.destroy();
		}
	}

	/**
	 * {@code -Dbench.histogram=true}: the app's heap by class with the sockets open
	 * ({@code jcmd <pid> GC.class_histogram}, its first 30 lines).
	 */
	private static void printHistogram() throws Exception {
		String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
		Process histogram = new ProcessBuilder(jcmd, Long.toString(ProcessHandle.current().pid()), "GC.class_histogram")
			.redirectErrorStream(true)
			.start();
		try (BufferedReader out = new BufferedReader(new InputStreamReader(histogram.getInputStream()))) {
			out.lines().limit(32).forEach(System.out::println);
		}
		histogram.waitFor();
	}

	/**
	 * Full collections until the used heap no longer shrinks (by less than 1 MiB from one
	 * to the next): memory freed only after reference processing and cleaners have run is
	 * counted out as well.
	 */
	private static long heapAfterGc() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		AtomicLong previous = new AtomicLong(Long.MAX_VALUE);
		AtomicLong used = new AtomicLong();
		await("a settled heap").atMost(Duration.ofSeconds(30))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> {
				memory.gc();
				used.set(memory.getHeapMemoryUsage().getUsed());
				return previous.getAndSet(used.get()) - used.get() < 1024 * 1024;
			});
		return used.get();
	}

}
