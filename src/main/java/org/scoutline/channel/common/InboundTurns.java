package org.scoutline.channel.common;

import org.scoutline.conversation.InboundMessage;
import org.scoutline.hotline.Hotline;
import org.scoutline.hotline.HotlineReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * How every channel takes what a user sent, the same way: an arrival the channel may
 * deliver again (a Telegram update, a WhatsApp message) is handled only the first time
 * its id is seen ({@link Replays}); each message goes through the {@link Hotline} and its
 * reply to the channel's {@link TurnRenderer}; when handling fails behind the hotline
 * (storage down), the arrival's id is forgotten again, so that a retry of the channel is
 * handled, and the user is asked to send their message again
 * ({@code system.unavailable}). Logs carry the arrival's description and the exception
 * class, never text or chat ids.
 */
@Component
public class InboundTurns {

	private static final Logger log = LoggerFactory.getLogger(InboundTurns.class);

	private final Hotline hotline;

	private final Replays replays;

	InboundTurns(Hotline hotline, Replays replays) {
		this.hotline = hotline;
		this.replays = replays;
	}

	/**
	 * What a channel handles in one go.
	 *
	 * @param what what it is, for logs ({@code telegram update})
	 * @param details what logs may say about it ({@code update=7 type=message}): never a
	 * chat id or text
	 * @param channel the channel whose ids {@link Replays} keeps, {@code null} when the
	 * arrival has no id of its own
	 * @param id the channel's id of the arrival, {@code null} when it has none
	 */
	public record Arrival(String what, String details, String channel, String id) {

		/**
		 * @return an arrival without an id of its own (a widget frame; the hotline
		 * de-duplicates its message id)
		 */
		public static Arrival of(String what, String details) {
			return new Arrival(what, details, null, null);
		}

		/**
		 * @return this arrival under the id its channel may deliver it again with
		 */
		public Arrival replayable(String channel, String id) {
			return new Arrival(what, details, channel, id);
		}

		boolean hasId() {
			return channel != null && id != null;
		}

	}

	/** The channel's handling of one arrival. */
	@FunctionalInterface
	public interface Work<E extends Exception> {

		void run() throws E;

	}

	/**
	 * Handles an arrival: skipped when it is a replay, else {@code work} runs; a
	 * {@link RuntimeException} from it (storage down) forgets the arrival's id and sends
	 * the "please resend" notice through {@code renderer}.
	 */
	public <E extends Exception> void handle(Arrival arrival, Work<E> work, TurnRenderer<E> renderer) throws E {
		if (arrival.hasId() && !replays.firstTime(arrival.channel(), arrival.id())) {
			log.info("{} skipped: replay {}", arrival.what(), arrival.details());
			return;
		}
		try {
			work.run();
		}
		catch (RuntimeException ex) {
			if (arrival.hasId()) {
				// the channel was answered already and will not send it again: forget it
				// and ask the user
				replays.forget(arrival.channel(), arrival.id());
			}
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

}
