package org.scoutline.dialogue;

import org.scoutline.conversation.Bubble;
import org.scoutline.directory.Directory;
import org.springframework.stereotype.Component;

/**
 * What a user in crisis sees whatever else is going on: the crisis card, the emergency
 * sentence and the crisis lines, for the user's country, else the channel's guess of it,
 * else every region's emergency numbers.
 */
@Component
public class CrisisCards {

	private final Advice advice;

	CrisisCards(Texts texts, Directory directory) {
		this.advice = new Advice(directory, texts);
	}

	/**
	 * @return the crisis card (emergency number, lines open day and night) for this user
	 */
	public Bubble crisisCard(TriageState state) {
		return advice.crisisCard(state);
	}

	/**
	 * @return the one short sentence with the emergency number (of the user's country,
	 * else the guessed one's, else every region's) that comes before anything else when
	 * the danger is imminent
	 */
	public Bubble emergency(TriageState state) {
		return advice.emergency(state);
	}

	/**
	 * @return the crisis lines for this user as a block of text, headed by the country's
	 * name
	 */
	public String crisisLines(TriageState state) {
		return advice.lines(state);
	}

}
