package org.scoutline.hotline;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import org.scoutline.conversation.Channel;
import org.scoutline.conversation.Command;
import org.scoutline.conversation.Conversation;
import org.scoutline.conversation.Conversations;
import org.scoutline.conversation.Conversations.SaveOutcome;
import org.scoutline.conversation.InboundMessage;
import org.scoutline.conversation.Mode;
import org.scoutline.conversation.Turn;
import org.scoutline.dialogue.BotTurn;
import org.scoutline.dialogue.BotTurns;
import org.scoutline.dialogue.Triage;
import org.scoutline.handover.FollowUp;
import org.scoutline.handover.UserSide;
import org.scoutline.handover.UserTurn;
import org.scoutline.handover.UserTurns;
import org.scoutline.platform.RedisRoundTrips;
import org.scoutline.safety.CrisisDetector;
import org.scoutline.safety.CrisisDetector.Screening;
import org.scoutline.safety.MessagePolicy;
import org.scoutline.safety.Pseudonyms;
import org.scoutline.schedule.OpeningDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The pipeline every message from a user goes through, on every channel: pseudonym, lock,
 * load (one round trip), the safety rules (length limit, crisis screen on every text in
 * every state), then the turn, decided in memory by the owner of the conversation's mode
 * (the bot's {@link BotTurns}, or the handover's {@link UserTurns} while a scout is
 * involved), saved with the transcript append (one round trip), and the handover's
 * {@link FollowUp} carried out. Messages of one person are handled one at a time: on this
 * instance they wait for each other (a fixed set of lock stripes, not one lock per
 * person); when another instance saved the same conversation in between, the turn runs
 * again on fresh data, so nothing is lost. Logs carry conversation ids and event types
 * only.
 */
@Component
public class Hotline {

	private static final Logger log = LoggerFactory.getLogger(Hotline.class);

	private final Conversations conversations;

	private final Pseudonyms pseudonyms;

	private final MessagePolicy policy;

	private final CrisisDetector crisis;

	private final BotTurns bot;

	private final UserTurns users;

	private final UserSide handover;

	private final Refusals refusals;

	private final Triage triage;

	private final Clock clock;

	private final TurnMeters meters;

	/**
	 * messages of one person on this instance wait for each other here; across instances
	 * the versioned save does. 4,096 stripes (about 200 KiB): with 256, two of 200 people
	 * in a turn at once often shared one, and 3% of the app's CPU went to waiting for a
	 * stranger's turn (async-profiler, docs/benchmarks.md)
	 */
	private final Lock[] stripes = new Lock[4096];

	Hotline(Conversations conversations, Pseudonyms pseudonyms, MessagePolicy policy, CrisisDetector crisis,
			BotTurns bot, UserTurns users, UserSide handover, Refusals refusals, Triage triage, Clock clock,
			TurnMeters meters) {
		this.conversations = conversations;
		this.pseudonyms = pseudonyms;
		this.policy = policy;
		this.crisis = crisis;
		this.bot = bot;
		this.users = users;
		this.handover = handover;
		this.refusals = refusals;
		this.triage = triage;
		this.clock = clock;
		this.meters = meters;
		for (int i = 0; i < stripes.length; i++) {
			stripes[i] = new ReentrantLock();
		}
	}

	/**
	 * Handles one message from a user.
	 * @return what to send back; {@link HotlineReply#sendsNothing()} means send nothing
	 */
	public HotlineReply receive(InboundMessage message) {
		long started = System.nanoTime();
		HotlineReply reply = null;
		RedisRoundTrips.start();
		String pseudonym = pseudonyms.of(message.channel().name(), message.userId());
		Lock lock = stripes[Math.floorMod(pseudonym.hashCode(), stripes.length)];
		lock.lock();
		try {
			reply = receive(message, pseudonym);
			return reply;
		}
		finally {
			lock.unlock();
			meters.turn(message, reply, started, RedisRoundTrips.stop());
		}
	}

