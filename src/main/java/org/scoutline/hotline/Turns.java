package org.scoutline.hotline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.scoutline.conversation.Bubble;
import org.scoutline.conversation.Channel;
import org.scoutline.conversation.Choice;
import org.scoutline.conversation.Conversation;
import org.scoutline.conversation.CrisisSignal;
import org.scoutline.conversation.Mode;
import org.scoutline.conversation.TranscriptEntry;
import org.scoutline.dialogue.Texts;
import org.scoutline.dialogue.Triage;
import org.scoutline.dialogue.TriageState;
import org.scoutline.dialogue.TriageTurn;
import org.scoutline.handover.Handover;
import org.scoutline.handover.OffHours;
import org.scoutline.handover.ScoutDuty;
import org.scoutline.schedule.Occurrence;
import org.scoutline.schedule.OpeningDecision;
import org.scoutline.safety.CrisisDetector;
import org.scoutline.safety.CrisisDetector.Screening;
import org.springframework.stereotype.Component;

/**
 * Decides one turn in memory, without touching Redis: the safety rules first (media refusal, crisis screen on
 * every text in every state), then commands, then the triage.
 */
@Component
class Turns {

	private final Triage triage;

	private final CrisisDetector crisis;

	private final ScoutDuty duty;

	private final OffHours offHours;

	private final Texts texts;

	Turns(Triage triage, CrisisDetector crisis, ScoutDuty duty, OffHours offHours, Texts texts) {
		this.triage = triage;
		this.crisis = crisis;
		this.duty = duty;
		this.offHours = offHours;
		this.texts = texts;
	}

	/**
	 * @param conversation the new state to save ({@code null} when erasing)
	 * @param transcript the lines to append
	 * @param reply what to send back
	 * @param erase whether every key about the user must be erased instead of saving
	 */
	record Result(Conversation conversation, List<TranscriptEntry> transcript, HotlineReply reply, boolean erase,
			Followup followup) {

		Result(Conversation conversation, List<TranscriptEntry> transcript, HotlineReply reply, boolean erase) {
			this(conversation, transcript, reply, erase, Followup.NONE);
		}

		Result with(Followup next) {
			return new Result(conversation, transcript, reply, erase, next);
		}

	}

	/**
	 * What the hotline does in the handover once the turn is saved.
	 *
	 * @param kind what to do
	 * @param text the user's words to relay ({@link Kind#RELAY}), the feedback choice ({@link Kind#FEEDBACK}), or
	 * when the next session is, in the user's words ({@link Kind#REMIND})
	 * @param signal what the crisis screen found in the message ({@link Screening#NONE}: nothing)
	 * @param occurrence the live session joined ({@link Kind#ENQUEUE}) or reminded of ({@link Kind#REMIND})
	 */
	record Followup(Kind kind, String text, Screening signal, Occurrence occurrence) {

		static final Followup NONE = new Followup(Kind.NONE, null, Screening.NONE, null);

		Followup(Kind kind, String text, Screening signal) {
			this(kind, text, signal, null);
		}

		enum Kind {

			NONE, ENQUEUE, HOLD, LEAVE, RELAY, FEEDBACK, REMIND, PARK, UNPARK

		}

	}

	static TriageState stateOf(Conversation conversation) {
		return new TriageState(conversation.node(), conversation.facts(), conversation.locale());
	}

	/** @return where the conversation stands, with the channel's guess of the country for this message */
	static TriageState stateOf(Conversation conversation, InboundMessage message) {
		return stateOf(conversation).withCountryHint(message.countryHint());
	}

	/** @return what the crisis screen finds in a typed text; nothing for other messages */
	Screening screen(InboundMessage message) {
		return message.kind() == InboundMessage.Kind.TEXT ? crisis.screen(message.text()) : Screening.NONE;
	}

	/** @return the conversation with the signal kept among its facts (kind, severity, when; never the words) */
	static Conversation recorded(Conversation conversation, Screening signal, Instant now) {
		if (!signal.isCrisis()) {
			return conversation;
		}
		CrisisSignal kept = new CrisisSignal(signal.primaryKind().id(), signal.severity().id(), now);
		return conversation.withDialogue(conversation.locale(), conversation.node(),
				kept.recordedIn(conversation.facts()));
	}

