package org.scoutline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.scoutline.support.ChatClient;
import org.scoutline.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * How much heap idle widget connections cost: a separate client process opens
 * {@code bench.idle} sockets (default 10,000) and says hello on each; the app's heap is
 * measured after a full GC before and after, and its resident memory outside the heap.
 * Then one more user takes a turn to show the app still answers.
 * {@code -Dbench.deflate=true}: the handshakes ask for {@code permessage-deflate} as
 * browsers do; {@code -Dbench.histogram=true}: what the sockets added to the heap, by
 * class. Run: {@code mvn -Pbenchmark verify} (docs/benchmarks.md).
 */
@Tag("benchmark")
@IntegrationTest
// the sockets stay silent on purpose: the idle drop (5 minutes by default) would close
// them during a long run
@TestPropertySource(properties = { "scoutline.webchat.limits.sockets-per-minute=1000000",
		"scoutline.webchat.limits.sockets-per-client=100000", "scoutline.webchat.limits.new-chats-per-minute=1000000",
		"scoutline.webchat.idle-timeout=29m" })
class IdleConnectionsBenchmark {

	@LocalServerPort
	int port;

	@Test
	void idleConnectionsFitInTheHeap() throws Exception {
		int count = Integer.getInteger("bench.idle", 10_000);
		boolean histogram = Boolean.getBoolean("bench.histogram");
		boolean deflate = Boolean.getBoolean("bench.deflate");
		long before = AppMemory.heapAfterGc();
		AppMemory.Resident residentBefore = AppMemory.resident();
		Map<String, long[]> classesBefore = histogram ? AppMemory.classes() : Map.of();
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process clients = new ProcessBuilder(java, "-Xmx2g", "-cp", System.getProperty("java.class.path"),
				IdleWidgetClients.class.getName(), Integer.toString(port), Integer.toString(count),
				deflate ? "deflate" : "plain")
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
			long after = AppMemory.heapAfterGc();
			AppMemory.Resident residentAfter = AppMemory.resident();
			if (histogram) {
				AppMemory.printGrowth(classesBefore, AppMemory.classes(), count);
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
			System.out.printf(Locale.ROOT,
					"resident memory: %d MiB before, %d MiB with them (%.1f KiB each); outside the Java heap "
							+ "%d MiB before, %d MiB with them (%.1f KiB each); %s%n",
					residentBefore.all() >> 20, residentAfter.all() >> 20,
					(residentAfter.all() - residentBefore.all()) / 1024.0 / count, residentBefore.outsideHeap() >> 20,
					residentAfter.outsideHeap() >> 20,
					(residentAfter.outsideHeap() - residentBefore.outsideHeap()) / 1024.0 / count,
					said.toString().lines().filter(l -> l.startsWith("DEFLATE")).findFirst().orElse("DEFLATE ?")
							+ " sockets agreed to permessage-deflate");
			assertThat(after).as("heap with the idle connections").isLessThan(1024L * 1024 * 1024);
		}
		finally {
			clients.getOutputStream().close();
			clients.destroy();
		}
	}

}
