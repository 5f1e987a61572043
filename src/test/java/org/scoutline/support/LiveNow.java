package org.scoutline.support;

import static org.scoutline.schedule.SessionDraftTestData.aSession;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scoutline.schedule.LiveSession;
import org.scoutline.schedule.LiveSessions;
import org.scoutline.schedule.SessionDraft;
import org.scoutline.schedule.SessionDraftTestData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A live session running now on every channel, for tests of what happens while the
 * hotline is staffed. The rostered scouts and the supervisor must be existing, enabled
 * console accounts (the roster is backed by them).
 */
public final class LiveNow {

	/** the title of the session {@link #roster} keeps */
	public static final String TITLE = "Test evening";

	private static final String ADMIN = "admin";

	/** the bootstrap coordinator's password in the tests */
	public static final String ADMIN_PASSWORD = "admin-password-1";

	private LiveNow() {
	}

	/**
	 * One hour ago until four hours from now, queue of 50, escalations stop 5 minutes
	 * before the end.
	 */
	public static LiveSession open(LiveSessions sessions, List<String> scouts, String supervisor) {
		return sessions.create(now(scouts, supervisor));
	}

	/**
	 * the session of {@link #open}: {@link SessionDraftTestData#aSession()}'s defaults,
	 * under {@link #TITLE}
	 */
	private static SessionDraft now(List<String> scouts, String supervisor) {
		return aSession().titled(TITLE)
			.startingMinutesFromNow(-60)
			.endingMinutesFromNow(240)
			.withScouts(scouts)
			.withSupervisor(supervisor)
			.withMaxQueue(50)
			.build();
	}

	/**
	 * Creates the account (if new) and rosters it in the live session running now, which
	 * is created through the coordinators' API when there is none (supervisor: the
	 * bootstrap coordinator).
	 * @param role scout, supervisor or coordinator
	 */
	public static void roster(int port, String username, String role) {
		try (ConsoleClient admin = ConsoleClient.login(port, ADMIN, ADMIN_PASSWORD)) {
			int created = admin
				.post("/console/api/accounts", Map.of("username", username, "password", "scout-password-1", "alias",
						alias(username), "role", role))
				.status();
			if (created != 201 && created != 409) {
				throw new AssertionError("account not created: " + created);
			}
			JsonNode existing = null;
			for (JsonNode session : admin.get("/console/api/sessions").json()) {
				if (TITLE.equals(session.path("title").asText())) {
					existing = session;
				}
			}
			if (existing == null) {
				SessionDraft draft = now(List.of(username), ADMIN);
				ConsoleClient.Response response = admin.post("/console/api/sessions", draft);
				if (response.status() != 201) {
					throw new AssertionError("session not created: " + response.status() + " " + response.body());
				}
				return;
			}
			List<String> scouts = new ArrayList<>();
			existing.path("scouts").forEach(s -> scouts.add(s.asText()));
			if (scouts.contains(username)) {
				return;
			}
			scouts.add(username);
			@SuppressWarnings("unchecked")
			Map<String, Object> draft = new LinkedHashMap<>(new ObjectMapper().convertValue(existing, Map.class));
			draft.remove("id");
			draft.put("scouts", scouts);
			ConsoleClient.Response response = admin.put("/console/api/sessions/" + existing.path("id").asText(), draft);
			if (response.status() != 200) {
				throw new AssertionError("roster not updated: " + response.status() + " " + response.body());
			}
		}
	}

	private static String alias(String username) {
		String name = username.replaceAll("[^a-z]", "");
		return Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

}
