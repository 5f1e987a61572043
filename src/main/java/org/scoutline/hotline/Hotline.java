package org.scoutline.hotline;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import org.scoutline.conversation.Bubble;
import org.scoutline.conversation.Channel;
import org.scoutline.conversation.Choice;
import org.scoutline.conversation.Conversation;
import org.scoutline.conversation.ConversationId;
import org.scoutline.conversation.Conversations;
import org.scoutline.conversation.Mode;
import org.scoutline.conversation.Conversations.SaveOutcome;
import org.scoutline.conversation.TranscriptEntry;
import org.scoutline.dialogue.Texts;
import org.scoutline.dialogue.Triage;
import org.scoutline.dialogue.TriageState;
import org.scoutline.dialogue.TriageTurn;
import org.scoutline.handover.Handover;
import org.scoutline.schedule.OpeningDecision;
import org.scoutline.safety.CrisisDetector;
import org.scoutline.safety.CrisisDetector.Screening;
import org.scoutline.safety.MessagePolicy;
import org.scoutline.safety.Pseudonyms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The pipeline every message from a user goes through, on every channel. A turn loads the conversation (one round
 * trip), decides in memory, and saves with the transcript append (one round trip). Messages of one person are
 * handled one at a time: on this instance they wait for each other (a fixed set of lock stripes, not one lock per
 * person); when another instance saved the same conversation in between, the turn runs again on fresh data, so
 * nothing is lost. Logs carry conversation ids and event types only.
 */
@Component
public class Hotline {

	private static final Logger log = LoggerFactory.getLogger(Hotline.class);

	private static final int MAX_ATTEMPTS = 8;

	private static final int HISTORY = 200;

	private final Conversations conversations;

	private final Pseudonyms pseudonyms;

	private final MessagePolicy policy;

	private final Turns turns;

	private final CrisisDetector crisis;

	private final Triage triage;

	private final Clock clock;

	/** messages of one person on this instance wait for each other here; across instances the versioned save does */
	private final Lock[] stripes = new Lock[256];

	private final Handover handover;

	private final Texts texts;

	Hotline(Conversations conversations, Pseudonyms pseudonyms, MessagePolicy policy, CrisisDetector crisis, Turns turns,
			Triage triage, Handover handover, Texts texts) {
		this.crisis = crisis;
		this.handover = handover;
		this.texts = texts;
		this.conversations = conversations;
		this.pseudonyms = pseudonyms;
		this.policy = policy;
		this.turns = turns;
		this.triage = triage;
		this.clock = Clock.systemUTC();
		for (int i = 0; i < stripes.length; i++) {
			stripes[i] = new ReentrantLock();
		}
	}

	/**
	 * Handles one message from a user.
	 * @return what to send back; {@link HotlineReply.Outcome#DUPLICATE} means send nothing
	 */
	public HotlineReply receive(InboundMessage message) {
		String pseudonym = pseudonyms.of(message.channel().name(), message.userId());
		Lock lock = stripes[Math.floorMod(pseudonym.hashCode(), stripes.length)];
		lock.lock();
		try {
			return receive(message, pseudonym);
		}
		finally {
			lock.unlock();
		}
	}

