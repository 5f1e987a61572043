package org.scoutline.handover;

import java.util.List;

import org.scoutline.conversation.Bubble;
import org.scoutline.conversation.ConversationId;
import org.scoutline.conversation.Conversations;
import org.scoutline.dialogue.CrisisCards;
import org.scoutline.dialogue.Texts;
import org.scoutline.dialogue.TriageState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The opening rule asked again when staff leave for good (an account disabled): when no
 * scout is on duty any more, every user waiting in the queue is told so at once, keeps
 * their place, and hears the emergency sentence for their country. Nobody is left
 * believing a scout is about to answer.
 */
@Component
public class DutyChanges {

	private static final Logger log = LoggerFactory.getLogger(DutyChanges.class);

	private final ScoutDuty duty;

	private final HandoverStore store;

	private final Conversations conversations;

	private final UserNotices notices;

	private final Texts texts;

	private final CrisisCards cards;

	private final ModeChoices choices;

	DutyChanges(ScoutDuty duty, HandoverStore store, Conversations conversations, UserNotices notices, Texts texts,
			CrisisCards cards, ModeChoices choices) {
		this.duty = duty;
		this.store = store;
		this.conversations = conversations;
		this.notices = notices;
		this.texts = texts;
		this.cards = cards;
		this.choices = choices;
	}

	/**
	 * A staff member left for good.
	 * @return how many waiting users were told that nobody is on duty now
	 */
	public int staffLeft() {
		if (!duty.onDuty().isEmpty()) {
			return 0;
		}
		int told = 0;
		for (String id : store.waiting()) {
			told += conversations.get(new ConversationId(id)).map(waiting -> {
				notices.deliver(waiting,
						List.of(Bubble.notice(texts.get(waiting.locale(), "system.queue_nobody_on_duty")),
								cards.emergency(TriageState.of(waiting))),
						choices.queue(waiting.locale()));
				return 1;
			}).orElse(0);
		}
		log.info("nobody on duty any more, waiting users told={}", told);
		return told;
	}

}
