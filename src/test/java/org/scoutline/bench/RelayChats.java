package org.scoutline.bench;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.scoutline.support.BrokerSubscriptions;
import org.scoutline.support.ConsoleClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The live chats of {@link RelayLatencyBenchmark}: scouts logged in to the console of one
 * instance or the other, widget users who each join the queue and are claimed by their
 * scout, and the paced exchange of messages both ways. Chat {@code k} belongs to scout
 * {@code k mod scouts} (scouts alternate between the instances); its user is on the other
 * instance, except in every fourth round of chats, where user and scout share one.
 */
final class RelayChats implements AutoCloseable {

	/** One app instance: where its clients connect, and its broker's subscriptions. */
	record Instance(int port, BrokerSubscriptions subscriptions) {
	}

	/** A scout logged in on {@code instance}. */
	record Scout(String username, ConsoleClient client, Instance instance) {
	}

	/**
	 * The figures of one paced phase.
	 *
	 * @param seconds from the first send to the last
	 * @param maxLateMillis how far behind its schedule the pacer was at most
	 * @param widgetErrors error frames (and socket errors) at the widgets in the phase
	 * @param consoleErrors refusals on the scouts' {@code /user/queue/errors} in the
	 * phase, and STOMP errors since they logged in
	 */
	record Phase(RelayTimings.Summary toScout, RelayTimings.Summary toUser, double seconds, double maxLateMillis,
			long widgetErrors, long consoleErrors) {
	}

	private final List<Instance> instances;

	private final int count;

	private final ExecutorService io = Executors.newFixedThreadPool(2, named("relay-widget-io"));

	private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor(named("relay-pacer"));

	private final HttpClient http = HttpClient.newBuilder().executor(io).build();

	private final List<Scout> scouts = new ArrayList<>();

	private final List<RelayWidgetUser> users = new ArrayList<>();

	private final List<String> ids = new ArrayList<>();

	private final boolean[] cross;

	private final AtomicLong widgetErrors = new AtomicLong();

	private final AtomicLong consoleErrors = new AtomicLong();

	private volatile RelayTimings toScout;

	private volatile RelayTimings toUser;

	/** the number of the first message of the next phase: numbers never repeat */
	private long firstNumber;

	RelayChats(List<Instance> instances, int count) {
		this.instances = instances;
		this.count = count;
		this.cross = new boolean[count];
		this.toScout = new RelayTimings(cross);
		this.toUser = toScout;
	}

	/**
	 * Logs the scouts in (scout {@code i} on instance {@code i mod 2}) and opens their
	 * consoles: each is checked in from then on.
	 */
	void logIn(List<String> usernames, String password) {
		for (int i = 0; i < usernames.size(); i++) {
			String username = usernames.get(i);
			Instance instance = instances.get(i % instances.size());
			ConsoleClient client = ConsoleClient.login(instance.port(), username, password);
			scouts.add(new Scout(username, client, instance));
			instance.subscriptions().connect(client, username);
			instance.subscriptions()
				.subscribe(client, username, "/user/queue/errors", error -> consoleErrors.incrementAndGet());
		}
	}

	/**
	 * Opens the chats one after another: the user says hello, picks English and asks for
	 * a scout (the shortest way into the queue); their scout finds the chat as the only
	 * one waiting, claims it and subscribes to it.
	 * @return how many chats cross instances
	 */
	int open() {
		int crossing = 0;
		for (int k = 0; k < count; k++) {
			Scout scout = scouts.get(k % scouts.size());
			int round = k / scouts.size();
			cross[k] = round % 4 != 0;
			crossing += cross[k] ? 1 : 0;
			int scoutSide = instances.indexOf(scout.instance());
			Instance userSide = instances.get(cross[k] ? 1 - scoutSide : scoutSide);
			RelayWidgetUser user = new RelayWidgetUser(http, userSide.port(), k, () -> toUser, widgetErrors);
			users.add(user);
			user.hello();
			user.next("ready");
			user.next("bot");
			user.choice("en");
			user.next("bot");
			user.command("scout");
			expect(user.next("bot"), "queue at number", k);
			JsonNode waiting = scout.client().get("/console/api/queue").json();
			if (waiting.size() != 1) {
				throw new AssertionError("chat " + k + ": " + waiting.size() + " chats waiting instead of one");
			}
			String id = waiting.get(0).path("id").asText();
			int claimed = scout.client().post("/console/api/chats/" + id + "/claim", null).status();
			if (claimed != 200) {
				throw new AssertionError("chat " + k + ": the claim answered " + claimed);
			}
			expect(user.next("bot"), "is here for you", k);
			int chat = k;
			scout.instance()
				.subscriptions()
				.subscribe(scout.client(), scout.username(), "/topic/chat/" + id, body -> scoutReceived(chat, body));
			ids.add(id);
		}
		return crossing;
	}

