package org.scoutline.schedule;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.scoutline.schedule.SessionDraftTestData.aSession;

import org.scoutline.conversation.Channel;

/** Test data: sessions and drafts with sensible defaults, changed one field at a time. */
final class Sessions {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private Sessions() {
	}

	/**
	 * Safer Internet Day, 2026-02-10 19:00-21:00 Berlin, anna and ben with sam
	 * supervising.
	 */
	static SessionDraft draft() {
		return aSession().titled("Safer Internet Day")
			.onChannels("WEB", "TELEGRAM")
			.startingAt("2026-02-10T19:00")
			.endingAt("2026-02-10T21:00")
			.withScouts("anna", "ben")
			.withSupervisor("sam")
			.withMaxQueue(10)
			.withEscalationStopMinutes(10)
			.build();
	}

	/**
	 * "Tuesday and Thursday evenings" (Sextortion, German, on the web, Berlin) with sam
	 * supervising, a queue of 10, escalations stop 10 minutes before the end; the test
	 * sets the times, the roster and any repeat rule.
	 */
	static SessionDraftTestData.Builder evenings() {
		return aSession().titled("Tuesday and Thursday evenings")
			.about("Sextortion")
			.inLanguages("de")
			.onChannels("WEB")
			.withSupervisor("sam")
			.withMaxQueue(10)
			.withEscalationStopMinutes(10);
	}

	static LiveSession session(String id, LocalDateTime start, LocalDateTime end, String rule,
			LocalDate... exceptions) {
		return new LiveSession(id, "Evening", "Deepfakes", List.of("de"), List.of(Channel.WEB), start.atZone(BERLIN),
				end.atZone(BERLIN), List.of("anna"), "sam", 5, 10, rule, List.of(exceptions));
	}

}
