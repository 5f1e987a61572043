package org.scoutline.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * A platform's webhook delivery as Telegram and Meta do it, behind a load balancer: each
 * update is POSTed to one live instance (round robin over the instances whose process is
 * alive, as a health-checked balancer would), and every update that did not get a 200 (an
 * error status, a refused or reset connection, a timeout) is delivered again with backoff
 * (100 ms, doubling, at most 2 s), to whichever live instance is next, until it gets its
 * 200 or the harness closes. At most {@value #CONNECTIONS} requests are in flight at once
 * (Telegram's default {@code max_connections}).
 */
final class Webhooks implements AutoCloseable {

	static final int CONNECTIONS = 40;

	/** One update and the story of its delivery. */
	static final class Delivery {

		final String id;

		final String chat;

		final String body;

		final Instant scheduled;

		final AtomicInteger attempts = new AtomicInteger();

		/** status codes or exception names of the attempts, counted */
		final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();

		/** the instances that got an attempt (not only the one that answered 200) */
		final List<String> triedOn = new CopyOnWriteArrayList<>();

		volatile Instant accepted;

		volatile String acceptedBy;

		Delivery(String id, String chat, String body, Instant scheduled) {
			this.id = id;
			this.chat = chat;
			this.body = body;
			this.scheduled = scheduled;
		}

		boolean isAccepted() {
			return accepted != null;
		}

	}

	private final String path;

	private final BiConsumer<HttpRequest.Builder, String> headers;

	private final Supplier<List<AppInstance>> instances;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(1))
		.build();

	private final ExecutorService senders = Executors.newFixedThreadPool(CONNECTIONS, daemon("webhook-sender"));

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("webhook-timer"));

	private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

	private final AtomicLong turn = new AtomicLong();

	private volatile boolean closed;

	/**
	 * @param path the webhook path on each instance, e.g. {@code /webhooks/telegram}
	 * @param headers adds the platform's headers (secret, signature) for a body
	 * @param instances the instances behind the balancer
	 */
	Webhooks(String path, BiConsumer<HttpRequest.Builder, String> headers, Supplier<List<AppInstance>> instances) {
		this.path = path;
		this.headers = headers;
		this.instances = instances;
	}

	/** Delivers {@code body} after {@code delay}, and again until it gets a 200. */
	Delivery deliver(String id, String chat, String body, Duration delay) {
		Delivery delivery = new Delivery(id, chat, body, Instant.now().plus(delay));
		deliveries.add(delivery);
		timer.schedule(() -> submit(delivery), delay.toMillis(), TimeUnit.MILLISECONDS);
		return delivery;
	}

	List<Delivery> deliveries() {
		return List.copyOf(deliveries);
	}

	boolean allAccepted() {
		return deliveries.stream().allMatch(Delivery::isAccepted);
	}

	private void submit(Delivery delivery) {
		if (closed) {
			return;
		}
		try {
			senders.execute(() -> attempt(delivery));
		}
		catch (RejectedExecutionException ex) {
			// closing
		}
	}

	private void attempt(Delivery delivery) {
		if (closed) {
			return;
		}
		List<AppInstance> live = instances.get().stream().filter(AppInstance::alive).toList();
		int attempt = delivery.attempts.incrementAndGet();
		if (live.isEmpty()) {
			delivery.outcomes.computeIfAbsent("no-live-instance", k -> new AtomicInteger()).incrementAndGet();
			retry(delivery, attempt);
			return;
		}
		AppInstance target = live.get((int) Math.floorMod(turn.getAndIncrement(), (long) live.size()));
		delivery.triedOn.add(target.name());
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target.port() + path))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(delivery.body));
		headers.accept(request, delivery.body);
		String outcome;
		try {
			HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
			outcome = String.valueOf(response.statusCode());
			if (response.statusCode() == 200) {
				delivery.acceptedBy = target.name();
				delivery.accepted = Instant.now();
			}
		}
		catch (IOException ex) {
			outcome = ex.getClass().getSimpleName();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		delivery.outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
		if (!delivery.isAccepted()) {
			retry(delivery, attempt);
		}
	}

	private void retry(Delivery delivery, int attempt) {
		if (closed) {
			return;
		}
		long backoff = Math.min(2000, 100L << Math.min(attempt - 1, 5));
		try {
			timer.schedule(() -> submit(delivery), backoff, TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			// closing
		}
	}

	/**
	 * @return how often each outcome of an attempt happened (status code or exception)
	 */
	Map<String, Integer> outcomes() {
		Map<String, Integer> counts = new java.util.TreeMap<>();
		for (Delivery delivery : deliveries) {
			delivery.outcomes.forEach((outcome, count) -> counts.merge(outcome, count.get(), Integer::sum));
		}
		return counts;
	}

	@Override
	public void close() {
		closed = true;
		timer.shutdownNow();
		senders.shutdownNow();
	}

	static java.util.concurrent.ThreadFactory daemon(String name) {
		AtomicInteger number = new AtomicInteger();
		return work -> {
			Thread thread = new Thread(work, name + "-" + number.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