	private static void expect(JsonNode bot, String words, int chat) {
		if (!RelayWidgetUser.texts(bot).contains(words)) {
			throw new AssertionError("chat " + chat + ": expected '" + words + "', got " + bot);
		}
	}

	/** A frame on the scout's subscription to a chat: the user's words are timed. */
	private void scoutReceived(int chat, JsonNode body) {
		long at = System.nanoTime();
		String text = body.path("text").asText();
		if ("user".equals(body.path("author").asText()) && RelayTimings.isRelayed(text)) {
			toScout.arrived(text, at, chat);
		}
	}

	/**
	 * Every chat exchanges messages both ways: {@code rate} messages per second each way
	 * for all chats together, on a fixed schedule (chat after chat), the scouts' half a
	 * period after the users'. Then waits (at most 10 s) for what is still under way.
	 */
	Phase run(int seconds, int rate) throws InterruptedException {
		RelayTimings up = new RelayTimings(cross);
		RelayTimings down = new RelayTimings(cross);
		toScout = up;
		toUser = down;
		widgetErrors.set(0);
		consoleErrors.set(0);
		long period = TimeUnit.SECONDS.toNanos(1) / rate;
		long total = (long) rate * seconds;
		long first = firstNumber;
		firstNumber += total;
		long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
		AtomicLong maxLate = new AtomicLong();
		CountDownLatch done = new CountDownLatch(2);
		ScheduledFuture<?> userSends = pace(start, period, total, maxLate, done,
				n -> userWrites(up, (int) (n % count), first + n));
		ScheduledFuture<?> scoutSends = pace(start + period / 2, period, total, maxLate, done,
				n -> scoutWrites(down, (int) ((n + count / 2) % count), first + n));
		boolean finished = done.await(seconds + 60L, TimeUnit.SECONDS);
		double elapsed = (System.nanoTime() - start) / 1e9;
		userSends.cancel(false);
		scoutSends.cancel(false);
		if (!finished) {
			throw new AssertionError("the pacer did not finish within a minute of the phase's end");
		}
		try {
			Awaitility.await("messages under way")
				.atMost(Duration.ofSeconds(10))
				.pollInterval(Duration.ofMillis(10))
				.until(() -> up.outstanding() + down.outstanding() == 0);
		}
		catch (ConditionTimeoutException ex) {
			// counted as lost
		}
		long stompErrors = scouts.stream().mapToLong(s -> s.client().errors.size()).sum();
		return new Phase(up.summary(), down.summary(), elapsed, maxLate.get() / 1e6, widgetErrors.get(),
				consoleErrors.get() + stompErrors);
	}

	/**
	 * Runs {@code send} for message 0, 1, ... {@code total - 1}, one every {@code period}
	 * ns from {@code start}, noting how late the pacer ran.
	 */
	private ScheduledFuture<?> pace(long start, long period, long total, AtomicLong maxLate, CountDownLatch done,
			LongConsumer send) {
		AtomicLong next = new AtomicLong();
		return pacer.scheduleAtFixedRate(() -> {
			long n = next.getAndIncrement();
			if (n >= total) {
				if (n == total) {
					done.countDown();
				}
				return;
			}
			long late = System.nanoTime() - (start + n * period);
			maxLate.accumulateAndGet(late, Math::max);
			send.accept(n);
		}, Math.max(0, start - System.nanoTime()), period, TimeUnit.NANOSECONDS);
	}

	private void userWrites(RelayTimings timings, int chat, long n) {
		timings.sending(chat, n);
		try {
			users.get(chat).text(RelayTimings.text(chat, n)).whenComplete((socket, ex) -> {
				if (ex != null) {
					timings.failed(n);
				}
			});
		}
		catch (RuntimeException ex) {
			timings.failed(n);
		}
	}

	/**
	 * @param chat starting with the other half of the chats, so that a chat's two
	 * directions do not coincide
	 */
	private void scoutWrites(RelayTimings timings, int chat, long n) {
		Scout scout = scouts.get(chat % scouts.size());
		timings.sending(chat, n);
		try {
			scout.client().send("/app/chat/" + ids.get(chat) + "/send", Map.of("text", RelayTimings.text(chat, n)));
		}
		catch (RuntimeException ex) {
			timings.failed(n);
		}
	}

	@Override
	public void close() {
		pacer.shutdownNow();
		users.forEach(RelayWidgetUser::close);
		scouts.forEach(s -> s.client().close());
		io.shutdown();
	}

	private static ThreadFactory named(String prefix) {
		AtomicLong n = new AtomicLong();
		return task -> {
			Thread thread = new Thread(task, prefix + "-" + n.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
