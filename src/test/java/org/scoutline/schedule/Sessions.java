package org.scoutline.schedule;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.scoutline.conversation.Channel;

/** Test data: sessions and drafts with sensible defaults, changed one field at a time. */
final class Sessions {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private Sessions() {
	}

	/** Safer Internet Day, 2026-02-10 19:00-21:00 Berlin, anna and ben with sam supervising. */
	static SessionDraft draft() {
		return new SessionDraft("Safer Internet Day", "Deepfakes", List.of("de", "en"), List.of("WEB", "TELEGRAM"),
				"Europe/Berlin", "2026-02-10T19:00", "2026-02-10T21:00", List.of("anna", "ben"), "sam", 10, 10, null,
				List.of());
	}

	static SessionDraft weekly(String start, String end, String rule, List<String> exceptions, List<String> scouts) {
		return new SessionDraft("Tuesday and Thursday evenings", "Sextortion", List.of("de"), List.of("WEB"),
				"Europe/Berlin", start, end, scouts, "sam", 10, 10, rule, exceptions);
	}

	static LiveSession session(String id, LocalDateTime start, LocalDateTime end, String rule, LocalDate... exceptions) {
		return new LiveSession(id, "Evening", "Deepfakes", List.of("de"), List.of(Channel.WEB), start.atZone(BERLIN),
				end.atZone(BERLIN), List.of("anna"), "sam", 5, 10, rule, List.of(exceptions));
	}

}
