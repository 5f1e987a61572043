package org.scoutline.safety;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The crisis lexicon as written in {@code config/crisis-lexicon.yml}: per language the
 * marker words, the concepts with their words, the urgent concepts, the rules and the
 * figurative patterns.
 *
 * @param window how many words either side of a match an urgent concept makes it imminent
 * @param languages the entries per language code
 */
record CrisisLexicon(Integer window, Map<String, LanguageEntries> languages) {

	static final int DEFAULT_WINDOW = 8;

	int windowOrDefault() {
		return window == null ? DEFAULT_WINDOW : window;
	}

	static CrisisLexicon load(org.springframework.core.io.Resource resource) {
		ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
			.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
		try (InputStream in = resource.getInputStream()) {
			CrisisLexicon lexicon = yaml.readValue(in, CrisisLexicon.class);
			if (lexicon == null || lexicon.languages() == null || lexicon.languages().isEmpty()) {
				throw new IllegalStateException(resource.getDescription() + ": no languages defined");
			}
			return lexicon;
		}
		catch (IOException ex) {
			throw new IllegalStateException(resource.getDescription() + " cannot be read: " + ex.getMessage(), ex);
		}
	}

	/**
	 * @param markers common words of the language, to tell which language a message is in
	 * @param concepts the words of each concept
	 * @param urgent the concepts (method, place, time) that make a nearby match imminent
	 * @param rules the patterns by kind and severity
	 * @param figurative patterns of figurative speech that cancel the matches they
	 * overlap
	 */
	record LanguageEntries(List<String> markers, Map<String, List<String>> concepts, List<String> urgent,
			List<RuleEntry> rules, List<String> figurative) {

		LanguageEntries {
			concepts = concepts == null ? Map.of() : concepts;
		}

		List<String> markersOrEmpty() {
			return markers == null ? List.of() : markers;
		}

		List<String> urgentOrEmpty() {
			return urgent == null ? List.of() : urgent;
		}

		List<RuleEntry> rulesOrEmpty() {
			return rules == null ? List.of() : rules;
		}

		List<String> figurativeOrEmpty() {
			return figurative == null ? List.of() : figurative;
		}

	}

	/**
	 * @param kind suicide, self_harm or danger
	 * @param severity concern or imminent
	 * @param escalates whether an urgent concept nearby makes a concern imminent (default
	 * true)
	 * @param gap the most words between two matched slots (default 2)
	 * @param within the most words a pattern in any order ({@code & ...}) may span
	 * (default 8)
	 * @param unless concepts that cancel a match when they stand in it or just before it
	 * (a negation)
	 * @param urgent the concepts that make a nearby match imminent, in place of the
	 * language's
	 * @param match the patterns
	 */
	record RuleEntry(String kind, String severity, Boolean escalates, Integer gap, Integer within, List<String> unless,
			List<String> urgent, List<String> match) {

		int withinOrDefault() {
			return within == null ? CrisisPattern.DEFAULT_WITHIN : within;
		}

		boolean escalatesOrDefault() {
			return escalates == null || escalates;
		}

		int gapOrDefault() {
			return gap == null ? 2 : gap;
		}

		List<String> unlessOrEmpty() {
			return unless == null ? List.of() : unless;
		}

		List<String> urgentOrNull() {
			return urgent;
		}

	}

}
