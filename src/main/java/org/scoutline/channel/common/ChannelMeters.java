package org.scoutline.channel.common;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The numbers of the channels, per channel ({@code web}, {@code telegram},
 * {@code whatsapp}; anything else counts as {@code other}), every counter made at
 * start-up:
 * <ul>
 * <li>{@code scoutline.channel.api.calls} (channel, outcome): calls to the platform's API
 * (the Bot API, the Graph API, a frame sent to a widget), one per attempt: {@code ok},
 * {@code retried}, {@code refused}, {@code failed} ({@link Call})</li>
 * <li>{@code scoutline.webhook.rejected} (channel, reason): webhook requests turned away,
 * and arrivals delivered again ({@code replay})</li>
 * <li>{@code scoutline.intake.given.up} (channel): arrivals given up after every attempt
 * (the user was asked to send them again)</li>
 * </ul>
 */
@Component
public class ChannelMeters {

	/** the channels counted by name; the tag values are fixed */
	static final List<String> CHANNELS = List.of("web", "telegram", "whatsapp", "other");

	/** What became of one attempt to call a platform. */
	public enum Call {

		/** the platform took it */
		OK,
		/** this attempt failed (a network error, 429, 5xx); it is tried again */
		RETRIED,
		/**
		 * answered and refused for good (a blocked bot, a closed window): not tried again
		 */
		REFUSED,
		/** failed on the last attempt: given up */
		FAILED

	}

	/** Why a webhook request was not taken. */
	public enum Rejection {

		/** a Telegram secret header missing or wrong */
		BAD_SECRET,
		/** a WhatsApp signature missing or not matching the body */
		BAD_SIGNATURE,
		/** a WhatsApp verification handshake with a wrong token */
		BAD_VERIFY_TOKEN,
		/** not JSON, or not the shape the platform sends */
		MALFORMED,
		/** well-formed, but nothing the bot takes */
		UNSUPPORTED,
		/** larger than a webhook accepts */
		OVERSIZED,
		/** delivered before: taken once only */
		REPLAY,
		/** Redis did not answer: the platform delivers it again */
		UNAVAILABLE;

		String id() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	private final Map<String, Map<Call, Counter>> calls = new HashMap<>();

	private final Map<String, Map<Rejection, Counter>> rejections = new HashMap<>();

	private final Map<String, Counter> givenUp = new HashMap<>();

	public ChannelMeters(MeterRegistry registry) {
		for (String channel : CHANNELS) {
			Map<Call, Counter> byCall = new EnumMap<>(Call.class);
			for (Call call : Call.values()) {
				byCall.put(call,
						Counter.builder("scoutline.channel.api.calls")
							.description("calls to a messenger platform or sends to a widget, by outcome")
							.tags("channel", channel, "outcome", call.name().toLowerCase(Locale.ROOT))
							.register(registry));
			}
			calls.put(channel, byCall);
			Map<Rejection, Counter> byReason = new EnumMap<>(Rejection.class);
			for (Rejection reason : Rejection.values()) {
				byReason.put(reason,
						Counter.builder("scoutline.webhook.rejected")
							.description("webhook requests turned away and arrivals delivered again, by reason")
							.tags("channel", channel, "reason", reason.id())
							.register(registry));
			}
			rejections.put(channel, byReason);
			givenUp.put(channel,
					Counter.builder("scoutline.intake.given.up")
						.description("arrivals given up after every attempt; the user was asked to send again")
						.tag("channel", channel)
						.register(registry));
		}
	}

	/** the meters of {@code channel} (lower case, as the channels name themselves) */
	private static <T> T of(Map<String, T> meters, String channel) {
		T found = channel == null ? null : meters.get(channel);
		return found != null ? found : meters.get("other");
	}

	/** Counts one attempt to call a platform. */
	public void call(String channel, Call outcome) {
		of(calls, channel).get(outcome).increment();
	}

	/** Counts one webhook request turned away, or an arrival delivered again. */
	public void rejected(String channel, Rejection reason) {
		of(rejections, channel).get(reason).increment();
	}

	/** Counts one arrival given up. */
	void gaveUp(String channel) {
		of(givenUp, channel).increment();
	}

}
