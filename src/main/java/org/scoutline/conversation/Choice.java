package org.scoutline.conversation;

/**
 * A button the user can tap.
 *
 * @param id what the channel sends back when it is tapped
 * @param label the button's text in the user's language
 */
public record Choice(String id, String label) {

	public Choice {
		if (id == null || id.isBlank() || label == null || label.isBlank()) {
			throw new IllegalArgumentException("a choice needs an id and a label");
		}
	}

}
