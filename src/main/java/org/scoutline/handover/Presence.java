package org.scoutline.handover;

import java.time.Clock;

import org.springframework.stereotype.Component;

/**
 * Scouts' presence: the console renews a heartbeat for every scout connected to this instance. The heartbeats
 * expire on their own; a scout whose heartbeat is older than the grace period has vanished.
 */
@Component
public class Presence {

	private final HandoverStore store;

	private final HandoverSettings settings;

	private final Clock clock;

	Presence(HandoverStore store, HandoverSettings settings, Clock clock) {
		this.store = store;
		this.settings = settings;
		this.clock = clock;
	}

	/** Renews a scout's presence. */
	public void beat(String scout) {
		long keep = Math.max(settings.grace().toMillis(), settings.presenceTimeout().toMillis()) * 2;
		store.beat(scout, clock.millis(), keep);
	}

	/** @return how often heartbeats must be renewed */
	public long heartbeatMillis() {
		return settings.heartbeat().toMillis();
	}

}
