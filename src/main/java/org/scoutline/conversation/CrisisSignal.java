package org.scoutline.conversation;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * That a user wrote a crisis message: its kind, its severity and when, never its words. A
 * conversation keeps two among its facts (encrypted, expiring with it): the most severe
 * signal so far and the latest one, so that a scout and the supervisor see it in the
 * summary even after the user answered "no" in the risk screen.
 *
 * @param kind what the message spoke of ({@code suicide}, {@code self_harm},
 * {@code danger})
 * @param severity how urgent ({@code concern}, {@code imminent})
 * @param at when the message arrived
 */
public record CrisisSignal(String kind, String severity, Instant at) {

	/** the severities in rising order; an unknown one counts as the lowest */
	private static final List<String> SEVERITIES = List.of("concern", "imminent");

	private static final String WORST = "crisis_";

	private static final String LATEST = "crisis_last_";

	/** the names of the facts a signal is kept in */
	public static final List<String> FACTS = List.of(WORST + "kind", WORST + "severity", WORST + "at", LATEST + "kind",
			LATEST + "severity", LATEST + "at");

	public CrisisSignal {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(severity, "severity");
		Objects.requireNonNull(at, "at");
	}

	/**
	 * @return whether the danger is imminent (an act in progress, or intent with a
	 * method, place or time)
	 */
	public boolean imminent() {
		return "imminent".equals(severity);
	}

	/**
	 * @return the most severe signal kept in these facts (the latest among equally severe
	 * ones)
	 */
	public static Optional<CrisisSignal> worst(Map<String, String> facts) {
		return read(facts, WORST);
	}

	/**
	 * @return the latest signal kept in these facts
	 */
	public static Optional<CrisisSignal> latest(Map<String, String> facts) {
		return read(facts, LATEST);
	}

	/**
	 * @return {@code conversation} with this signal kept among its facts
	 */
	public Conversation recordedIn(Conversation conversation) {
		return conversation.withDialogue(conversation.locale(), conversation.node(), recordedIn(conversation.facts()));
	}

	/**
	 * @return the facts with this signal kept as the latest, and as the most severe
	 * unless a worse one is kept
	 */
	public Map<String, String> recordedIn(Map<String, String> facts) {
		Map<String, String> out = new HashMap<>(facts);
		write(out, LATEST);
		if (worst(facts).map(kept -> rank(kept.severity()) <= rank(severity)).orElse(true)) {
			write(out, WORST);
		}
		return out;
	}

	/**
	 * @return {@code into} with the signals kept in {@code from} that it lacks (a restart
	 * keeps them)
	 */
	public static Map<String, String> carried(Map<String, String> from, Map<String, String> into) {
		if (FACTS.stream().allMatch(into::containsKey) || FACTS.stream().noneMatch(from::containsKey)) {
			return into;
		}
		Map<String, String> out = new HashMap<>(into);
		FACTS.forEach(fact -> {
			if (!out.containsKey(fact) && from.containsKey(fact)) {
				out.put(fact, from.get(fact));
			}
		});
		return out;
	}

	private void write(Map<String, String> facts, String prefix) {
		facts.put(prefix + "kind", kind);
		facts.put(prefix + "severity", severity);
		facts.put(prefix + "at", Long.toString(at.toEpochMilli()));
	}

	private static Optional<CrisisSignal> read(Map<String, String> facts, String prefix) {
		String kind = facts.get(prefix + "kind");
		String severity = facts.get(prefix + "severity");
		String at = facts.get(prefix + "at");
		if (kind == null || severity == null || at == null || !at.matches("\\d{1,15}")) {
			return Optional.empty();
		}
		return Optional.of(new CrisisSignal(kind, severity, Instant.ofEpochMilli(Long.parseLong(at))));
	}

	private static int rank(String severity) {
		return SEVERITIES.indexOf(severity);
	}

}
