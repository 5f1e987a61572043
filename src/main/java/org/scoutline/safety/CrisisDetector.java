package org.scoutline.safety;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Screens every message, in every state and all languages at once, for crisis signals (self-harm, danger from
 * others). It prefers a false alarm to a missed one: signals match with small misspellings, while the clearly
 * figurative phrases that cancel a signal they overlap ("ich sterbe vor Lachen") must match word for word. The lexicon is {@code config/crisis-lexicon.yml}.
 */
@Component
public class CrisisDetector {

	private final List<Phrase> signals = new ArrayList<>();

	private final List<List<String>> figurative = new ArrayList<>();

	CrisisDetector(SafetySettings settings) {
		Lexicon lexicon = load(settings);
		lexicon.languages().forEach((language, entries) -> {
			entries.signals().forEach((category, phrases) -> phrases
				.forEach(phrase -> signals.add(new Phrase(category, words(phrase, settings, language)))));
			entries.figurativeOrEmpty().forEach(phrase -> figurative.add(words(phrase, settings, language)));
		});
		if (signals.isEmpty()) {
			throw new IllegalStateException(settings.crisisLexicon().getDescription() + ": no crisis signals defined");
		}
	}

	/**
	 * @param text what the user wrote
	 * @return the categories of crisis signals found ({@code self_harm}, {@code danger} ...), empty when none
	 */
	public Screening screen(String text) {
		if (text == null || text.isBlank()) {
			return Screening.NONE;
		}
		List<String> words = TextNormalizer.words(text);
		Set<String> found = new LinkedHashSet<>();
		int[] end = new int[1];
		for (Phrase signal : signals) {
			if (found.contains(signal.category())) {
				continue;
			}
			int start = PhraseMatcher.find(words, signal.words(), true, end);
			while (start >= 0 && figurativeAround(words, start, end[0])) {
				start = PhraseMatcher.find(words, signal.words(), true, start + 1, end);
			}
			if (start >= 0) {
				found.add(signal.category());
			}
		}
		if (found.isEmpty()) {
			return Screening.NONE;
		}
		Set<CrisisKind> kinds = new LinkedHashSet<>();
		found.forEach(category -> kinds.add(CrisisKind.valueOf(category.toUpperCase(java.util.Locale.ROOT))));
		return new Screening(kinds, Severity.CONCERN);
	}

	private boolean figurativeAround(List<String> words, int start, int end) {
		int[] figurativeEnd = new int[1];
		for (List<String> phrase : figurative) {
			int from = PhraseMatcher.find(words, phrase, false, figurativeEnd);
			if (from >= 0 && from <= end && figurativeEnd[0] >= start) {
				return true;
			}
		}
		return false;
	}

	private static List<String> words(String phrase, SafetySettings settings, String language) {
		List<String> words = TextNormalizer.words(phrase);
		if (words.isEmpty()) {
			throw new IllegalStateException(settings.crisisLexicon().getDescription() + ": languages." + language
					+ " has an empty phrase");
		}
		return List.copyOf(words);
	}

	private static Lexicon load(SafetySettings settings) {
		ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
			.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
		try (InputStream in = settings.crisisLexicon().getInputStream()) {
			return yaml.readValue(in, Lexicon.class);
		}
		catch (IOException ex) {
			throw new IllegalStateException(
					settings.crisisLexicon().getDescription() + " cannot be read: " + ex.getMessage(), ex);
		}
	}

	/**
	 * What the screen found in one message.
	 *
	 * @param kinds the kinds of crisis signal found; empty when none
	 * @param severity how urgent; {@link Severity#NONE} exactly when {@code kinds} is empty
	 */
	public record Screening(Set<CrisisKind> kinds, Severity severity) {

		public static final Screening NONE = new Screening(Set.of(), Severity.NONE);

		public Screening {
			kinds = Set.copyOf(kinds);
			if (kinds.isEmpty() != (severity == Severity.NONE)) {
				throw new IllegalArgumentException("a screening has kinds exactly when it has a severity");
			}
		}

		public boolean isCrisis() {
			return severity != Severity.NONE;
		}

		public boolean isImminent() {
			return severity == Severity.IMMINENT;
		}

		/** @return the most telling kind (danger from others, then suicide, then self-harm), or {@code null} */
		public CrisisKind primaryKind() {
			for (CrisisKind kind : List.of(CrisisKind.DANGER, CrisisKind.SUICIDE, CrisisKind.SELF_HARM)) {
				if (kinds.contains(kind)) {
					return kind;
				}
			}
			return null;
		}

		/** @return the kinds' ids ({@code self_harm}, {@code danger} ...) */
		public Set<String> signals() {
			Set<String> ids = new LinkedHashSet<>();
			kinds.forEach(kind -> ids.add(kind.id()));
			return ids;
		}

	}

	record Phrase(String category, List<String> words) {
	}

	record Lexicon(Map<String, LanguageEntries> languages) {
	}

	record LanguageEntries(Map<String, List<String>> signals, List<String> figurative) {

		List<String> figurativeOrEmpty() {
			return figurative == null ? List.of() : figurative;
		}

	}

}
