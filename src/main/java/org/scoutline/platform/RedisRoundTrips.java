package org.scoutline.platform;

import io.lettuce.core.event.command.CommandFailedEvent;
import io.lettuce.core.event.command.CommandListener;
import io.lettuce.core.event.command.CommandStartedEvent;
import io.lettuce.core.event.command.CommandSucceededEvent;

/**
 * Counts the Redis commands a thread sends while it has a count open: the round trips of
 * one turn ({@code scoutline.turn.redis.roundtrips}). Lettuce tells a command listener of
 * each command on the thread that sends it, so a per-thread counter is enough: no lock,
 * no allocation per command. Commands sent in one pipeline count one each.
 */
public final class RedisRoundTrips implements CommandListener {

	private static final ThreadLocal<Count> COUNT = ThreadLocal.withInitial(Count::new);

	private static final class Count {

		private int open;

		private int commands;

	}

	/** Opens a count on this thread (nested counts add to the outer one). */
	public static void start() {
		Count count = COUNT.get();
		if (count.open++ == 0) {
			count.commands = 0;
		}
	}

	/**
	 * Closes the count opened last on this thread.
	 * @return the commands sent since it was opened
	 */
	public static int stop() {
		Count count = COUNT.get();
		count.open = Math.max(0, count.open - 1);
		return count.commands;
	}

	@Override
	public void commandStarted(CommandStartedEvent event) {
		Count count = COUNT.get();
		if (count.open > 0) {
			count.commands++;
		}
	}

	@Override
	public void commandSucceeded(CommandSucceededEvent event) {
	}

	@Override
	public void commandFailed(CommandFailedEvent event) {
	}

}
