package org.scoutline.handover;

import java.util.Map;

/**
 * Where a chat stands in the handover, as the console reads it.
 *
 * @param scout who holds it, or {@code null}
 * @param queuedAt when it joined the queue (epoch millis), or {@code null}
 * @param claimedAt when a scout took it (epoch millis), or {@code null}
 * @param crisis whether it is flagged for the supervisor
 * @param band its place in the queue: 0 imminent danger, 1 crisis or returned by a
 * vanished scout, 2 everyone else
 * @param kind the crisis signal's kind, or {@code null}
 * @param severity the crisis signal's severity ({@code concern}, {@code imminent}), or
 * {@code null}
 * @param session the live session it waited in (occurrence key), or {@code null}
 */
public record ChatState(String scout, Long queuedAt, Long claimedAt, boolean crisis, int band, String kind,
		String severity, String session) {

	/** a chat that is neither waiting nor held */
	public static final ChatState NONE = new ChatState(null, null, null, false, Urgency.ORDINARY, null, null, null);

	/**
	 * @return whether the signal that flagged it says the danger is imminent
	 */
	public boolean imminent() {
		return "imminent".equals(severity);
	}

	/**
	 * @return how long it waited before a scout took it (0 when unknown)
	 */
	public long waitedMillis() {
		return queuedAt == null || claimedAt == null ? 0 : Math.max(0, claimedAt - queuedAt);
	}

	/**
	 * @return how long a scout has held it at {@code now} (0 when unknown)
	 */
	public long heldMillis(long now) {
		return claimedAt == null ? 0 : Math.max(0, now - claimedAt);
	}

	/**
	 * @return the state kept in a chat's handover hash (a chat stored before bands had
	 * only "crisis")
	 */
	static ChatState of(Map<String, String> fields) {
		if (fields.isEmpty()) {
			return NONE;
		}
		boolean crisis = "1".equals(fields.get("crisis"));
		String band = fields.get("band");
		int place = band != null && band.matches("[0-2]") ? Integer.parseInt(band)
				: crisis ? Urgency.CRISIS : Urgency.ORDINARY;
		return new ChatState(blankToNull(fields.get("scout")), millis(fields.get("queuedAt")),
				millis(fields.get("claimedAt")), crisis, place, blankToNull(fields.get("kind")),
				blankToNull(fields.get("severity")), blankToNull(fields.get("session")));
	}

	private static String blankToNull(String value) {
		return value == null || value.isEmpty() ? null : value;
	}

	private static Long millis(String value) {
		return value == null || !value.matches("\\d{1,19}") ? null : Long.parseLong(value);
	}

}
