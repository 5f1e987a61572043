package org.scoutline.handover;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.scoutline.conversation.Bubble;
import org.scoutline.conversation.Choice;
import org.scoutline.conversation.Conversation;
import org.scoutline.conversation.InboundMessage;
import org.scoutline.conversation.Mode;
import org.scoutline.conversation.TranscriptEntry;
import org.scoutline.conversation.Turn;
import org.scoutline.dialogue.CrisisCards;
import org.scoutline.dialogue.TranscriptLines;
import org.scoutline.dialogue.Triage;
import org.scoutline.dialogue.TriageState;
import org.scoutline.dialogue.TriageTurn;
import org.scoutline.safety.CrisisDetector.Screening;
import org.springframework.stereotype.Component;

/**
 * Decides a user's turn in memory while a scout is involved: waiting in the queue,
 * chatting with a scout, a message left for the next session, just after a scout closed,
 * and the handover's own buttons in the bot's mode (a reminder, a message for the next
 * session, "ask a scout"). Also decides, after the bot's answer, whether a user who asked
 * for a scout or wrote a crisis message joins the queue. Nothing is saved or sent here:
 * what the handover does afterwards is the turn's {@link FollowUp}.
 */
@Component
public class UserTurns {

	private final Triage triage;

	private final TranscriptLines lines;

	private final CrisisCards cards;

	private final ModeChoices choices;

	private final SessionOffers offers;

	UserTurns(Triage triage, CrisisCards cards, TranscriptLines lines, ModeChoices choices, SessionOffers offers) {
		this.cards = cards;
		this.triage = triage;
		this.lines = lines;
		this.choices = choices;
		this.offers = offers;
	}

	/**
	 * @param conversation the stored conversation, touched by this message
	 * @param message a typed text, a tapped button, a command (never delete) or media
	 * @return the turn, or empty when the bot answers the message (the conversation is in
	 * the bot's mode, or was just closed and the message is not an answer to the feedback
	 * question)
	 */
	public Optional<UserTurn> take(Conversation conversation, InboundMessage message, Screening signal, Instant now) {
		TriageState state = TriageState.of(conversation).withCountryHint(message.countryHint());
		Optional<UserTurn> turn = switch (conversation.mode()) {
			case QUEUED -> Optional.of(queued(conversation, message, state, signal, now));
			case WITH_SCOUT -> Optional.of(withScout(conversation, message, state, signal, now));
			case PARKED -> Optional.of(parked(conversation, message, state, signal, now));
			case CLOSED -> closed(conversation, message, state, now);
			case BOT -> Optional.empty();
		};
		if (turn.isPresent() || !(message instanceof InboundMessage.Tapped tapped)) {
			return turn;
		}
		Conversation bot = conversation.inMode(Mode.BOT);
		return switch (tapped.choice()) {
			case ModeChoices.REMIND_ME, ModeChoices.LEAVE_MESSAGE -> Optional.of(offers.sessionOffer(bot, tapped, now));
			case ModeChoices.ASK_SCOUT -> Optional
				.of(offers.escalate(new Turn(bot, List.of(lines.userLine(now, message, state)), List.of(), List.of()),
						state, Screening.NONE, true, now));
			default -> Optional.empty();
		};
	}

	/**
	 * After the bot answered a user who asked for a scout or wrote a crisis message: they
	 * join the queue when a scout can take the chat; when none can, a user who asked
	 * hears why, with the crisis lines and the next sessions, and a user in crisis keeps
	 * the bot's answer.
	 * @param answered the bot's turn
	 * @param state where the triage stands after it
	 * @param asked whether the user asked for a scout
	 */
	public UserTurn escalate(Turn answered, TriageState state, Screening signal, boolean asked, Instant now) {
		return offers.escalate(answered, state, signal, asked, now);
	}

	/**
	 * @return the buttons a user sees in the conversation's mode (the triage's in the
	 * bot's mode)
	 */
	public List<Choice> choices(Conversation conversation) {
		return choices.of(conversation);
	}

	/**
	 * @return the emergency sentence first when the danger is imminent, then the crisis
	 * card, for a crisis
	 */
	private List<Bubble> crisisBubbles(TriageState state, Screening signal) {
		List<Bubble> bubbles = new ArrayList<>();
		if (signal.isImminent()) {
			bubbles.add(cards.emergency(state));
		}
		if (signal.isCrisis()) {
			bubbles.add(cards.crisisCard(state));
		}
		return bubbles;
	}

