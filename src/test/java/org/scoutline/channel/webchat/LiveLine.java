package org.scoutline.channel.webchat;

import static org.scoutline.console.AccountTestData.anAccount;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.scoutline.schedule.LiveSession;
import org.scoutline.schedule.LiveSessions;
import org.scoutline.schedule.SessionDraft;
import org.scoutline.schedule.SessionDraftTestData;
import org.scoutline.support.ConsoleClient;
import org.scoutline.support.LiveNow;
import org.springframework.context.ApplicationContext;

/**
 * Test data for the widget's live line: the people on duty (enabled console accounts,
 * created by the bootstrap coordinator through the accounts API) and sessions later this
 * week, only on Telegram, or running now.
 */
final class LiveLine {

	static final String SCOUT = "lena";

	static final String SUPERVISOR = "mara";

	static final String ADMIN = "admin";

	static final String ADMIN_PASSWORD = "admin-password-1";

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private final LiveSessions sessions;

	private LiveLine(LiveSessions sessions) {
		this.sessions = sessions;
	}

	/**
	 * Creates the scout and the supervisor (the store was just emptied, so the
	 * coordinator first).
	 */
	static LiveLine staffed(ApplicationContext context, int port) {
		anAccount().named(ADMIN).withPassword(ADMIN_PASSWORD).asCoordinator().createIn(context);
		try (ConsoleClient admin = ConsoleClient.login(port, ADMIN, ADMIN_PASSWORD)) {
			account(admin, SCOUT, "SCOUT");
			account(admin, SUPERVISOR, "SUPERVISOR");
		}
		return new LiveLine(context.getBean(LiveSessions.class));
	}

	/** "Safer Internet Day" (Deepfakes) in three days, 18:00-20:00 Berlin, on the web. */
	LiveSession laterOnTheWeb() {
		return sessions.create(draft("Safer Internet Day", List.of("WEB", "TELEGRAM"), 3));
	}

	/**
	 * A session tomorrow that only Telegram users can reach: the widget must not offer
	 * it.
	 */
	LiveSession tomorrowOnTelegramOnly() {
		return sessions.create(draft("Telegram evening", List.of("TELEGRAM"), 1));
	}

	/** A session running now on every channel, the scout and supervisor on the roster. */
	LiveSession now() {
		return LiveNow.open(sessions, List.of(SCOUT), SUPERVISOR);
	}

	void cancel(LiveSession session) {
		sessions.cancel(session.id());
	}

	private static SessionDraft draft(String title, List<String> channels, int inDays) {
		LocalDate day = LocalDate.now(BERLIN).plusDays(inDays);
		return SessionDraftTestData.aSession()
			.titled(title)
			.onChannels(channels)
			.startingAt(day.atTime(18, 0).toString())
			.endingAt(day.atTime(20, 0).toString())
			.withScouts(SCOUT)
			.withSupervisor(SUPERVISOR)
			.withMaxQueue(20)
			.withEscalationStopMinutes(10)
			.build();
	}

	private static void account(ConsoleClient admin, String username, String role) {
		int status = admin.post("/console/api/accounts", Map.of("username", username, "password", "scout-password-1",
				"alias", username.substring(0, 1).toUpperCase() + username.substring(1), "role", role))
			.status();
		if (status != 201 && status != 409) {
			throw new AssertionError("account " + username + " not created: " + status);
		}
	}

}
