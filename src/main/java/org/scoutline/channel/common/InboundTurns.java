package org.scoutline.channel.common;

import java.util.Set;

import org.scoutline.conversation.InboundMessage;
import org.scoutline.hotline.ChannelSignals;
import org.scoutline.hotline.Hotline;
import org.scoutline.hotline.HotlineReply;
import org.scoutline.safety.CrisisDetector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * How every channel takes what a user sent, the same way: each message goes through the
 * {@link Hotline} and its reply to the channel's {@link TurnRenderer}. An arrival that a
 * platform delivers again (a Telegram update, a WhatsApp message) comes through the
 * {@link Intake}, which takes it once and tries it again until it is handled; a turn
 * found saved already is then answered again ({@link TurnRenderer#sendsAgain()}). The
 * widget's frames come straight to {@link #handle}: when handling fails behind the
 * hotline (storage down), the user is asked to send their message again
 * ({@code system.unavailable}). Logs carry the arrival's description and the exception
 * class, never text or chat ids.
 */
@Component
public class InboundTurns {

	private static final Logger log = LoggerFactory.getLogger(InboundTurns.class);

	private final Hotline hotline;

	private final ChannelSignals signals;

	private final CrisisDetector crisis;

	InboundTurns(Hotline hotline, ChannelSignals signals, CrisisDetector crisis) {
		this.hotline = hotline;
		this.signals = signals;
		this.crisis = crisis;
	}

	/**
	 * What a channel handles in one go.
	 *
	 * @param what what it is, for logs ({@code web chat frame})
	 * @param details what logs may say about it ({@code session=7}): never a chat id or
	 * text
	 */
	public record Arrival(String what, String details) {

		public static Arrival of(String what, String details) {
			return new Arrival(what, details);
		}

	}

	/** The channel's handling of one arrival. */
	@FunctionalInterface
	public interface Work<E extends Exception> {

		void run() throws E;

	}

	/**
	 * Handles an arrival that nobody delivers again: {@code work} runs, and a
	 * {@link RuntimeException} from it (storage down) sends the "please resend" notice
	 * through {@code renderer}.
	 */
	public <E extends Exception> void handle(Arrival arrival, Work<E> work, TurnRenderer<E> renderer) throws E {
		try {
			work.run();
		}
		catch (RuntimeException ex) {
			log.error("{} not handled {} cause={}", arrival.what(), arrival.details(), ex.getClass().getSimpleName());
			renderer.unavailable(hotline.notice(renderer.locale(), "system.unavailable"));
		}
	}

	/**
	 * One turn: the message through the hotline, its reply to {@code renderer} unless it
	 * sends nothing (a duplicate, an ignored edit).
	 * @return the reply
	 */
	public <E extends Exception> HotlineReply turn(InboundMessage message, TurnRenderer<E> renderer) throws E {
		HotlineReply reply = hotline.receive(message);
		if (reply.outcome() == HotlineReply.Outcome.DUPLICATE && renderer.sendsAgain()) {
			reply = signals.lastAnswer(message.channel(), message.userId()).orElse(reply);
			log.info("turn saved before answered again channel={} sent={}", message.channel(), !reply.sendsNothing());
		}
		if (!reply.sendsNothing()) {
			log.debug("reply channel={} conversation={} outcome={}", message.channel(), reply.conversation(),
					reply.outcome());
			renderer.reply(reply);
		}
		return reply;
	}

	/**
	 * @return a system text ({@code system.*}) in {@code locale} (the default locale when
	 * unknown)
	 */
	public String notice(String locale, String key) {
		return hotline.notice(locale, key);
	}

	/**
	 * @return the languages offered, the default first
	 */
	public Set<String> locales() {
		return hotline.locales();
	}

	/**
	 * @return whether the message holds a crisis signal (what no limit may turn away)
	 */
	public boolean isCrisis(InboundMessage message) {
		String text = message instanceof InboundMessage.Typed typed ? typed.text()
				: message instanceof InboundMessage.Edited edited ? edited.text() : null;
		return isCrisis(text);
	}

	/**
	 * @return what a user hears when their message could not be handled after every
	 * attempt (with the emergency number first when {@code text} is a crisis message)
	 */
	public String notReceived(String locale, String text) {
		return hotline.notice(locale, isCrisis(text) ? "system.not_received_crisis" : "system.not_received");
	}

	private boolean isCrisis(String text) {
		return text != null && crisis.screen(text).isCrisis();
	}

}
