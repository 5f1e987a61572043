package org.scoutline.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the widget load of {@link WidgetLoadBenchmark} comes from: its own process
 * (default) or this JVM ({@code -Dbench.generator=inline}), and the CPU time it has used
 * so far.
 */
interface LoadGenerator extends AutoCloseable {

	WidgetLoad.Phase run(int seconds, int rate) throws Exception;

	/**
	 * @return the CPU time the generator has used so far
	 */
	long cpuNanos();

	@Override
	void close();

	static LoadGenerator start(int port, int users) throws IOException {
		return "inline".equals(System.getProperty("bench.generator")) ? new Inline(new WidgetLoad(port, users))
				: new OwnProcess(port, users);
	}

	/** In the app's JVM: its threads compete with the app's inside one process. */
	record Inline(WidgetLoad load) implements LoadGenerator {

		@Override
		public WidgetLoad.Phase run(int seconds, int rate) throws InterruptedException {
			return load.run(seconds, rate);
		}

		@Override
		public long cpuNanos() {
			ThreadMXBean threads = ManagementFactory.getThreadMXBean();
			long sum = 0;
			for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
				if (info != null && isGenerator(info.getThreadName())) {
					sum += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
				}
			}
			return sum;
		}

		static boolean isGenerator(String thread) {
			return thread.startsWith("HttpClient") || thread.startsWith("pool-");
		}

		@Override
		public void close() {
			load.close();
		}

	}

	/**
	 * {@link WidgetLoadClients} in a JVM of its own, spoken to over its standard streams.
	 */
	final class OwnProcess implements LoadGenerator {

		private final Process process;

		private final BufferedReader out;

		private final PrintWriter in;

		OwnProcess(int port, int users) throws IOException {
			String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			this.process = new ProcessBuilder(java, "-Xmx512m", "-XX:+UseSerialGC", "-cp",
					System.getProperty("java.class.path"), WidgetLoadClients.class.getName(), Integer.toString(port),
					Integer.toString(users))
				.redirectErrorStream(true)
				.start();
			this.out = new BufferedReader(new InputStreamReader(process.getInputStream()));
			this.in = new PrintWriter(process.getOutputStream(), true);
			await("READY");
		}

		@Override
		public WidgetLoad.Phase run(int seconds, int rate) throws IOException {
			in.println("run " + seconds + " " + rate);
			return WidgetLoad.Phase.parse(await("PHASE ").substring(6));
		}

		private String await(String prefix) throws IOException {
			StringBuilder said = new StringBuilder();
			String line;
			while ((line = out.readLine()) != null) {
				if (line.startsWith(prefix)) {
					return line;
				}
				said.append(line).append('\n');
			}
			throw new IllegalStateException("the load generator ended without " + prefix + ": " + said);
		}

		@Override
		public long cpuNanos() {
			return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
		}

		@Override
		public void close() {
			in.close();
			try {
				if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
					process.destroy();
				}
			}
			catch (InterruptedException ex) {
				process.destroy();
				Thread.currentThread().interrupt();
			}
		}

	}

}
