package org.scoutline.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load of {@link WidgetLoadBenchmark}: virtual widget users, each with its own
 * WebSocket, walking the 15-year-old's journey over and over. Runs in the benchmark's JVM
 * ({@code -Dbench.generator=inline}) or in its own process ({@link WidgetLoadClients}).
 */
final class WidgetLoad implements AutoCloseable {

	/**
	 * one cycle: the 15-year-old's journey from the welcome to the plan, then a restart
	 */
	static final List<String[]> CYCLE = List.of(choice("de"), choice("a"), choice("no"), choice("no"), choice("13_15"),
			choice("money"), choice("no"), choice("yes"), choice("instagram"), choice("de"), command("restart"));

	private final int port;

	private final ExecutorService io = Executors.newFixedThreadPool(2, named("HttpClient-load"));

	private final ScheduledExecutorService pacer = Executors.newScheduledThreadPool(1, named("pool-pacer"));

	private final List<User> users = new ArrayList<>();

	WidgetLoad(int port, int count) {
		this.port = port;
		HttpClient http = HttpClient.newBuilder().executor(io).build();
		for (int i = 0; i < count; i++) {
			users.add(new User(http));
		}
		users.forEach(User::awaitReady);
	}

	/**
	 * @param rate turns per second of all users together; 0 for a closed loop
	 */
	Phase run(int seconds, int rate) throws InterruptedException {
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
		long[] latencies = samples.stream().mapToLong(s -> s[0]).sorted().toArray();
		long errors = users.stream().mapToLong(u -> u.errors.getAndSet(0)).sum();
		return new Phase(latencies.length, elapsed, errors, percentile(latencies, 0.50), percentile(latencies, 0.99),
				percentile(latencies, 1.0));
	}

	@Override
	public void close() {
		users.forEach(u -> u.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
		pacer.shutdownNow();
		io.shutdown();
	}

	private static double percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
		return sorted[Math.max(0, index)] / 1e6;
	}

	/** What one phase gave: turns, wall time, error frames, latencies in ms. */
	record Phase(long turns, double seconds, long errors, double p50, double p99, double max) {

		double rate() {
			return turns / seconds;
		}

		String line() {
			return String.format(Locale.ROOT, "%d %.4f %d %.4f %.4f %.4f", turns, seconds, errors, p50, p99, max);
		}

		static Phase parse(String line) {
			String[] f = line.trim().split(" ");
			return new Phase(Long.parseLong(f[0]), Double.parseDouble(f[1]), Long.parseLong(f[2]),
					Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]));
		}

	}

	/** One virtual widget user: a socket, a place in the cycle, and its timings. */
	final class User implements WebSocket.Listener {

		final WebSocket socket;

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

		/**
		 * the last send: the JDK's client refuses a send while the one before is pending,
		 * and a reply can arrive before the send it answers is marked done, so each send
		 * waits for the one before (most likely why one phase ran 30 s over: a user
		 * waited for the reply to a frame that never left)
		 */
		private CompletableFuture<WebSocket> sending;

		User(HttpClient http) {
			this.socket = http.newWebSocketBuilder()
				.connectTimeout(Duration.ofSeconds(10))
				.buildAsync(URI.create("ws://127.0.0.1:" + port + "/chat/ws"), this)
				.join();
			expectedFrames = 2;
			sending = CompletableFuture.completedFuture(socket);
			sendInOrder("{\"type\":\"hello\",\"token\":null,\"locale\":\"de\"}");
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
			sendInOrder("{\"type\":\"" + next[0] + "\",\"id\":\"" + UUID.randomUUID() + "\",\"" + next[0] + "\":\""
					+ next[1] + "\"}");
		}

		private synchronized void sendInOrder(String frame) {
			// a failed send counts once and does not fail every send after it
			sending = sending.exceptionally(failure -> socket)
				.thenCompose(ws -> ws.sendText(frame, true))
				.whenComplete((ws, failure) -> {
					if (failure != null) {
						errors.incrementAndGet();
					}
				});
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

	}

	private static java.util.concurrent.ThreadFactory named(String prefix) {
		AtomicLong n = new AtomicLong();
		return task -> {
			Thread thread = new Thread(task, prefix + "-" + n.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	private static String[] choice(String id) {
		return new String[] { "choice", id };
	}

	private static String[] command(String command) {
		return new String[] { "command", command };
	}

}
