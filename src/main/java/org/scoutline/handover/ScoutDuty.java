package org.scoutline.handover;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.scoutline.conversation.Channel;
import org.scoutline.schedule.LiveSessions;
import org.scoutline.schedule.OpeningDecision;
import org.springframework.stereotype.Component;

/**
 * Whether a human can take a new chat right now: the single place that asks, so that the
 * bot never promises an absent human. The schedule's opening rule decides
 * ({@link LiveSessions#openingNow}): a session live on the user's channel, new
 * escalations not stopped, at least one of its rostered scouts checked in and the queue
 * under its maximum. A scout counts as checked in while their console is connected and
 * its heartbeat is younger than {@code scoutline.handover.presence-timeout}.
 */
@Component
public class ScoutDuty implements Staffing {

	private final HandoverStore store;

	private final HandoverSettings settings;

	private final Presence presence;

	private final LiveSessions sessions;

	private final Clock clock;

	ScoutDuty(HandoverStore store, HandoverSettings settings, Presence presence, LiveSessions sessions, Clock clock) {
		this.store = store;
		this.settings = settings;
		this.presence = presence;
		this.sessions = sessions;
		this.clock = clock;
	}

	/**
	 * @return the opening rule's answer for a user on {@code channel} now; nothing is
	 * recorded
	 */
	public OpeningDecision opening(Channel channel) {
		Set<String> present = Set.copyOf(onDuty());
		return sessions.openingNow(channel, present::contains, store.waitingCount(Urgency.BANDS));
	}

	/**
	 * A user asks for a scout now: the opening rule's answer (a refusal is counted once
	 * the turn is saved, through {@link FollowUp.Refused}).
	 */
	@Override
	public OpeningDecision escalation(Channel channel) {
		return opening(channel);
	}

	/**
	 * @return the scouts and supervisors checked in now whose accounts are enabled now
	 * (checked on every read: a disabled account stops counting at once, even while its
	 * console is still open)
	 */
	public List<String> onDuty() {
		return presence.present(clock.millis() - settings.presenceTimeout().toMillis())
			.stream()
			.filter(sessions::isStaff)
			.toList();
	}

}