	Result take(Conversation existing, InboundMessage message, String pseudonym, Instant now) {
		List<Bubble> shown = new ArrayList<>();
		List<TranscriptEntry> lines = new ArrayList<>();
		Conversation conversation;
		Screening signal = screen(message);
		boolean inCrisis = signal.isCrisis();
		if (existing == null) {
			// a first message in crisis is answered in the language it was written in, whatever the channel guessed
			String locale = inCrisis ? crisis.languageOf(message.text()).orElse(message.localeHint())
					: message.localeHint();
			TriageTurn welcome = triage.begin(locale);
			TriageState first = welcome.state();
			conversation = recorded(Conversation.start(message.channel(), pseudonym, message.replyAddress(),
					first.locale(), first.node(), first.facts(), now), signal, now);
			if (!inCrisis && !message.welcomed()) {
				shown.addAll(welcome.bubbles());
				if (message.kind() == InboundMessage.Kind.TEXT || isStart(message)) {
					lines.add(userLine(now, message, first));
					lines.addAll(Hotline.botLines(now, welcome.bubbles()));
					return result(conversation, first, welcome.choices(), shown, lines, now);
				}
			}
			lines.addAll(Hotline.botLines(now, inCrisis ? List.of() : welcome.bubbles()));
		}
		else {
			conversation = recorded(existing.touched(now, message.replyAddress()), signal, now);
			Result handover = handover(conversation, message, signal, now);
			if (handover != null) {
				return handover;
			}
			if (conversation.mode() == Mode.CLOSED) {
				conversation = conversation.inMode(Mode.BOT);
			}
			if (isChoice(message, Handover.REMIND_ME) || isChoice(message, Handover.LEAVE_MESSAGE)) {
				return sessionOffer(conversation, message, now);
			}
		}
		TriageState state = stateOf(conversation, message);
		lines.add(userLine(now, message, state));
		TriageTurn turn = switch (message.kind()) {
			case MEDIA -> new TriageTurn(state, List.of(triage.notice(state, mediaNotice(message.channel()))),
					triage.choices(state), null);
			case COMMAND -> command(state, message.command());
			case CHOICE -> isChoice(message, Handover.ASK_SCOUT) ? command(state, "scout")
					: answered(triage.answer(state, message.choice(), null));
			case TEXT -> inCrisis ? triage.crisis(state, signal.isImminent())
					: answered(triage.answer(state, null, message.text()));
		};
		if (turn == null) {
			Bubble done = triage.notice(state, "system.deleted");
			return new Result(null, List.of(), new HotlineReply(null, state.locale(), List.of(done), List.of(),
					HotlineReply.Outcome.ERASED), true);
		}
		List<Bubble> said = new ArrayList<>();
		if (signal.isImminent()) {
			said.add(triage.emergency(state)); // the emergency number first, before anything else
		}
		said.addAll(turn.bubbles());
		shown.addAll(said);
		lines.addAll(Hotline.botLines(now, said));
		boolean wantsScout = "scout".equals(turn.command());
		if ((wantsScout || inCrisis) && conversation.mode() == Mode.BOT) {
			OpeningDecision decision = duty.escalation(conversation.channel());
			if (decision instanceof OpeningDecision.Open open) {
				Result queued = result(conversation.inMode(Mode.QUEUED), turn.state(), List.of(), shown, lines, now);
				return queued.with(new Followup(Followup.Kind.ENQUEUE, null, signal, open.occurrence()));
			}
			if (wantsScout) {
				return noScout(conversation, turn.state(), (OpeningDecision.Closed) decision, shown, lines, now);
			}
		}
		return result(conversation, turn.state(), turn.choices(), shown, lines, now);
	}

