package org.scoutline.dialogue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.scoutline.conversation.Bubble;
import org.scoutline.conversation.Choice;
import org.scoutline.conversation.Command;
import org.scoutline.conversation.Conversation;
import org.scoutline.conversation.InboundMessage;
import org.scoutline.conversation.TranscriptEntry;
import org.scoutline.conversation.Turn;
import org.scoutline.safety.CrisisDetector;
import org.scoutline.safety.CrisisDetector.Screening;
import org.springframework.stereotype.Component;

/**
 * Decides a turn while the bot has the conversation, in memory: the welcome of a new
 * conversation, commands, media refusal, the triage's answer, and the crisis path when
 * the screen found a signal. Whether a scout can come is not decided here: the answer
 * only says that the user asked for one.
 */
@Component
public class BotTurns {

	private final Triage triage;

	private final CrisisDetector crisis;

	private final CrisisCards cards;

	private final TranscriptLines lines;

	BotTurns(Triage triage, CrisisDetector crisis, CrisisCards cards, TranscriptLines lines) {
		this.cards = cards;
		this.triage = triage;
		this.crisis = crisis;
		this.lines = lines;
	}

	/**
	 * @param existing the conversation, {@code null} when this message starts one
	 * @param message a typed text, a tapped button, a command or media
	 * @param signal what the crisis screen found in it
	 * @param pseudonym the user's pseudonym, for a new conversation
	 */
	public BotTurn take(Conversation existing, InboundMessage message, Screening signal, String pseudonym,
			Instant now) {
		List<Bubble> shown = new ArrayList<>();
		List<TranscriptEntry> said = new ArrayList<>();
		Conversation conversation = existing;
		if (existing == null) {
			boolean inCrisis = signal.isCrisis();
			// a first message in crisis is answered in the language it was written in,
			// whatever the channel guessed
			String locale = inCrisis && message instanceof InboundMessage.Typed typed
					? crisis.languageOf(typed.text()).orElse(message.localeHint()) : message.localeHint();
			TriageTurn welcome = triage.begin(locale);
			TriageState first = welcome.state();
			conversation = Conversation.start(message.channel(), pseudonym, message.origin().replyAddress(),
					first.locale(), first.node(), first.facts(), now);
			if (!inCrisis && !message.origin().welcomed()) {
				shown.addAll(welcome.bubbles());
				if (message instanceof InboundMessage.Typed || isStart(message)) {
					said.add(lines.userLine(now, message, first));
					said.addAll(TranscriptEntry.fromBot(now, welcome.bubbles()));
					return answered(conversation, first, welcome.choices(), shown, said, false);
				}
			}
			said.addAll(TranscriptEntry.fromBot(now, inCrisis ? List.of() : welcome.bubbles()));
		}
		TriageState state = TriageState.of(conversation).withCountryHint(message.countryHint());
		said.add(lines.userLine(now, message, state));
		TriageTurn turn = decide(message, state, signal);
		if (turn == null) {
			return new BotTurn.Erased(state.locale(), triage.notice(state, "system.deleted"));
		}
		List<Bubble> answer = new ArrayList<>();
		if (signal.isImminent()) {
			// the emergency number first, before anything else
			answer.add(cards.emergency(state));
		}
		answer.addAll(turn.bubbles());
		shown.addAll(answer);
		said.addAll(TranscriptEntry.fromBot(now, answer));
		return answered(conversation, turn.state(), turn.choices(), shown, said,
				Command.SCOUT.word().equals(turn.command()));
	}

	/**
	 * @return the triage's turn for the message, or {@code null} when the user asked to
	 * erase everything
	 */
	private TriageTurn decide(InboundMessage message, TriageState state, Screening signal) {
		if (message instanceof InboundMessage.Commanded commanded) {
			return command(state, commanded.command());
		}
		if (message instanceof InboundMessage.Tapped tapped) {
			return answered(triage.answer(state, tapped.choice(), null));
		}
		if (message instanceof InboundMessage.Typed typed) {
			return signal.isCrisis() ? triage.crisis(state, signal.isImminent())
					: answered(triage.answer(state, null, typed.text()));
		}
		return new TriageTurn(state, List.of(triage.notice(state, ((InboundMessage.Media) message).notice())),
				triage.choices(state), null);
	}

	/**
	 * @return the turn, or the turn of the command the user chose with a button
	 */
	private TriageTurn answered(TriageTurn turn) {
		return turn.command() == null ? turn : command(turn.state(), Command.parse(turn.command()));
	}

	/**
	 * @return the command's turn, or {@code null} for delete
	 */
	private TriageTurn command(TriageState state, Command command) {
		return switch (command) {
			case START, RESTART -> triage.restart(state);
			case HELP -> triage.help(state);
			case LANGUAGE -> triage.switchLanguage(state);
			case PLAN -> triage.plan(state);
			case SCOUT -> new TriageTurn(state, List.of(), List.of(), Command.SCOUT.word());
			case DELETE -> null;
			case EXIT, UNKNOWN -> {
				TriageTurn help = triage.help(state);
				List<Bubble> bubbles = new ArrayList<>(List.of(triage.notice(state, "system.unknown_command")));
				bubbles.addAll(help.bubbles());
				yield new TriageTurn(state, bubbles, help.choices(), null);
			}
		};
	}

	private static BotTurn answered(Conversation conversation, TriageState state, List<Choice> choices,
			List<Bubble> shown, List<TranscriptEntry> said, boolean asksForScout) {
		return new BotTurn.Answered(new Turn(state.appliedTo(conversation), said, shown, choices), state, asksForScout);
	}

	private static boolean isStart(InboundMessage message) {
		return message instanceof InboundMessage.Commanded commanded
				&& (commanded.command() == Command.START || commanded.command() == Command.RESTART);
	}

}
