package org.scoutline.handover;

import java.util.ArrayList;
import java.util.List;

import org.scoutline.conversation.Choice;
import org.scoutline.conversation.Conversation;
import org.scoutline.dialogue.Texts;
import org.scoutline.dialogue.Triage;
import org.scoutline.dialogue.TriageState;
import org.springframework.stereotype.Component;

/**
 * The one place that knows the buttons of each mode and the ids of the handover's own
 * buttons (the triage's come from its script). Labels are system texts named after the id
 * ({@code system.<id>}).
 */
@Component
class ModeChoices {

	/** takes a waiting user out of the queue */
	static final String LEAVE_QUEUE = "leave_queue";

	/** the feedback choices offered after a scout closed the chat */
	static final List<String> FEEDBACK = List.of("feedback_yes", "feedback_partly", "feedback_no");

	/** shows the action plan again after a chat */
	static final String SHOW_PLAN = "show_plan";

	/** asks for one reminder when the next live session opens */
	static final String REMIND_ME = "remind_me";

	/** keeps what the user writes for the scouts of the next live session */
	static final String LEAVE_MESSAGE = "leave_message";

	/** takes a message left for the next session back */
	static final String TAKE_BACK_MESSAGE = "take_back_message";

	/** in a reminder or after a session opened: asks for a scout */
	static final String ASK_SCOUT = "ask_scout";

	private final Texts texts;

	private final Triage triage;

	ModeChoices(Texts texts, Triage triage) {
		this.texts = texts;
		this.triage = triage;
	}

	/**
	 * @return the buttons a user sees in the conversation's mode
	 */
	List<Choice> of(Conversation conversation) {
		String locale = conversation.locale();
		return switch (conversation.mode()) {
			case BOT -> triage.choices(TriageState.of(conversation));
			case QUEUED -> queue(locale);
			case WITH_SCOUT -> List.of();
			case PARKED -> List.of(choice(locale, TAKE_BACK_MESSAGE));
			case CLOSED -> feedback(locale);
		};
	}

	/**
	 * @return the buttons of a waiting user
	 */
	List<Choice> queue(String locale) {
		return List.of(choice(locale, LEAVE_QUEUE));
	}

	/**
	 * @return the reminder and message offers for when no scout can come now
	 */
	List<Choice> sessionOffers(String locale) {
		return List.of(choice(locale, REMIND_ME), choice(locale, LEAVE_MESSAGE));
	}

	/**
	 * @return a button labelled with its system text
	 */
	Choice choice(String locale, String id) {
		return new Choice(id, texts.get(locale, "system." + id));
	}

	private List<Choice> feedback(String locale) {
		List<Choice> choices = new ArrayList<>();
		FEEDBACK.forEach(id -> choices.add(choice(locale, id)));
		choices.add(choice(locale, SHOW_PLAN));
		return choices;
	}

}