	private UserTurn queued(Conversation conversation, InboundMessage message, TriageState state, Screening signal,
			Instant now) {
		List<TranscriptEntry> said = new ArrayList<>(List.of(lines.userLine(now, message, state)));
		if (tapped(message, ModeChoices.LEAVE_QUEUE)) {
			TriageTurn current = triage.current(state);
			List<Bubble> bubbles = new ArrayList<>(List.of(triage.notice(state, "system.queue_left")));
			bubbles.addAll(current.bubbles());
			said.addAll(TranscriptEntry.fromBot(now, bubbles));
			return new UserTurn(turn(conversation.inMode(Mode.BOT), state, current.choices(), bubbles, said),
					new FollowUp.Leave());
		}
		List<Bubble> bubbles = crisisBubbles(state, signal);
		if (!signal.isCrisis() && message instanceof InboundMessage.Media media) {
			bubbles.add(triage.notice(state, media.notice()));
		}
		said.addAll(TranscriptEntry.fromBot(now, bubbles));
		return new UserTurn(turn(conversation, state, List.of(), bubbles, said),
				signal.isCrisis() ? new FollowUp.Enqueue(signal, null) : new FollowUp.Hold());
	}

	private UserTurn withScout(Conversation conversation, InboundMessage message, TriageState state, Screening signal,
			Instant now) {
		TranscriptEntry line = lines.userLine(now, message, state);
		List<TranscriptEntry> said = new ArrayList<>(List.of(line));
		List<Bubble> bubbles = crisisBubbles(state, signal);
		if (message instanceof InboundMessage.Media media) {
			bubbles.add(triage.notice(state, media.notice()));
		}
		else if (message instanceof InboundMessage.Commanded) {
			bubbles.add(triage.notice(state, "system.with_scout"));
		}
		said.addAll(TranscriptEntry.fromBot(now, bubbles));
		return new UserTurn(turn(conversation, state, List.of(), bubbles, said),
				new FollowUp.Relay(line.text(), signal));
	}

	/**
	 * A message left for the next session: everything written is kept for the scouts
	 * until taken back.
	 */
	private UserTurn parked(Conversation conversation, InboundMessage message, TriageState state, Screening signal,
			Instant now) {
		List<TranscriptEntry> said = new ArrayList<>(List.of(lines.userLine(now, message, state)));
		List<Bubble> bubbles = new ArrayList<>();
		if (tapped(message, ModeChoices.TAKE_BACK_MESSAGE)) {
			TriageTurn resume = triage.current(state);
			bubbles.add(triage.notice(state, "system.message_taken_back"));
			bubbles.addAll(resume.bubbles());
			said.addAll(TranscriptEntry.fromBot(now, bubbles));
			return new UserTurn(turn(conversation.inMode(Mode.BOT), state, resume.choices(), bubbles, said),
					new FollowUp.Unpark());
		}
		bubbles.addAll(crisisBubbles(state, signal));
		if (message instanceof InboundMessage.Media media) {
			bubbles.add(triage.notice(state, media.notice()));
		}
		else {
			bubbles.add(triage.notice(state,
					message instanceof InboundMessage.Typed ? "system.message_kept" : "system.message_waiting"));
		}
		said.addAll(TranscriptEntry.fromBot(now, bubbles));
		return UserTurn.of(turn(conversation, state, choices.of(conversation), bubbles, said));
	}

	/**
	 * Just after a scout closed: the answer to the feedback question, or the plan again.
	 */
	private Optional<UserTurn> closed(Conversation conversation, InboundMessage message, TriageState state,
			Instant now) {
		if (!(message instanceof InboundMessage.Tapped tapped)) {
			return Optional.empty();
		}
		boolean feedback = ModeChoices.FEEDBACK.contains(tapped.choice());
		if (!feedback && !ModeChoices.SHOW_PLAN.equals(tapped.choice())) {
			return Optional.empty();
		}
		List<TranscriptEntry> said = new ArrayList<>(
				List.of(TranscriptEntry.fromUser(now, triage.notice(state, "system." + tapped.choice()).text())));
		TriageTurn next = feedback ? triage.current(state) : triage.plan(state);
		List<Bubble> bubbles = new ArrayList<>();
		if (feedback) {
			bubbles.add(triage.notice(state, "system.feedback_thanks"));
		}
		bubbles.addAll(next.bubbles());
		said.addAll(TranscriptEntry.fromBot(now, bubbles));
		Turn turn = turn(conversation.inMode(Mode.BOT), next.state(), next.choices(), bubbles, said);
		return Optional.of(feedback ? new UserTurn(turn, new FollowUp.Feedback(tapped.choice())) : UserTurn.of(turn));
	}

	static Turn turn(Conversation conversation, TriageState state, List<Choice> choices, List<Bubble> shown,
			List<TranscriptEntry> said) {
		return new Turn(state.appliedTo(conversation), said, shown, choices);
	}

	private static boolean tapped(InboundMessage message, String choice) {
		return message instanceof InboundMessage.Tapped tapped && choice.equals(tapped.choice());
	}

}
