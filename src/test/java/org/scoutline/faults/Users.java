package org.scoutline.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.scoutline.faults.Outbox.Sent;

/**
 * The people of a scenario on one channel: {@code /start} (on WhatsApp a first "Hallo")
 * or a tap on a button, sent through the fake platform as the real one would send it.
 */
abstract class Users {

	private final String channel;

	private final Outbox outbox;

	Users(String channel, Outbox outbox) {
		this.channel = channel;
		this.outbox = outbox;
	}

	String channel() {
		return channel;
	}

	Outbox outbox() {
		return outbox;
	}

	/**
	 * @param what {@code /start} or the id of a button to tap
	 * @param delay when to send it, from now
	 * @param reply how its answer is recognised
	 */
	abstract Step send(String chat, String what, Duration delay, Predicate<Sent> reply);

	/**
	 * @return {@code count} chats no other run uses
	 */
	abstract List<String> chats(int count);

	/** Telegram in webhook mode: updates POSTed to /webhooks/telegram until a 200. */
	static Users telegramWebhook(FakeTelegram telegram) {
		return new Telegram(telegram, false, null);
	}

	/**
	 * Telegram in polling mode: updates queued for getUpdates ({@code harness} schedules
	 * them).
	 */
	static Users telegramPolling(FakeTelegram telegram, Harness harness) {
		return new Telegram(telegram, true, harness);
	}

	/** WhatsApp: notifications POSTed to /webhooks/whatsapp, signed, until a 200. */
	static Users whatsApp(FakeMeta meta) {
		return new WhatsApp(meta);
	}

	private static final class Telegram extends Users {

		private static final AtomicInteger updateIds = new AtomicInteger(
				ThreadLocalRandom.current().nextInt(1_000_000, 100_000_000));

		private final FakeTelegram telegram;

		private final boolean polling;

		private final Harness harness;

		Telegram(FakeTelegram telegram, boolean polling, Harness harness) {
			super("telegram", telegram.outbox());
			this.telegram = telegram;
			this.polling = polling;
			this.harness = harness;
		}

		@Override
		Step send(String chat, String what, Duration delay, Predicate<Sent> reply) {
			int updateId = updateIds.incrementAndGet();
			long id = Long.parseLong(chat);
			String update = what.startsWith("/") ? FakeTelegram.text(updateId, id, what)
					: FakeTelegram.callback(updateId, id, telegram.lastKeyboard(id), what);
			if (!polling) {
				Webhooks.Delivery delivery = telegram.webhooks().deliver(String.valueOf(updateId), chat, update, delay);
				return new Step(channel(), chat, what, reply, outbox(), delivery, delivery.scheduled);
			}
			Step step = new Step(channel(), chat, what, reply, outbox(), null, null);
			harness.at(delay, () -> {
				telegram.queue(updateId, update);
				step.sent = Instant.now();
			});
			return step;
		}

		@Override
		List<String> chats(int count) {
			long base = ThreadLocalRandom.current().nextLong(1_000_000_000L, 8_000_000_000L);
			List<String> chats = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				chats.add(String.valueOf(base + i));
			}
			return chats;
		}

	}

	private static final class WhatsApp extends Users {

		private final FakeMeta meta;

		WhatsApp(FakeMeta meta) {
			super("whatsapp", meta.outbox());
			this.meta = meta;
		}

		@Override
		Step send(String chat, String what, Duration delay, Predicate<Sent> reply) {
			String payload = what.startsWith("/") ? FakeMeta.text(chat, "Hallo") : FakeMeta.reply(chat, what);
			Webhooks.Delivery delivery = meta.webhooks().deliver(chat + "/" + what, chat, payload, delay);
			return new Step(channel(), chat, what, reply, outbox(), delivery, delivery.scheduled);
		}

		@Override
		List<String> chats(int count) {
			long base = ThreadLocalRandom.current().nextLong(1_000_000_000L, 8_000_000_000L);
			List<String> numbers = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				numbers.add("49" + (base + i));
			}
			return numbers;
		}

	}

}
