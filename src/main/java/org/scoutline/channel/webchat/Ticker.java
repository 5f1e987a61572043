package org.scoutline.channel.webchat;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;

/**
 * One daemon thread that runs a task at a fixed delay while started. A failing run is
 * logged (its exception class only, never a message that could hold a person's data) and
 * the next run still comes: a task of a scheduled executor that throws is otherwise never
 * run again.
 */
final class Ticker {

	private final String name;

	private final Runnable task;

	private final Logger log;

	private final String failed;

	private volatile ScheduledExecutorService timer;

	/**
	 * @param name the thread's name
	 * @param failed what the log says when a run fails, e.g. "idle widget sockets not
	 * swept"
	 */
	Ticker(String name, Runnable task, Logger log, String failed) {
		this.name = name;
		this.task = task;
		this.log = log;
		this.failed = failed;
	}

	synchronized void start(Duration first, Duration every) {
		timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, name);
			thread.setDaemon(true);
			return thread;
		});
		timer.scheduleWithFixedDelay(this::tick, first.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
	}

	synchronized void stop() {
		if (timer != null) {
			timer.shutdownNow();
			timer = null;
		}
	}

	boolean isRunning() {
		return timer != null;
	}

	/** Runs the task once more, now, on the ticker's thread (nothing while stopped). */
	void runSoon() {
		ScheduledExecutorService now = timer;
		if (now != null) {
			now.execute(this::tick);
		}
	}

	private void tick() {
		try {
			task.run();
		}
		catch (RuntimeException ex) {
			log.warn("{} cause={}", failed, ex.getClass().getSimpleName());
		}
	}

}