	/** Nobody can take the chat: why, the crisis lines, the next sessions and what the user can do until then. */
	private Result noScout(Conversation conversation, TriageState state, OpeningDecision.Closed closed,
			List<Bubble> shown, List<TranscriptEntry> lines, Instant now) {
		Conversation current = conversation.withDialogue(state.locale(), state.node(), state.facts());
		TriageTurn resume = triage.current(state);
		List<Bubble> bubbles = new ArrayList<>(offHours.answer(current, closed, state.countryHint()));
		bubbles.addAll(resume.bubbles());
		shown.addAll(bubbles);
		lines.addAll(Hotline.botLines(now, bubbles));
		List<Choice> choices = new ArrayList<>(offHours.offers(current, closed));
		choices.addAll(resume.choices());
		return result(conversation, state, choices, shown, lines, now);
	}

	/**
	 * The user wants a reminder of the next session, or to leave a message for its scouts. When a scout can take
	 * the chat right now, they are simply queued instead.
	 */
	private Result sessionOffer(Conversation conversation, InboundMessage message, Instant now) {
		TriageState state = stateOf(conversation);
		List<TranscriptEntry> lines = new ArrayList<>(List.of(TranscriptEntry.fromUser(now,
				texts.get(state.locale(), "system." + message.choice()))));
		OpeningDecision decision = duty.escalation(conversation.channel());
		if (decision instanceof OpeningDecision.Open open) {
			return result(conversation.inMode(Mode.QUEUED), state, List.of(), new ArrayList<>(), lines, now)
				.with(new Followup(Followup.Kind.ENQUEUE, null, Screening.NONE, open.occurrence()));
		}
		List<Occurrence> next = ((OpeningDecision.Closed) decision).next();
		TriageTurn resume = triage.current(state);
		List<Bubble> bubbles = new ArrayList<>();
		if (next.isEmpty()) {
			bubbles.add(triage.notice(state, "system.next_sessions_none"));
			bubbles.addAll(resume.bubbles());
			lines.addAll(Hotline.botLines(now, bubbles));
			return result(conversation, state, resume.choices(), bubbles, lines, now);
		}
		String when = offHours.when(conversation, next.get(0));
		if (isChoice(message, Handover.REMIND_ME)) {
			return result(conversation, state, resume.choices(), bubbles, lines, now)
				.with(new Followup(Followup.Kind.REMIND, when, Screening.NONE, next.get(0)));
		}
		bubbles.add(Bubble.notice(texts.format(state.locale(), "system.leave_message_ready", Map.of("when", when))));
		lines.addAll(Hotline.botLines(now, bubbles));
		return result(conversation.inMode(Mode.PARKED), state, List.of(), bubbles, lines, now)
			.with(new Followup(Followup.Kind.PARK, null, Screening.NONE));
	}

	/**
	 * A turn while a scout is involved: waiting in the queue, chatting with a scout, or just after a scout closed.
	 * @return the turn, or {@code null} when the bot handles the message as usual
	 */
	private Result handover(Conversation conversation, InboundMessage message, Screening signal, Instant now) {
		TriageState state = stateOf(conversation, message);
		if (isCommand(message, "delete")) {
			return null;
		}
		return switch (conversation.mode()) {
			case QUEUED -> queued(conversation, message, state, signal, now);
			case WITH_SCOUT -> withScout(conversation, message, state, signal, now);
			case CLOSED -> closed(conversation, message, state, now);
			case PARKED -> parked(conversation, message, state, signal, now);
			case BOT -> null;
		};
	}

	/** @return the emergency sentence first when the danger is imminent, then the crisis card, for a crisis */
	private List<Bubble> crisisBubbles(TriageState state, Screening signal) {
		List<Bubble> bubbles = new ArrayList<>();
		if (signal.isImminent()) {
			bubbles.add(triage.emergency(state));
		}
		if (signal.isCrisis()) {
			bubbles.add(triage.crisisCard(state));
		}
		return bubbles;
	}

