package org.scoutline.hotline;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.scoutline.conversation.Channel;
import org.scoutline.conversation.InboundMessage;
import org.scoutline.platform.RefusedMessages;
import org.scoutline.safety.CrisisDetector.Screening;
import org.scoutline.safety.CrisisKind;
import org.scoutline.safety.Severity;
import org.springframework.stereotype.Component;

/**
 * The numbers of the hotline's turns, every meter made once at start-up (one per channel,
 * outcome, kind and severity), so that a turn only increments:
 * <ul>
 * <li>{@code scoutline.turns} (channel, outcome): messages handled</li>
 * <li>{@code scoutline.turn.duration} (channel): how long a turn took, as a
 * histogram</li>
 * <li>{@code scoutline.turn.redis.roundtrips} (channel): Redis commands per turn</li>
 * <li>{@code scoutline.crisis.signals} (kind, severity): crisis messages</li>
 * <li>a text too long, or media: {@link RefusedMessages}</li>
 * </ul>
 * No tag carries an id, a text or anything about a person.
 */
@Component
class TurnMeters {

	private final Map<Channel, Map<HotlineReply.Outcome, Counter>> turns = new EnumMap<>(Channel.class);

	private final Map<Channel, Counter> failures = new EnumMap<>(Channel.class);

	private final Map<Channel, Timer> durations = new EnumMap<>(Channel.class);

	private final Map<Channel, DistributionSummary> roundTrips = new EnumMap<>(Channel.class);

	private final Map<CrisisKind, Map<Severity, Counter>> crises = new EnumMap<>(CrisisKind.class);

	private final RefusedMessages refused;

	TurnMeters(MeterRegistry registry, RefusedMessages refused) {
		this.refused = refused;
		for (Channel channel : Channel.values()) {
			String tag = tag(channel);
			Map<HotlineReply.Outcome, Counter> byOutcome = new EnumMap<>(HotlineReply.Outcome.class);
			for (HotlineReply.Outcome outcome : HotlineReply.Outcome.values()) {
				byOutcome.put(outcome,
						Counter.builder("scoutline.turns")
							.description("messages from users handled, by channel and outcome")
							.tags("channel", tag, "outcome", outcome.name().toLowerCase(Locale.ROOT))
							.register(registry));
			}
			turns.put(channel, byOutcome);
			failures.put(channel,
					Counter.builder("scoutline.turns")
						.description("messages from users handled, by channel and outcome")
						.tags("channel", tag, "outcome", "failed")
						.register(registry));
			durations.put(channel,
					Timer.builder("scoutline.turn.duration")
						.description("time to handle one message, from arrival at the hotline to the reply")
						.tag("channel", tag)
						.publishPercentileHistogram()
						.minimumExpectedValue(Duration.ofMillis(1))
						.maximumExpectedValue(Duration.ofSeconds(10))
						.register(registry));
			roundTrips.put(channel,
					DistributionSummary.builder("scoutline.turn.redis.roundtrips")
						.description("Redis commands one message cost")
						.tag("channel", tag)
						.serviceLevelObjectives(2, 4, 6, 8, 12, 16, 24, 32, 64)
						.register(registry));
		}
		for (CrisisKind kind : CrisisKind.values()) {
			Map<Severity, Counter> bySeverity = new EnumMap<>(Severity.class);
			for (Severity severity : Severity.values()) {
				if (severity != Severity.NONE) {
					bySeverity.put(severity,
							Counter.builder("scoutline.crisis.signals")
								.description("messages with a crisis signal, by kind and severity")
								.tags("kind", kind.id(), "severity", severity.id())
								.register(registry));
				}
			}
			crises.put(kind, bySeverity);
		}
	}

	static String tag(Channel channel) {
		return channel.name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Counts one turn, and a refused text or media.
	 * @param reply what became of it, {@code null} when it failed (an exception)
	 * @param startedNanos {@link System#nanoTime()} when it began
	 * @param commands the Redis commands it sent
	 */
	void turn(InboundMessage message, HotlineReply reply, long startedNanos, int commands) {
		Channel channel = message.channel();
		(reply == null ? failures.get(channel) : turns.get(channel).get(reply.outcome())).increment();
		if (reply != null && reply.outcome() == HotlineReply.Outcome.TOO_LONG) {
			refused.count(RefusedMessages.Reason.TOO_LONG);
		}
		else if (reply != null && reply.outcome() == HotlineReply.Outcome.ANSWERED
				&& message instanceof InboundMessage.Media) {
			refused.count(RefusedMessages.Reason.MEDIA);
		}
		durations.get(channel).record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
		roundTrips.get(channel).record(commands);
	}

	/** Counts a crisis message (nothing for a message without a signal). */
	void crisis(Screening signal) {
		if (signal.isCrisis()) {
			crises.get(signal.primaryKind()).get(signal.severity().max(Severity.CONCERN)).increment();
		}
	}

}
