package org.scoutline.handover;

import java.time.Duration;

import org.scoutline.platform.ClientContext;
import org.scoutline.platform.LogGate;
import org.scoutline.platform.RedisBuckets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.github.bucket4j.BucketConfiguration;

/**
 * {@link EscalationLimits} in Redis, the same on every instance: at most
 * {@link HandoverSettings#escalationsPerHour()} requests per person in an hour
 * ({@code limit:escalate:<pseudonym>}), and, when the channel knows the client address
 * ({@link ClientContext}, the widget), at most
 * {@link HandoverSettings#escalationsPerAddressPerHour()} per address
 * ({@code limit:escalate-address:<pseudonym>}). When Redis can't answer, the request
 * passes: a limit must never be the reason a young person gets no human.
 */
@Component
class RedisEscalationLimits implements EscalationLimits {

	private static final Logger log = LoggerFactory.getLogger(RedisEscalationLimits.class);

	private final RedisBuckets buckets;

	private final BucketConfiguration perHour;

	private final BucketConfiguration perAddress;

	private final LogGate gate = new LogGate();

	RedisEscalationLimits(RedisBuckets buckets, HandoverSettings settings) {
		this.buckets = buckets;
		int limit = settings.escalationsPerHour();
		this.perHour = perHour(limit);
		this.perAddress = perHour(settings.escalationsPerAddressPerHour());
	}

	private static BucketConfiguration perHour(int limit) {
		return BucketConfiguration.builder()
			.addLimit(bandwidth -> bandwidth.capacity(limit).refillGreedy(limit, Duration.ofHours(1)))
			.build();
	}

	@Override
	public boolean mayEscalate(String pseudonym) {
		try {
			return buckets.bucket("escalate:" + pseudonym, perHour).tryConsume(1) && ClientContext.current()
				.map(client -> buckets.bucket("escalate-address:" + client, perAddress).tryConsume(1))
				.orElse(true);
		}
		catch (RuntimeException ex) {
			if (gate.open("limit")) {
				log.warn("escalation limit not checked, request let through cause={} (logged once a minute)",
						ex.getClass().getSimpleName());
			}
			return true;
		}
	}

}