	private Result queued(Conversation conversation, InboundMessage message, TriageState state, Screening signal,
			Instant now) {
		List<TranscriptEntry> lines = new ArrayList<>(List.of(userLine(now, message, state)));
		if (message.kind() == InboundMessage.Kind.CHOICE && Handover.LEAVE_QUEUE.equals(message.choice())) {
			TriageTurn current = triage.current(state);
			List<Bubble> bubbles = new ArrayList<>(List.of(triage.notice(state, "system.queue_left")));
			bubbles.addAll(current.bubbles());
			lines.addAll(Hotline.botLines(now, bubbles));
			return result(conversation.inMode(Mode.BOT), state, current.choices(), bubbles, lines, now)
				.with(new Followup(Followup.Kind.LEAVE, null, Screening.NONE));
		}
		List<Bubble> bubbles = crisisBubbles(state, signal);
		if (!signal.isCrisis() && message.kind() == InboundMessage.Kind.MEDIA) {
			bubbles.add(triage.notice(state, mediaNotice(message.channel())));
		}
		lines.addAll(Hotline.botLines(now, bubbles));
		return result(conversation, state, List.of(), bubbles, lines, now)
			.with(new Followup(signal.isCrisis() ? Followup.Kind.ENQUEUE : Followup.Kind.HOLD, null, signal));
	}

	private Result withScout(Conversation conversation, InboundMessage message, TriageState state, Screening signal,
			Instant now) {
		TranscriptEntry said = userLine(now, message, state);
		List<TranscriptEntry> lines = new ArrayList<>(List.of(said));
		List<Bubble> bubbles = crisisBubbles(state, signal);
		if (message.kind() == InboundMessage.Kind.MEDIA) {
			bubbles.add(triage.notice(state, mediaNotice(message.channel())));
		}
		else if (message.kind() == InboundMessage.Kind.COMMAND) {
			bubbles.add(triage.notice(state, "system.with_scout"));
		}
		lines.addAll(Hotline.botLines(now, bubbles));
		return result(conversation, state, List.of(), bubbles, lines, now)
			.with(new Followup(Followup.Kind.RELAY, said.text(), signal));
	}

	/** A message left for the next session: everything written is kept for the scouts until taken back. */
	private Result parked(Conversation conversation, InboundMessage message, TriageState state, Screening signal,
			Instant now) {
		List<TranscriptEntry> lines = new ArrayList<>(List.of(userLine(now, message, state)));
		List<Bubble> bubbles = new ArrayList<>();
		if (isChoice(message, Handover.TAKE_BACK_MESSAGE)) {
			TriageTurn resume = triage.current(state);
			bubbles.add(triage.notice(state, "system.message_taken_back"));
			bubbles.addAll(resume.bubbles());
			lines.addAll(Hotline.botLines(now, bubbles));
			return result(conversation.inMode(Mode.BOT), state, resume.choices(), bubbles, lines, now)
				.with(new Followup(Followup.Kind.UNPARK, null, Screening.NONE));
		}
		bubbles.addAll(crisisBubbles(state, signal));
		if (message.kind() == InboundMessage.Kind.MEDIA) {
			bubbles.add(triage.notice(state, mediaNotice(message.channel())));
		}
		else {
			bubbles.add(triage.notice(state, message.kind() == InboundMessage.Kind.TEXT ? "system.message_kept"
					: "system.message_waiting"));
		}
		lines.addAll(Hotline.botLines(now, bubbles));
		List<Choice> choices = List.of(new Choice(Handover.TAKE_BACK_MESSAGE,
				texts.get(state.locale(), "system.take_back_message")));
		return result(conversation, state, choices, bubbles, lines, now);
	}

	private Result closed(Conversation conversation, InboundMessage message, TriageState state, Instant now) {
		if (message.kind() != InboundMessage.Kind.CHOICE) {
			return null;
		}
		boolean feedback = Handover.FEEDBACK.contains(message.choice());
		if (!feedback && !Handover.SHOW_PLAN.equals(message.choice())) {
			return null;
		}
		List<TranscriptEntry> lines = new ArrayList<>(List.of(TranscriptEntry.fromUser(now,
				triage.notice(state, "system." + message.choice()).text())));
		TriageTurn turn = feedback ? triage.current(state) : triage.plan(state);
		List<Bubble> bubbles = new ArrayList<>();
		if (feedback) {
			bubbles.add(triage.notice(state, "system.feedback_thanks"));
		}
		bubbles.addAll(turn.bubbles());
		lines.addAll(Hotline.botLines(now, bubbles));
		Result result = result(conversation.inMode(Mode.BOT), turn.state(), turn.choices(), bubbles, lines, now);
		return feedback ? result.with(new Followup(Followup.Kind.FEEDBACK, message.choice(), Screening.NONE)) : result;
	}

