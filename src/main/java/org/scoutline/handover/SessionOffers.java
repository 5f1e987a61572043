package org.scoutline.handover;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.scoutline.conversation.Bubble;
import org.scoutline.conversation.Choice;
import org.scoutline.conversation.Conversation;
import org.scoutline.conversation.InboundMessage;
import org.scoutline.conversation.Mode;
import org.scoutline.conversation.TranscriptEntry;
import org.scoutline.conversation.Turn;
import org.scoutline.dialogue.Texts;
import org.scoutline.dialogue.Triage;
import org.scoutline.dialogue.TriageState;
import org.scoutline.dialogue.TriageTurn;
import org.scoutline.platform.RefusedMessages;
import org.scoutline.schedule.Occurrence;
import org.scoutline.schedule.OpeningDecision;
import org.scoutline.safety.CrisisDetector.Screening;
import org.springframework.stereotype.Component;

/**
 * Whether a user who wants a scout gets one now, and what they can do when none can come:
 * a reminder of the next session, or a message left for its scouts. Asks the opening rule
 * once per turn; a refusal while a session runs counts in its report.
 */
@Component
class SessionOffers {

	private final Triage triage;

	private final Texts texts;

	private final Staffing duty;

	private final OffHours offHours;

	private final EscalationLimits limits;

	private final RefusedMessages refusals;

	SessionOffers(Triage triage, Texts texts, Staffing duty, OffHours offHours, EscalationLimits limits,
			RefusedMessages refusals) {
		this.refusals = refusals;
		this.triage = triage;
		this.texts = texts;
		this.duty = duty;
		this.offHours = offHours;
		this.limits = limits;
	}

	/**
	 * See {@link UserTurns#escalate}. A request that is not a crisis joins the queue only
	 * from a conversation that has had its first answer, and only within the person's
	 * limit per hour; a crisis always does when a scout can take it.
	 */
	UserTurn escalate(Turn answered, TriageState state, Screening signal, boolean asked, Instant now) {
		Conversation conversation = answered.conversation();
		OpeningDecision decision = duty.escalation(conversation.channel());
		if (decision instanceof OpeningDecision.Open open && asked && !signal.isCrisis()) {
			// version 0: this very message starts the conversation
			String reason = conversation.version() == 0 ? EscalationRefused.NO_TURN_YET
					: limits.mayEscalate(conversation.pseudonym()) ? null : EscalationRefused.LIMITED;
			if (reason != null) {
				refusals.count(EscalationRefused.LIMITED.equals(reason) ? RefusedMessages.Reason.ESCALATION_LIMITED
						: RefusedMessages.Reason.ESCALATION_TOO_EARLY);
				return notNow(answered, state, now, reason, open.occurrence() == null ? null : open.occurrence().key());
			}
		}
		if (decision instanceof OpeningDecision.Open open) {
			return new UserTurn(
					new Turn(conversation.inMode(Mode.QUEUED), answered.transcript(), answered.shown(), List.of()),
					new FollowUp.Enqueue(signal, open.occurrence()));
		}
		OpeningDecision.Closed closed = (OpeningDecision.Closed) decision;
		FollowUp refused = refused(closed);
		if (!asked) {
			return new UserTurn(answered, refused);
		}
		refusals.count(RefusedMessages.Reason.valueOf(closed.reason().name()));
		TriageTurn resume = triage.current(state);
		List<Bubble> bubbles = new ArrayList<>(offHours.answer(conversation, closed, state.countryHint()));
		bubbles.addAll(resume.bubbles());
		List<Bubble> shown = new ArrayList<>(answered.shown());
		shown.addAll(bubbles);
		List<TranscriptEntry> said = new ArrayList<>(answered.transcript());
		said.addAll(TranscriptEntry.fromBot(now, bubbles));
		List<Choice> choices = new ArrayList<>(offHours.offers(conversation, closed));
		choices.addAll(resume.choices());
		return new UserTurn(new Turn(conversation, said, shown, choices), refused);
	}

	/**
	 * A request the limits turn away: why, in calm words, then the question the triage is
	 * at, so the user can go on.
	 */
	private UserTurn notNow(Turn answered, TriageState state, Instant now, String reason, String session) {
		TriageTurn resume = triage.current(state);
		List<Bubble> bubbles = new ArrayList<>(List.of(triage.notice(state, EscalationRefused.NO_TURN_YET.equals(reason)
				? "system.scout_after_first_answer" : "system.scout_limited")));
		bubbles.addAll(resume.bubbles());
		List<Bubble> shown = new ArrayList<>(answered.shown());
		shown.addAll(bubbles);
		List<TranscriptEntry> said = new ArrayList<>(answered.transcript());
		said.addAll(TranscriptEntry.fromBot(now, bubbles));
		FollowUp counted = session == null ? FollowUp.NONE : new FollowUp.Refused(session, reason);
		return new UserTurn(new Turn(answered.conversation(), said, shown, resume.choices()), counted);
	}

	/**
	 * @return the count of a refusal while a session runs, else nothing to do
	 */
	private static FollowUp refused(OpeningDecision.Closed closed) {
		return closed.running()
			.<FollowUp>map(o -> new FollowUp.Refused(o.key(), closed.reason().name().toLowerCase(Locale.ROOT)))
			.orElse(FollowUp.NONE);
	}

	/**
	 * The user wants a reminder of the next session, or to leave a message for its
	 * scouts. When a scout can take the chat right now, they are simply queued instead.
	 */
	UserTurn sessionOffer(Conversation conversation, InboundMessage.Tapped message, Instant now) {
		TriageState state = TriageState.of(conversation);
		List<TranscriptEntry> said = new ArrayList<>(
				List.of(TranscriptEntry.fromUser(now, texts.get(state.locale(), "system." + message.choice()))));
		OpeningDecision decision = duty.escalation(conversation.channel());
		if (decision instanceof OpeningDecision.Open open) {
			return new UserTurn(UserTurns.turn(conversation.inMode(Mode.QUEUED), state, List.of(), List.of(), said),
					new FollowUp.Enqueue(Screening.NONE, open.occurrence()));
		}
		OpeningDecision.Closed closed = (OpeningDecision.Closed) decision;
		List<Occurrence> next = closed.next();
		TriageTurn resume = triage.current(state);
		List<Bubble> bubbles = new ArrayList<>();
		if (next.isEmpty()) {
			bubbles.add(triage.notice(state, "system.next_sessions_none"));
			bubbles.addAll(resume.bubbles());
			said.addAll(TranscriptEntry.fromBot(now, bubbles));
			return new UserTurn(UserTurns.turn(conversation, state, resume.choices(), bubbles, said), refused(closed));
		}
		String when = offHours.when(conversation, next.get(0));
		if (ModeChoices.REMIND_ME.equals(message.choice())) {
			return new UserTurn(UserTurns.turn(conversation, state, resume.choices(), bubbles, said),
					new FollowUp.Remind(when, next.get(0)).and(refused(closed)));
		}
		bubbles.add(Bubble.notice(texts.format(state.locale(), "system.leave_message_ready", Map.of("when", when))));
		said.addAll(TranscriptEntry.fromBot(now, bubbles));
		return new UserTurn(UserTurns.turn(conversation.inMode(Mode.PARKED), state, List.of(), bubbles, said),
				new FollowUp.Park().and(refused(closed)));
	}

}
