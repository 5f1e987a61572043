package org.scoutline.support;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.scoutline.schedule.LiveSession;
import org.scoutline.schedule.LiveSessions;
import org.scoutline.schedule.SessionDraft;

/**
 * A live session running now on every channel, for tests of what happens while the hotline is staffed. The rostered
 * scouts and the supervisor must be existing, enabled console accounts (the roster is backed by them).
 */
public final class LiveNow {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private LiveNow() {
	}

	/** One hour ago until four hours from now, queue of 50, escalations stop 5 minutes before the end. */
	public static LiveSession open(LiveSessions sessions, List<String> scouts, String supervisor) {
		return sessions.create(draft(Clock.systemUTC(), scouts, supervisor, -60, 240, 50));
	}

	/** A session draft from {@code startMinutes} to {@code endMinutes} relative to the clock's now, on all channels. */
	public static SessionDraft draft(Clock clock, List<String> scouts, String supervisor, int startMinutes,
			int endMinutes, int maxQueue) {
		LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), BERLIN).truncatedTo(ChronoUnit.MINUTES);
		return new SessionDraft("Test evening", "Deepfakes", List.of("de", "en"), List.of("WEB", "TELEGRAM", "WHATSAPP"),
				BERLIN.getId(), now.plusMinutes(startMinutes).toString(), now.plusMinutes(endMinutes).toString(), scouts,
				supervisor, maxQueue, 5, null, List.of());
	}

}
