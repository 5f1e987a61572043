package org.scoutline.console;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.scoutline.handover.ClaimOutcome;
import org.springframework.stereotype.Component;

/**
 * What scouts did with chats through the console, by outcome only, every counter made at
 * start-up: {@code scoutline.handover.claims} and {@code scoutline.handover.transfers}
 * (outcome: {@link ClaimOutcome}), {@code scoutline.handover.closes} (outcome: the close
 * outcomes of {@link ConsoleApi#OUTCOMES}).
 */
@Component
class HandoverMeters {

	private final Map<ClaimOutcome, Counter> claims = new EnumMap<>(ClaimOutcome.class);

	private final Map<ClaimOutcome, Counter> transfers = new EnumMap<>(ClaimOutcome.class);

	private final Map<String, Counter> closes = new HashMap<>();

	HandoverMeters(MeterRegistry registry) {
		for (ClaimOutcome outcome : ClaimOutcome.values()) {
			String tag = outcome.name().toLowerCase(Locale.ROOT);
			claims.put(outcome,
					Counter.builder("scoutline.handover.claims")
						.description("claims of waiting chats, by outcome")
						.tag("outcome", tag)
						.register(registry));
			transfers.put(outcome,
					Counter.builder("scoutline.handover.transfers")
						.description("chats handed to another scout or the supervisor, by outcome")
						.tag("outcome", tag)
						.register(registry));
		}
		for (String outcome : ConsoleApi.OUTCOMES) {
			closes.put(outcome,
					Counter.builder("scoutline.handover.closes")
						.description("chats closed by a scout, by the outcome they chose")
						.tag("outcome", outcome)
						.register(registry));
		}
	}

	void claimed(ClaimOutcome outcome) {
		claims.get(outcome).increment();
	}

	void transferred(ClaimOutcome outcome) {
		transfers.get(outcome).increment();
	}

	/**
	 * @param outcome one of {@link ConsoleApi#OUTCOMES} (anything else is not counted)
	 */
	void closed(String outcome) {
		Counter counter = closes.get(outcome);
		if (counter != null) {
			counter.increment();
		}
	}

}
