package org.scoutline.platform;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets a line through once a minute per kind at most, so that a flood of bad input or a
 * Redis outage writes a few lines, not thousands. The kinds are a small fixed set named
 * in code ({@code "telegram 503"}), never anything a user sent.
 */
public final class LogGate {

	private static final long MINUTE_MILLIS = 60_000;

	private final ConcurrentMap<String, AtomicLong> last = new ConcurrentHashMap<>();

	/**
	 * @return whether a line of this kind may be logged now
	 */
	public boolean open(String kind) {
		AtomicLong at = last.computeIfAbsent(kind, k -> new AtomicLong(Long.MIN_VALUE / 2));
		long now = System.currentTimeMillis();
		long before = at.get();
		return now - before >= MINUTE_MILLIS && at.compareAndSet(before, now);
	}

}
