package org.scoutline.bench;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One direction of the relay in one phase of {@link RelayLatencyBenchmark}: every message
 * sent (its number, its chat and the moment it left, by {@link System#nanoTime()}), every
 * arrival matched to it by the number in its text, and whatever did not match. The text
 * of a message is {@code relay <chat> <number>}; numbers are unique within a phase and
 * direction.
 */
final class RelayTimings {

	private static final String MARK = "relay ";

	/** number -> {chat, sent at} */
	private final ConcurrentHashMap<Long, long[]> pending = new ConcurrentHashMap<>();

	/** {latency in ns, 1 when the chat's user and scout are on different instances} */
	private final ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();

	private final AtomicLong sent = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	private final AtomicLong misrouted = new AtomicLong();

	private final AtomicLong unmatched = new AtomicLong();

	/** by chat: whether its user and its scout are on different instances */
	private final boolean[] cross;

	RelayTimings(boolean[] cross) {
		this.cross = cross;
	}

	/** The text that carries message {@code number} of {@code chat}. */
	static String text(int chat, long number) {
		return MARK + chat + " " + number;
	}

	/**
	 * @return whether {@code text} is one of the benchmark's messages
	 */
	static boolean isRelayed(String text) {
		return text.startsWith(MARK);
	}

	/**
	 * Message {@code number} of {@code chat} leaves now (called right before the send).
	 */
	void sending(int chat, long number) {
		sent.incrementAndGet();
		pending.put(number, new long[] { chat, System.nanoTime() });
	}

	/** The send of message {@code number} failed at once: it cannot arrive. */
	void failed(long number) {
		if (pending.remove(number) != null) {
			failed.incrementAndGet();
		}
	}

	/**
	 * @param text the message as it arrived
	 * @param at when it arrived ({@link System#nanoTime()})
	 * @param receiver the chat whose socket or subscription received it
	 */
	void arrived(String text, long at, int receiver) {
		String[] parts = text.substring(MARK.length()).trim().split(" ");
		long[] left = parts.length == 2 ? pending.remove(Long.parseLong(parts[1])) : null;
		if (left == null) {
			// a repeat, or not sent in this phase
			unmatched.incrementAndGet();
			return;
		}
		if (left[0] != receiver || Integer.parseInt(parts[0]) != receiver) {
			misrouted.incrementAndGet();
		}
		latencies.add(new long[] { at - left[1], cross[(int) left[0]] ? 1 : 0 });
	}

	/**
	 * @return how many messages sent have neither arrived nor failed
	 */
	int outstanding() {
		return pending.size();
	}

	long sent() {
		return sent.get();
	}

	Summary summary() {
		return new Summary(sent.get(), latencies.size(), pending.size(), failed.get(), misrouted.get(), unmatched.get(),
				stats(-1), stats(1), stats(0));
	}

	/**
	 * @param cross 1: cross-instance chats only, 0: same-instance only, -1: all
	 */
	private Stats stats(int cross) {
		long[] sorted = latencies.stream()
			.filter(l -> cross < 0 || l[1] == cross)
			.mapToLong(l -> l[0])
			.sorted()
			.toArray();
		return new Stats(sorted.length, percentile(sorted, 0.50), percentile(sorted, 0.99), percentile(sorted, 1.0));
	}

	private static double percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
		return sorted[Math.max(0, index)] / 1e6;
	}

	/** Latencies in milliseconds. */
	record Stats(long count, double p50, double p99, double max) {

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "%6d  p50 %7.2f ms  p99 %7.2f ms  max %8.2f ms", count, p50, p99, max);
		}

	}

	/**
	 * @param lost sent, not failed at once, and not arrived when the phase was over
	 * @param failed sends that failed at once
	 * @param misrouted arrived at another chat's socket or subscription
	 * @param unmatched arrivals that match no message sent (repeats)
	 */
	record Summary(long sent, long arrived, long lost, long failed, long misrouted, long unmatched, Stats all,
			Stats cross, Stats same) {

		void print(String direction) {
			System.out.printf(Locale.ROOT,
					"%-14s %s%n    %d sent, %d arrived, %d lost, %d failed to send, %d misrouted, %d unmatched%n"
							+ "    cross-instance %s%n    same-instance  %s%n",
					direction, all, sent, arrived, lost, failed, misrouted, unmatched, cross, same);
		}

	}

}
