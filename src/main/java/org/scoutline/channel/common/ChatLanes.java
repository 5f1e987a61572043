package org.scoutline.channel.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the work of one chat in order and the work of different chats in parallel: a fixed
 * set of single-thread lanes, and a chat always goes to the lane its key hashes to. Work
 * that fails is logged by type only (it may hold personal data) and the lane goes on.
 */
public final class ChatLanes implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ChatLanes.class);

	private final ExecutorService[] lanes;

	/**
	 * @param name the thread name prefix, e.g. {@code telegram}
	 * @param count how many lanes (chats processed at the same time at most)
	 */
	public ChatLanes(String name, int count) {
		this.lanes = new ExecutorService[count];
		AtomicInteger number = new AtomicInteger();
		for (int i = 0; i < count; i++) {
			lanes[i] = Executors.newSingleThreadExecutor(work -> {
				Thread thread = new Thread(work, name + "-lane-" + number.incrementAndGet());
				thread.setDaemon(true);
				return thread;
			});
		}
	}

	/** Queues {@code work} behind everything queued before for the same {@code chat}. */
	public void submit(Object chat, Runnable work) {
		lanes[Math.floorMod(chat == null ? 0 : chat.hashCode(), lanes.length)].execute(() -> {
			try {
				work.run();
			}
			catch (RuntimeException ex) {
				log.error("chat work failed cause={}", ex.getClass().getName());
				log.debug("chat work failure", ex);
			}
		});
	}

	@Override
	public void close() {
		for (ExecutorService lane : lanes) {
			lane.shutdown();
		}
		for (ExecutorService lane : lanes) {
			try {
				if (!lane.awaitTermination(5, TimeUnit.SECONDS)) {
					lane.shutdownNow();
				}
			}
			catch (InterruptedException ex) {
				lane.shutdownNow();
				Thread.currentThread().interrupt();
			}
		}
	}

}
