package org.scoutline.dialogue;

import java.util.ArrayList;
import java.util.List;

import org.scoutline.conversation.Choice;

/** What an action plan shows: its first screen, and the sections behind "More". */
final class PlanScreens {

	private PlanScreens() {
	}

	/** The first screen: what to do now, in the order that protects most. */
	record FirstScreen(String intro, List<String> steps, List<String> after, String more) {

		/**
		 * @return its texts in order: the intro, the steps, the More line (without the
		 * bubbles after the steps)
		 */
		List<String> texts() {
			List<String> all = new ArrayList<>();
			if (intro != null) {
				all.add(intro);
			}
			all.addAll(steps);
			if (more != null) {
				all.add(more);
			}
			return all;
		}

	}

	/**
	 * One section behind "More".
	 *
	 * @param id its id in the script
	 * @param title its title, also its button
	 * @param more how the More line names it
	 * @param body its text, with the directory entries it lists
	 */
	record Section(String id, String title, String more, String body) {

		String choiceId() {
			return Choice.PLAN_PART + id;
		}

		/**
		 * @return the section as it is shown: the title on the first line, then the text
		 */
		String text() {
			return title + "\n" + body;
		}

	}

}
