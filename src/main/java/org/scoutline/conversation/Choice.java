package org.scoutline.conversation;

/**
 * A button the user can tap.
 *
 * @param id what the channel sends back when it is tapped
 * @param label the button's text in the user's language
 */
public record Choice(String id, String label) {

	/**
	 * The start of the ids of choices that open a part of the action plan: a section
	 * ({@code plan_removal}) or the whole plan as plain text ({@link #PLAN_TEXT}).
	 * Messengers show them as buttons; the web widget shows the sections inside the plan
	 * instead (folded) and copies the text itself, so it leaves them out.
	 */
	public static final String PLAN_PART = "plan_";

	/** the choice that sends the whole plan as one plain message to keep or copy */
	public static final String PLAN_TEXT = PLAN_PART + "text";

	public Choice {
		if (id == null || id.isBlank() || label == null || label.isBlank()) {
			throw new IllegalArgumentException("a choice needs an id and a label");
		}
	}

	/**
	 * @return whether this choice opens a part of the action plan (see
	 * {@link #PLAN_PART})
	 */
	public boolean opensPlanPart() {
		return id.startsWith(PLAN_PART);
	}

}