	private static boolean isChoice(InboundMessage message, String choice) {
		return message.kind() == InboundMessage.Kind.CHOICE && choice.equals(message.choice());
	}

	private static boolean isCommand(InboundMessage message, String command) {
		return message.kind() == InboundMessage.Kind.COMMAND && command.equals(message.command());
	}

	/** @return the turn, or the turn of the command the user chose with a button */
	private TriageTurn answered(TriageTurn turn) {
		return turn.command() == null ? turn : command(turn.state(), turn.command());
	}

	/** @return the command's turn, or {@code null} for delete */
	private TriageTurn command(TriageState state, String command) {
		return switch (command) {
			case "start", "restart" -> triage.restart(state);
			case "help" -> triage.help(state);
			case "language" -> triage.switchLanguage(state);
			case "plan" -> triage.plan(state);
			case "scout" -> new TriageTurn(state, List.of(), List.of(), "scout");
			case "delete" -> null;
			default -> {
				TriageTurn help = triage.help(state);
				List<Bubble> bubbles = new ArrayList<>(List.of(triage.notice(state, "system.unknown_command")));
				bubbles.addAll(help.bubbles());
				yield new TriageTurn(state, bubbles, help.choices(), null);
			}
		};
	}

	private Result result(Conversation conversation, TriageState state, List<Choice> choices, List<Bubble> shown,
			List<TranscriptEntry> lines, Instant now) {
		// a crisis signal stays on record through anything the dialogue does, a restart included
		Conversation updated = conversation.withDialogue(state.locale(), state.node(),
				CrisisSignal.carried(conversation.facts(), state.facts()));
		boolean folds = foldsSections(conversation.channel());
		HotlineReply reply = new HotlineReply(updated.id(), state.locale(),
				folds ? shown : shown.stream().filter(b -> b.kind() != Bubble.Kind.SECTION).toList(), choices,
				HotlineReply.Outcome.ANSWERED);
		List<TranscriptEntry> kept = folds ? lines
				: lines.stream().filter(line -> line.kind() != Bubble.Kind.SECTION).toList();
		return new Result(updated, kept, reply, false);
	}

	/**
	 * @return whether the channel shows the plan's sections folded inside the plan (the web widget); messengers
	 * get them one at a time through the plan's choices instead, so they are neither sent nor kept in the
	 * transcript there
	 */
	private static boolean foldsSections(Channel channel) {
		return channel == Channel.WEB;
	}

	private TranscriptEntry userLine(Instant now, InboundMessage message, TriageState state) {
		String text = switch (message.kind()) {
			case TEXT -> message.text();
			case MEDIA -> TranscriptEntry.MEDIA_REMOVED;
			case COMMAND -> "/" + message.command();
			case CHOICE -> triage.label(state, message.choice())
				.orElseGet(() -> systemChoiceLabel(state.locale(), message.choice()));
		};
		return TranscriptEntry.fromUser(now, text);
	}

	/** @return the label of a system button (reminder, message, queue), or the raw id of an unknown one */
	private String systemChoiceLabel(String locale, String choice) {
		return SYSTEM_CHOICES.contains(choice) ? texts.get(locale, "system." + choice) : "[" + choice + "]";
	}

	private static final Set<String> SYSTEM_CHOICES = Set.of(Handover.REMIND_ME,
			Handover.LEAVE_MESSAGE, Handover.TAKE_BACK_MESSAGE, Handover.ASK_SCOUT, Handover.LEAVE_QUEUE);

	/** @return the media refusal that says what happened to the media on this channel */
	static String mediaNotice(Channel channel) {
		return switch (channel) {
			case WEB -> "system.media_removed";
			case TELEGRAM -> "system.media_telegram";
			case WHATSAPP -> "system.media_whatsapp";
		};
	}

	private static boolean isStart(InboundMessage message) {
		return message.kind() == InboundMessage.Kind.COMMAND
				&& ("start".equals(message.command()) || "restart".equals(message.command()));
	}

}
