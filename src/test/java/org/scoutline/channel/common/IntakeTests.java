package org.scoutline.channel.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.scoutline.platform.ScoutlineSettings;
import org.scoutline.platform.Secrets;
import org.scoutline.safety.Pseudonyms;
import org.scoutline.support.IntegrationTest;
import org.scoutline.support.RedisTestSupport.TestKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The durable intake on a real Redis: each arrival once, in order within a chat and never
 * on two workers at once, even with two instances; the tokens of a dead instance taken
 * over; an arrival that keeps failing tried again and then given up with one notice; and
 * nothing about a person kept without an expiry.
 */
@IntegrationTest
@TestPropertySource(properties = { "scoutline.intake.claim-after=400ms", "scoutline.intake.retry-backoff=20ms",
		"scoutline.intake.max-attempts=3", "scoutline.intake.batch=2" })
class IntakeTests {

	@Autowired
	Intake intake;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	LettuceConnectionFactory connections;

	@Autowired
	Pseudonyms pseudonyms;

	@Autowired
	Secrets secrets;

	@Autowired
	IntakeSettings settings;

	@Autowired
	ScoutlineSettings scoutline;

	@Autowired
	ChannelMeters meters;

	@Autowired
	TestKeys keys;

	final List<IntakeWorkers> started = new ArrayList<>();

	final String channel = "test" + UUID.randomUUID().toString().substring(0, 8);

	@AfterEach
	void stop() {
		started.forEach(IntakeWorkers::stop);
		keys.clearAllButAccounts();
	}

	@Test
	void everyArrivalIsHandledOnceInOrderPerChatAndNeverOnTwoWorkersAtOnce() {
		Recorder recorder = new Recorder();
		start(intake, recorder.on(1));
		start(secondInstance(), recorder.on(2));
		int chats = 12;
		int perChat = 25;
		for (int n = 0; n < perChat; n++) {
			for (int c = 0; c < chats; c++) {
				assertThat(intake.offer(channel, "a-" + c + "-" + n, "chat-" + c, c + ":" + n)).isTrue();
			}
		}
		assertThat(intake.offer(channel, "a-0-0", "chat-0", "0:0")).as("delivered again").isFalse();
		await().atMost(Duration.ofSeconds(20)).until(() -> recorder.handled.size() == chats * perChat);
		for (int c = 0; c < chats; c++) {
			String prefix = c + ":";
			assertThat(recorder.handled.stream().filter(p -> p.startsWith(prefix)).toList()).containsExactlyElementsOf(
					java.util.stream.IntStream.range(0, perChat).mapToObj(n -> prefix + n).toList());
		}
		assertThat(recorder.overlaps).as("one chat on two workers at once").hasValue(0);
		await().atMost(Duration.ofSeconds(5)).until(() -> pending() == 0);
		assertThat(redis.opsForStream().size(intake.stream(channel))).as("finished tokens are deleted").isZero();
	}

	@Test
	void theTokensOfADeadInstanceAreTakenOverAfterTheirIdleTime() {
		Intake dead = secondInstance();
		intake.offer(channel, "a-1", "chat-1", "first");
		intake.offer(channel, "a-2", "chat-1", "second");
		// the dead instance read the token, then died before it handled anything
		dead.claim(channel);
		long started = System.nanoTime();
		assertThat(dead.read(channel)).hasSize(1);
		Recorder recorder = new Recorder();
		start(intake, recorder.on(1));
		await().atMost(Duration.ofSeconds(10)).until(() -> recorder.handled.size() == 2);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("not before its idle time")
			.isGreaterThanOrEqualTo(settings.claimAfter());
		dead.stopReading(channel);
		assertThat(recorder.handled).containsExactly("first", "second");
	}

	@Test
	void anArrivalThatKeepsFailingIsTriedAgainAndThenGivenUpWithOneNotice() {
		List<String> givenUp = new CopyOnWriteArrayList<>();
		AtomicInteger attempts = new AtomicInteger();
		List<String> handled = new CopyOnWriteArrayList<>();
		start(intake, new IntakeHandler() {
			@Override
			public void handle(String payload, int attempt) {
				if (payload.equals("poison")) {
					attempts.set(attempt);
					throw new IllegalStateException("platform down");
				}
				handled.add(payload + "@" + attempt);
			}

			@Override
			public void giveUp(String payload) {
				givenUp.add(payload);
			}
		});
		intake.offer(channel, "a-1", "chat-1", "poison");
		intake.offer(channel, "a-2", "chat-1", "after");
		await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 1);
		assertThat(attempts).hasValue(settings.maxAttempts());
		assertThat(givenUp).containsExactly("poison");
		assertThat(handled).as("the next arrival of the chat waited, then came on its first attempt")
			.containsExactly("after@1");
	}

	@Test
	void whatIsKeptAboutAChatIsSealedAndExpires() {
		List<String> handled = new CopyOnWriteArrayList<>();
		intake.offer(channel, "wamid.4917612345678", "4917612345678", "ich habe angst");
		List<String> kept = keys.all().stream().filter(key -> !key.contains(":acct")).toList();
		assertThat(kept).noneMatch(key -> key.contains("4917612345678"));
		for (String key : kept) {
			if (!key.endsWith("{intake:" + channel + "}:stream")) {
				assertThat(keys.ttl(key)).as(key).isPositive();
			}
			if (key.contains(":inbox:") && !key.contains(":token")) {
				assertThat(redis.opsForList().range(key, 0, -1).toString()).doesNotContain("angst");
			}
		}
		start(intake, recording(handled));
		await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 1);
		assertThat(handled).containsExactly("ich habe angst");
		await().atMost(Duration.ofSeconds(5))
			.until(() -> keys.all().stream().noneMatch(key -> key.contains("{intake:" + channel + "}:inbox:")));
	}

	private long pending() {
		return redis.opsForStream().pending(intake.stream(channel), Intake.GROUP).getTotalPendingMessages();
	}

	private Intake secondInstance() {
		return new Intake(redis, connections, pseudonyms, secrets, settings, scoutline, meters);
	}

	private void start(Intake on, IntakeHandler handler) {
		IntakeWorkers workers = on.workers(channel, 4, handler);
		workers.start();
		started.add(workers);
	}

	private static IntakeHandler recording(List<String> handled) {
		return new IntakeHandler() {
			@Override
			public void handle(String payload, int attempt) {
				handled.add(payload);
			}

			@Override
			public void giveUp(String payload) {
			}
		};
	}

	/** Records what was handled, on which instance, and overlaps within a chat. */
	static final class Recorder {

		final List<String> handled = new CopyOnWriteArrayList<>();

		final Map<String, AtomicInteger> busy = new ConcurrentHashMap<>();

		final AtomicInteger overlaps = new AtomicInteger();

		IntakeHandler on(int instance) {
			return new IntakeHandler() {
				@Override
				public void handle(String payload, int attempt) {
					String chat = payload.substring(0, payload.indexOf(':') + 1);
					AtomicInteger inChat = busy.computeIfAbsent(chat, c -> new AtomicInteger());
					if (inChat.incrementAndGet() > 1) {
						overlaps.incrementAndGet();
					}
					// a little work, so that two workers on one chat would overlap
					long until = System.nanoTime() + 300_000;
					while (System.nanoTime() < until) {
						Thread.onSpinWait();
					}
					handled.add(payload);
					inChat.decrementAndGet();
				}

				@Override
				public void giveUp(String payload) {
				}
			};
		}

	}

}
