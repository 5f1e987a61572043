package org.scoutline.platform;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Counts what the hotline turns away, by reason only
 * ({@code scoutline.messages.refused}): never who, never which conversation, never the
 * words. One counter per reason, made at start-up, so counting costs no allocation.
 */
@Component
public class RefusedMessages {

	/** Why a message or a request was turned away. */
	public enum Reason {

		/** a text over the length limit */
		TOO_LONG,
		/** a picture, a video or a file: refused, never fetched */
		MEDIA,
		/** more frames per second than one widget connection may send */
		RATE_LIMITED,
		/** more new conversations per minute than one address may start */
		NEW_CHAT_LIMIT,
		/** more widget connections than one address may open */
		CONNECTION_LIMIT,
		/** a widget frame that is not one the widget sends */
		MALFORMED,
		/** more requests for a scout than one person may make per hour */
		ESCALATION_LIMITED,
		/** a request for a scout before the first answer */
		ESCALATION_TOO_EARLY,
		/** a request for a scout while no live session runs */
		NO_SESSION,
		/** a request for a scout in a session's last minutes */
		ESCALATIONS_STOPPED,
		/** a request for a scout while no rostered scout is checked in */
		NO_SCOUT_CHECKED_IN,
		/** a request for a scout while the queue is full */
		QUEUE_FULL;

		/**
		 * @return the tag value ({@code too_long})
		 */
		public String id() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	private final Map<Reason, Counter> refused = new EnumMap<>(Reason.class);

	public RefusedMessages(MeterRegistry registry) {
		for (Reason reason : Reason.values()) {
			refused.put(reason,
					Counter.builder("scoutline.messages.refused")
						.description("messages and requests for a scout turned away, by reason")
						.tag("reason", reason.id())
						.register(registry));
		}
	}

	/** Counts one refusal. */
	public void count(Reason reason) {
		refused.get(reason).increment();
	}

}
