package org.scoutline.console;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the console login slows down and locks out wrong passwords
 * ({@code scoutline.console.login.*}). Failures are counted per username and per client
 * address; from the {@code delay-after}th failure on, the next attempt must wait
 * {@code first-delay}, then twice as long after each further failure (at most
 * {@code max-delay}); the {@code lock-after}th failure locks for {@code lock-for}. A
 * failure is forgotten gradually: one every {@code window / lock-after}.
 *
 * @param username the limits per username (default: delay after 3, lock after 10)
 * @param address the limits per client address (default: delay after 10, lock after 30)
 * @param firstDelay the first wait
 * @param maxDelay the longest wait before the lock
 * @param window the time in which {@code lock-after} failures lock
 * @param lockFor how long a lock lasts (a coordinator can lift a username's sooner)
 */
@ConfigurationProperties("scoutline.console.login")
record LoginSettings(Limit username, Limit address, @DefaultValue("1s") Duration firstDelay,
		@DefaultValue("5m") Duration maxDelay, @DefaultValue("15m") Duration window,
		@DefaultValue("15m") Duration lockFor) {

	LoginSettings {
		username = Limit.or(username, 3, 10);
		address = Limit.or(address, 10, 30);
		if (!positive(firstDelay) || !positive(maxDelay) || !positive(window) || !positive(lockFor)) {
			throw new IllegalArgumentException(
					"scoutline.console.login: first-delay, max-delay, window and lock-for must be positive");
		}
		if (maxDelay.compareTo(firstDelay) < 0) {
			throw new IllegalArgumentException("scoutline.console.login.max-delay must not be below first-delay");
		}
	}

	private static boolean positive(Duration duration) {
		return duration != null && !duration.isNegative() && !duration.isZero();
	}

	/**
	 * The wait after the {@code failures}th failure in the window.
	 * @return zero below the limit's {@code delay-after}
	 */
	Duration delay(Limit limit, int failures) {
		if (failures < limit.delayAfter()) {
			return Duration.ZERO;
		}
		int doublings = Math.min(failures - limit.delayAfter(), 40);
		Duration delay = firstDelay;
		for (int i = 0; i < doublings && delay.compareTo(maxDelay) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
	}

	/**
	 * @param delayAfter the failure from which on the next attempt must wait
	 * @param lockAfter the failure that locks
	 */
	record Limit(Integer delayAfter, Integer lockAfter) {

		static Limit or(Limit given, int delayAfter, int lockAfter) {
			Limit limit = new Limit(given == null || given.delayAfter() == null ? delayAfter : given.delayAfter(),
					given == null || given.lockAfter() == null ? lockAfter : given.lockAfter());
			if (limit.delayAfter() < 1 || limit.lockAfter() < 1) {
				throw new IllegalArgumentException(
						"scoutline.console.login: delay-after and lock-after must be 1 or more");
			}
			return limit;
		}

	}

}
