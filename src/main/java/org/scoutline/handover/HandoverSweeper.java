package org.scoutline.handover;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs on every instance: returns the chats of vanished scouts to the front of the queue
 * after the grace period, and tells waiting users their changed position (at most once
 * per interval). Both steps are safe when several instances run them at once: the release
 * and the "tell" decision are single Lua scripts.
 */
@Component
class HandoverSweeper {

	private static final Logger log = LoggerFactory.getLogger(HandoverSweeper.class);

	private final HandoverStore store;

	private final ScoutSide scouts;

	private final WaitingLine line;

	private final HandoverSettings settings;

	private final Presence presence;

	private final Clock clock;

	HandoverSweeper(HandoverStore store, Presence presence, ScoutSide scouts, WaitingLine line,
			HandoverSettings settings, Clock clock) {
		this.presence = presence;
		this.store = store;
		this.scouts = scouts;
		this.line = line;
		this.settings = settings;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${scoutline.handover.sweep:5s}",
			initialDelayString = "${scoutline.handover.sweep:5s}")
	void sweep() {
		try {
			returnChatsOfVanishedScouts();
			tellPositions();
		}
		catch (RuntimeException ex) {
			log.warn("handover sweep failed cause={}", ex.getClass().getSimpleName());
		}
	}

	void returnChatsOfVanishedScouts() {
		long now = clock.millis();
		for (String id : store.held()) {
			String scout = store.scoutOf(id);
			if (scout == null) {
				continue;
			}
			Long seen = presence.lastSeen(scout);
			if (seen == null || now - seen > settings.grace().toMillis()) {
				scouts.requeue(id, scout);
			}
		}
	}

	void tellPositions() {
		long now = clock.millis();
		List<String> waiting = store.waiting();
		for (int i = 0; i < waiting.size(); i++) {
			if (store.tell(waiting.get(i), i + 1, now, settings.positionInterval().toMillis())) {
				line.tellPosition(waiting.get(i), i + 1);
			}
		}
	}

}
