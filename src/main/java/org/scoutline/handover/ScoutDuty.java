package org.scoutline.handover;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Whether a human can take a new chat right now: the single place that decides it, so that the bot never promises
 * an absent human. For now a scout (or supervisor) is on duty while their console is connected and its heartbeat is
 * younger than {@code scoutline.handover.presence-timeout}; the live-session schedule will take this decision over.
 */
@Component
public class ScoutDuty {

	private final HandoverStore store;

	private final HandoverSettings settings;

	private final Clock clock;

	ScoutDuty(HandoverStore store, HandoverSettings settings) {
		this.store = store;
		this.settings = settings;
		this.clock = Clock.systemUTC();
	}

	/** @return whether a scout can take a new chat now */
	public boolean scoutAvailable() {
		return !onDuty().isEmpty();
	}

	/** @return the scouts and supervisors on duty now */
	public List<String> onDuty() {
		return store.present(clock.millis() - settings.presenceTimeout().toMillis());
	}

}
