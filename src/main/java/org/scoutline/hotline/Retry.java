package org.scoutline.hotline;

import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently the hotline saves again after another instance saved the
 * same conversation.
 */
final class Retry {

	static final int MAX_ATTEMPTS = 8;

	private Retry() {
	}

	/**
	 * Waits a random, growing moment before attempt {@code attempt} (2 and up), so two
	 * instances don't collide again.
	 */
	static void backOff(int attempt) {
		try {
			Thread.sleep(ThreadLocalRandom.current().nextLong(1, 2L << Math.min(attempt, 6)));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