	private HotlineReply receive(InboundMessage message, String pseudonym) {
		// message ids are not always opaque (a WhatsApp id encodes the sender's number): store only their pseudonym
		String messageKey = message.messageId() == null ? null
				: pseudonyms.of("message:" + message.channel().name(), message.messageId());
		for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			if (attempt > 1) {
				backOff(attempt);
			}
			Conversations.Lookup lookup = conversations.find(pseudonym, messageKey);
			if (lookup.duplicate()) {
				return HotlineReply.duplicate();
			}
			Conversation existing = lookup.conversation();
			if (message.kind() == InboundMessage.Kind.TEXT && policy.tooLong(message.text())) {
				return tooLong(existing, message);
			}
			Turns.Result result = turns.take(existing, message, pseudonym, clock.instant());
			if (result.erase()) {
				if (existing != null) {
					conversations.erase(existing);
					if (existing.mode() != Mode.BOT) {
						handover.forget(existing.id());
					}
				}
				log.info("conversation erased on request conversation={}", existing == null ? "-" : existing.id());
				return result.reply();
			}
			SaveOutcome outcome = conversations.save(result.conversation(), messageKey, result.transcript());
			if (outcome == SaveOutcome.SAVED) {
				log.debug("turn conversation={} kind={} attempt={}", result.conversation().id(), message.kind(),
						attempt);
				return followUp(result);
			}
			if (outcome == SaveOutcome.DUPLICATE) {
				return HotlineReply.duplicate();
			}
		}
		log.warn("turn gave up after {} conflicting saves channel={}", MAX_ATTEMPTS, message.channel());
		return refusal(null, message, "system.unavailable", HotlineReply.Outcome.UNAVAILABLE);
	}

	/** Does in the handover what the saved turn asked for, and adds what the user must see about it. */
	private HotlineReply followUp(Turns.Result result) {
		HotlineReply reply = result.reply();
		ConversationId id = result.conversation().id();
		String locale = result.conversation().locale();
		Turns.Followup followup = result.followup();
		switch (followup.kind()) {
			case ENQUEUE -> {
				return withPosition(reply, handover.enqueue(result.conversation(), followup.signal(),
						followup.occurrence()), "system.queued", locale);
			}
			case HOLD -> {
				int position = handover.position(id);
				return withPosition(reply, position > 0 ? position
						: handover.enqueue(result.conversation(), Screening.NONE, null), "system.queue_hold", locale);
			}
			case REMIND -> {
				boolean reachable = handover.remindAtNextSession(result.conversation(),
						followup.occurrence().start().toInstant());
				String key = reachable ? "system.reminder_set" : "system.reminder_set_window";
				List<Bubble> bubbles = new ArrayList<>(List.of(Bubble.notice(texts.format(locale, key,
						Map.of("when", followup.text())))));
				bubbles.addAll(reply.bubbles());
				return new HotlineReply(reply.conversation(), reply.locale(), bubbles, reply.choices(), reply.outcome());
			}
			case PARK -> handover.park(result.conversation());
			case UNPARK -> handover.unpark(id);
			case LEAVE -> handover.leave(id);
			case RELAY -> handover.userWrote(id, followup.text(), followup.signal());
			case FEEDBACK -> handover.feedback(followup.text());
			case NONE -> {
			}
		}
		return reply;
	}

	private HotlineReply withPosition(HotlineReply reply, int position, String key, String locale) {
		if (position <= 0) {
			return reply;
		}
		List<Bubble> bubbles = new ArrayList<>(reply.bubbles());
		bubbles.add(Bubble.notice(texts.format(locale, key, handover.positionValues(position))));
		return new HotlineReply(reply.conversation(), reply.locale(), bubbles, handover.queueChoices(locale),
				reply.outcome());
	}

	/**
	 * Whether scouts take new chats on {@code channel} now, with the session running or the next ones: what a
	 * channel may show before anyone asks (the widget's "live now" line). Costs a few Redis reads; cache it.
	 */
	public OpeningDecision opening(Channel channel) {
		return handover.opening(channel);
	}

	/**
	 * What to show a user who opens the channel: their conversation so far, or the welcome for a new one (which is
	 * stored only once they answer).
	 */
	public Opening open(Channel channel, String userId, String localeHint) {
		String pseudonym = pseudonyms.of(channel.name(), userId);
		Conversation existing = conversations.find(pseudonym, null).conversation();
		if (existing == null) {
			TriageTurn welcome = triage.begin(localeHint);
			return new Opening(welcome.state().locale(), List.of(), welcome.bubbles(), welcome.choices());
		}
		TriageState state = Turns.stateOf(existing);
		List<Choice> choices = switch (existing.mode()) {
			case QUEUED -> handover.queueChoices(existing.locale());
			case WITH_SCOUT -> List.of();
			case CLOSED -> handover.feedbackChoices(existing.locale());
			case PARKED -> handover.parkedChoices(existing.locale());
			case BOT -> triage.choices(state);
		};
		return new Opening(existing.locale(), conversations.transcript(existing.id(), HISTORY), List.of(), choices,
				existing.mode() == Mode.WITH_SCOUT);
	}

	/**
	 * The user is typing: a scout who holds the chat sees it in the console. Anything else (the bot, the queue, no
	 * conversation) ignores it. Nothing is stored and nothing is answered.
	 */
	public void typing(Channel channel, String userId) {
		Conversation existing = conversations.find(pseudonyms.of(channel.name(), userId), null).conversation();
		if (existing != null && existing.mode() == Mode.WITH_SCOUT) {
			handover.userTyping(existing.id());
		}
	}

	/**
	 * Closes the conversation of a user the channel can no longer reach (a Telegram user who blocked the bot). The
	 * data stays until the retention period ends, as for any conversation; the next message from the user opens it
	 * again with the bot.
	 * @return whether there was a conversation to close
	 */
	public boolean close(Channel channel, String userId) {
		String pseudonym = pseudonyms.of(channel.name(), userId);
		for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			Conversation existing = conversations.find(pseudonym, null).conversation();
			if (existing == null || existing.mode() == Mode.CLOSED) {
				return existing != null;
			}
			if (conversations.save(existing.inMode(Mode.CLOSED), null, List.of()) != SaveOutcome.CONFLICT) {
				log.info("conversation closed, user unreachable conversation={} channel={}", existing.id(), channel);
				return true;
			}
			backOff(attempt);
		}
		return false;
	}

	/** @return a system text ({@code system.*}) in {@code locale} (the default locale when unknown) */
	public String notice(String locale, String key) {
		return triage.notice(locale, key).text();
	}

	private static void backOff(int attempt) {
		try {
			Thread.sleep(ThreadLocalRandom.current().nextLong(1, 2L << Math.min(attempt, 6)));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * A text over the limit is refused and not stored, but still screened: crisis lines come first (the emergency
	 * number before them when the danger is imminent), for the user's country or the channel's guess of it.
	 */
	private HotlineReply tooLong(Conversation existing, InboundMessage message) {
		HotlineReply refusal = refusal(existing, message, "system.too_long", HotlineReply.Outcome.TOO_LONG);
		Screening signal = crisis.screen(message.text());
		if (!signal.isCrisis()) {
			return refusal;
		}
		TriageState state = (existing != null ? Turns.stateOf(existing) : triage.begin(message.localeHint()).state())
			.withCountryHint(message.countryHint());
		List<Bubble> bubbles = new ArrayList<>();
		if (signal.isImminent()) {
			bubbles.add(triage.emergency(state));
		}
		bubbles.add(triage.crisisCard(state));
		bubbles.addAll(refusal.bubbles());
		return new HotlineReply(refusal.conversation(), state.locale(), bubbles, refusal.choices(), refusal.outcome());
	}

	private HotlineReply refusal(Conversation existing, InboundMessage message, String key,
			HotlineReply.Outcome outcome) {
		if (existing == null) {
			Bubble notice = triage.notice(message.localeHint(), key);
			return new HotlineReply(null, message.localeHint(), List.of(notice), List.of(), outcome);
		}
		TriageState state = Turns.stateOf(existing);
		return new HotlineReply(existing.id(), existing.locale(), List.of(triage.notice(state, key)),
				triage.choices(state), outcome);
	}

	static List<TranscriptEntry> botLines(Instant at, List<Bubble> bubbles) {
		List<TranscriptEntry> lines = new ArrayList<>(bubbles.size());
		bubbles.forEach(bubble -> lines.add(TranscriptEntry.fromBot(at, bubble)));
		return lines;
	}

}