	private HotlineReply receive(InboundMessage message, String pseudonym) {
		String text = TurnInputs.textOf(message);
		Screening signal = text == null ? Screening.NONE : crisis.screen(text);
		if (message instanceof InboundMessage.Edited edited) {
			if (!signal.isCrisis()) {
				log.debug("edit without crisis signal skipped channel={}", message.channel());
				return HotlineReply.ignored();
			}
			// help must never be missed
			message = new InboundMessage.Typed(edited.origin(), edited.text());
		}
		// message ids are not always opaque (a WhatsApp id encodes the sender's number):
		// store only their pseudonym
		String messageKey = message.messageId() == null ? null
				: pseudonyms.of("message:" + message.channel().name(), message.messageId());
		for (int attempt = 1; attempt <= Retry.MAX_ATTEMPTS; attempt++) {
			if (attempt > 1) {
				Retry.backOff(attempt);
			}
			Conversations.Lookup lookup = conversations.find(pseudonym, messageKey);
			if (lookup.duplicate()) {
				return HotlineReply.duplicate();
			}
			Conversation existing = lookup.conversation();
			if (text != null && policy.tooLong(text)) {
				meters.crisis(signal);
				return refusals.tooLong(existing, message, signal);
			}
			Instant now = clock.instant();
			Conversation touched = existing == null ? null : existing.touched(now, message.origin().replyAddress());
			Decision decided = decide(touched, message, signal, pseudonym, now);
			if (decided.erased() != null) {
				return erase(existing, decided.erased());
			}
			Turn turn = decided.turn().turn().forChannel(message.origin().foldsSections());
			turn = turn.with(TurnInputs.recorded(turn.conversation(), signal, now));
			SaveOutcome outcome = conversations.save(turn.conversation(), messageKey, turn.transcript());
			if (outcome == SaveOutcome.SAVED) {
				log.debug("turn conversation={} attempt={}", turn.conversation().id(), attempt);
				meters.crisis(signal);
				Turn saved = turn.with(turn.conversation().saved(turn.transcript().size()));
				return HotlineReply.of(handover.carryOut(decided.turn().followUp(), saved));
			}
			if (outcome == SaveOutcome.DUPLICATE) {
				return HotlineReply.duplicate();
			}
		}
		log.warn("turn gave up after {} conflicting saves channel={}", Retry.MAX_ATTEMPTS, message.channel());
		return refusals.refusal(null, message, "system.unavailable", HotlineReply.Outcome.UNAVAILABLE);
	}

	/**
	 * Routes by mode: while a scout is involved (or for the handover's own buttons) the
	 * handover decides; otherwise the bot does, and a user who asked for a scout or wrote
	 * a crisis message is then offered to the handover.
	 */
	private Decision decide(Conversation conversation, InboundMessage message, Screening signal, String pseudonym,
			Instant now) {
		boolean erase = message instanceof InboundMessage.Commanded c && c.command() == Command.DELETE;
		if (conversation != null && !erase) {
			Optional<UserTurn> handled = users.take(conversation, message, signal, now);
			if (handled.isPresent()) {
				return new Decision(handled.get(), null);
			}
		}
		Conversation inBotMode = conversation == null || conversation.mode() == Mode.BOT ? conversation
				: conversation.inMode(Mode.BOT);
		BotTurn turn = bot.take(inBotMode, message, signal, pseudonym, now);
		if (turn instanceof BotTurn.Erased erased) {
			return new Decision(null, erased);
		}
		BotTurn.Answered answered = (BotTurn.Answered) turn;
		if (answered.asksForScout() || signal.isCrisis()) {
			return new Decision(users.escalate(answered.turn(), answered.state(), signal, answered.asksForScout(), now),
					null);
		}
		return new Decision(UserTurn.of(answered.turn()), null);
	}

	/** The turn decided, or the user's wish to erase everything. */
	private record Decision(UserTurn turn, BotTurn.Erased erased) {
	}

	private HotlineReply erase(Conversation existing, BotTurn.Erased erased) {
		if (existing != null) {
			conversations.erase(existing);
			// the queue, a scout's chat, a reminder or a message left for the next
			// session
			handover.forget(existing.id());
		}
		log.info("conversation erased on request conversation={}", existing == null ? "-" : existing.id());
		return new HotlineReply(null, erased.locale(), List.of(erased.done()), List.of(), HotlineReply.Outcome.ERASED);
	}

	/**
	 * Whether scouts take new chats on {@code channel} now, with the session running or
	 * the next ones: what a channel may show before anyone asks (the widget's "live now"
	 * line). Costs a few Redis reads; cache it.
	 */
	public OpeningDecision opening(Channel channel) {
		return handover.opening(channel);
	}

	/**
	 * @return a system text ({@code system.*}) in {@code locale} (the default locale when
	 * unknown)
	 */
	public String notice(String locale, String key) {
		return triage.notice(locale, key).text();
	}

	/**
	 * @return the languages offered, the default first
	 */
	public Set<String> locales() {
		return triage.locales();
	}

}
