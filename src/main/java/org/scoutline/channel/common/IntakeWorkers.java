package org.scoutline.channel.common;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.scoutline.platform.LogGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;

/**
 * The workers of one channel on this instance: a reader takes new chat tokens from the
 * channel's stream, a ticker takes over tokens idle too long at a dead instance, and each
 * token is worked through on its chat's lane ({@link ChatLanes}: in order within a chat,
 * in parallel across chats). An arrival whose handling fails is tried again on this
 * instance after a growing wait, and after {@link IntakeSettings#maxAttempts()} the user
 * is asked to send it again. When Redis fails, the token stays where it is, and this or
 * another instance takes it up again once Redis answers. Logs carry exception classes
 * only, at most once a minute per kind.
 */
public final class IntakeWorkers implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(IntakeWorkers.class);

	private static final long TRIM_EVERY_MILLIS = 60_000;

	private final Intake intake;

	private final String channel;

	private final IntakeHandler handler;

	private final IntakeSettings settings;

	private final ChatLanes lanes;

	/** counts an arrival given up */
	private final Runnable gaveUp;

	private final ScheduledExecutorService timer;

	private final AtomicLong lastTrim = new AtomicLong();

	private final LogGate gate = new LogGate();

	private volatile boolean running;

	private Thread reader;

	IntakeWorkers(Intake intake, String channel, int lanes, IntakeHandler handler, IntakeSettings settings,
			Runnable gaveUp) {
		this.intake = intake;
		this.gaveUp = gaveUp;
		this.channel = channel;
		this.handler = handler;
		this.settings = settings;
		this.lanes = new ChatLanes(channel, lanes);
		this.timer = Executors.newSingleThreadScheduledExecutor(work -> {
			Thread thread = new Thread(work, channel + "-intake-timer");
			thread.setDaemon(true);
			return thread;
		});
	}

	@Override
	public void start() {
		running = true;
		claim();
		reader = new Thread(this::read, channel + "-intake-reader");
		reader.setDaemon(true);
		reader.start();
		long every = Math.max(50, settings.claimAfter().toMillis() / 2);
		timer.scheduleWithFixedDelay(this::claim, every, every, TimeUnit.MILLISECONDS);
	}

	private void read() {
		while (running) {
			try {
				for (Intake.Token token : intake.read(channel)) {
					work(token);
				}
			}
			catch (RuntimeException ex) {
				if (!running) {
					return;
				}
				if (String.valueOf(NestedExceptionUtils.getMostSpecificCause(ex).getMessage()).contains("NOGROUP")) {
					// no stream yet, or Redis came back without it: the group reads it
					// from its start
					if (!claim()) {
						pause(settings.poll().toMillis());
					}
					continue;
				}
				complain("intake read failed", ex);
				pause(Math.min(1000, settings.claimAfter().toMillis()));
			}
		}
	}

	/**
	 * @return whether the stream exists (with its group)
	 */
	private boolean claim() {
		try {
			List<Intake.Token> tokens = intake.claim(channel);
			if (tokens == null) {
				return false;
			}
			for (Intake.Token token : tokens) {
				log.info("intake token taken over channel={}", channel);
				work(token);
			}
			long now = System.currentTimeMillis();
			if (now - lastTrim.get() > TRIM_EVERY_MILLIS) {
				lastTrim.set(now);
				intake.trim(channel, now);
			}
			return true;
		}
		catch (RuntimeException ex) {
			complain("intake claim failed", ex);
			return false;
		}
	}

	private void work(Intake.Token token) {
		lanes.submit(token.chat(), () -> drain(token, null, 0));
	}

	/**
	 * Works through a token's inbox. {@code finished} is the item handled last (to drop),
	 * {@code failures} how often Redis failed in a row here.
	 */
	private void drain(Intake.Token token, String finished, int failures) {
		String done = finished;
		while (running) {
			Intake.Step step;
			try {
				step = intake.step(channel, token, done);
			}
			catch (RuntimeException ex) {
				complain("intake step failed", ex);
				later(token, done, failures + 1);
				return;
			}
			if (step.done()) {
				return;
			}
			if (step.attempt() > settings.maxAttempts()) {
				log.warn("intake arrival given up channel={} attempts={}", channel, step.attempt() - 1);
				gaveUp.run();
				safely(() -> handler.giveUp(step.payload()));
				done = step.itemId();
				continue;
			}
			try {
				handler.handle(step.payload(), step.attempt());
			}
			catch (Exception ex) {
				complain("intake arrival not handled, tried again later", ex);
				later(token, null, step.attempt());
				return;
			}
			done = step.itemId();
		}
	}

	/** Tries the token again on this instance after a growing wait. */
	private void later(Intake.Token token, String finished, int attempt) {
		long wait = settings.retryBackoff().toMillis() << Math.min(Math.max(attempt - 1, 0), 6);
		wait = Math.min(wait, Math.max(100, settings.claimAfter().toMillis() / 2));
		if (!running) {
			return;
		}
		timer.schedule(() -> lanes.submit(token.chat(), () -> drain(token, finished, attempt)), wait,
				TimeUnit.MILLISECONDS);
	}

	private void complain(String what, Exception ex) {
		if (gate.open(what)) {
			log.warn("{} channel={} cause={} (logged once a minute)", what, channel, ex.getClass().getSimpleName());
		}
		else {
			log.debug("{} channel={} cause={}", what, channel, ex.getClass().getSimpleName());
		}
	}

	private void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			running = false;
		}
	}

	private void safely(Runnable work) {
		try {
			work.run();
		}
		catch (RuntimeException ex) {
			complain("intake step failed", ex);
		}
	}

	@Override
	public void stop() {
		running = false;
		if (reader != null) {
			reader.interrupt();
		}
		timer.shutdownNow();
		lanes.close();
		try {
			intake.stopReading(channel);
		}
		catch (RuntimeException ex) {
			log.debug("intake reader not closed cleanly channel={} cause={}", channel, ex.getClass().getSimpleName());
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

}
