package org.scoutline.safety;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Screens every message, in every state, for crisis signals: wishing to be dead, intent,
 * acts, self-harm and danger from others, with how urgent they are. It prefers a false
 * alarm to a missed one.
 * <p>
 * It does not keep a list of sentences. The lexicon ({@code config/crisis-lexicon.yml},
 * see {@code docs/content-files.md}) names <em>concepts</em> per language (wanting,
 * dying, ending, life, a method, a time, a home ...) with the words that stand for them,
 * and <em>patterns</em> over concepts ("@want @die", "@neg @want @live"), so that every
 * way of combining the words is caught, also with slips of the keyboard
 * ({@link Vocabulary}), without spaces, in upper case, with digits for letters. A pattern
 * matches in a language whose marker words the message uses (or in every language when it
 * uses none of them), so that the German article "die" never reads as the English verb.
 * Figurative patterns ("ich sterbe vor Lachen") cancel the matches they overlap. A match
 * becomes imminent when the pattern says so (an act) or when one of the language's urgent
 * concepts (a method, a place, a time) stands near it.
 */
@Component
public class CrisisDetector {

	private final CompiledLexicon lexicon;

	CrisisDetector(SafetySettings settings) {
		this.lexicon = new CompiledLexicon(CrisisLexicon.load(settings.crisisLexicon()));
		if (lexicon.languages.stream().allMatch(language -> language.rules.isEmpty())) {
			throw new IllegalStateException(settings.crisisLexicon().getDescription() + ": no crisis patterns defined");
		}
	}

	/**
	 * @return what the message says of a crisis: its kinds and how urgent, or
	 * {@link Screening#NONE}
	 */
	public Screening screen(String text) {
		if (text == null || text.isBlank()) {
			return Screening.NONE;
		}
		List<String> words = TextNormalizer.words(text);
		if (words.isEmpty()) {
			return Screening.NONE;
		}
		Set<CrisisKind> kinds = EnumSet.noneOf(CrisisKind.class);
		Severity severity = Severity.NONE;
		try (IndexedMessage message = new IndexedMessage(lexicon.tag(words), lexicon.conceptCount)) {
			for (CrisisLanguage language : active(message.tags)) {
				List<int[]> figurative = language.spans(language.figurative, message);
				for (CrisisLanguage.Rule rule : language.rules) {
					Severity found = rule.find(message, figurative, language, lexicon.window);
					if (found != Severity.NONE) {
						kinds.add(rule.kind);
						severity = severity.max(found);
					}
				}
			}
		}
		return kinds.isEmpty() ? Screening.NONE : new Screening(kinds, severity);
	}

	/**
	 * @return the language a message is clearly written in (at least three of its marker
	 * words belong to it, three times as many as to any other), so that a crisis answer
	 * can be given in the user's own language before they chose one; empty when that is
	 * not clear
	 */
	public Optional<String> languageOf(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		int[][] tags = lexicon.tag(TextNormalizer.words(text));
		int[] counts = markerCounts(tags);
		int best = 0;
		for (int i = 1; i < counts.length; i++) {
			if (counts[i] > counts[best]) {
				best = i;
			}
		}
		for (int i = 0; i < counts.length; i++) {
			if (i != best && counts[i] * 3 > counts[best]) {
				return Optional.empty();
			}
		}
		return counts[best] >= 3 ? Optional.of(lexicon.languages.get(best).code) : Optional.empty();
	}

	/**
	 * @return the patterns that matched, as written, for people tuning the lexicon
	 */
	List<String> explain(String text) {
		List<String> matched = new ArrayList<>();
		try (IndexedMessage message = new IndexedMessage(lexicon.tag(TextNormalizer.words(text)),
				lexicon.conceptCount)) {
			for (CrisisLanguage language : active(message.tags)) {
				List<int[]> figurative = language.spans(language.figurative, message);
				for (CrisisPattern pattern : language.figurative) {
					int[] span = message.find(pattern, 0);
					if (span != null) {
						matched
							.add(language.code + " figurative '" + pattern.name() + "' at " + span[0] + "-" + span[1]);
					}
				}
				for (CrisisLanguage.Rule rule : language.rules) {
					for (CrisisPattern pattern : rule.patterns) {
						int[] span = message.find(pattern, 0);
						while (span != null && (CrisisLanguage.Rule.overlaps(span, figurative)
								|| rule.cancelled(message.tags, span))) {
							span = message.find(pattern, span[0] + 1);
						}
						if (span != null) {
							matched.add(language.code + " " + rule.kind.id() + " '" + pattern.name() + "' at " + span[0]
									+ "-" + span[1]);
						}
					}
				}
			}
		}
		return matched;
	}

	/**
	 * @return the languages the message is written in, judged by marker words; all when
	 * it has at most two
	 */
	private List<CrisisLanguage> active(int[][] tags) {
		int[] counts = markerCounts(tags);
		int best = 0;
		for (int count : counts) {
			best = Math.max(best, count);
		}
		if (best <= 2) {
			return lexicon.languages;
		}
		List<CrisisLanguage> active = new ArrayList<>(lexicon.languages.size());
		for (int i = 0; i < counts.length; i++) {
			if (counts[i] * 2 > best || counts[i] == best) {
				active.add(lexicon.languages.get(i));
			}
		}
		return active;
	}

	private int[] markerCounts(int[][] tags) {
		int[] counts = new int[lexicon.languages.size()];
		for (int[] word : tags) {
			for (int concept : word) {
				for (int i = 0; i < counts.length; i++) {
					if (lexicon.languages.get(i).marker == concept) {
						counts[i]++;
					}
				}
			}
		}
		return counts;
	}

	/**
	 * What the screen found in one message.
	 *
	 * @param kinds the kinds of crisis signal found; empty when none
	 * @param severity how urgent; {@link Severity#NONE} exactly when {@code kinds} is
	 * empty
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

		/**
		 * @return the most telling kind (danger from others, then suicide, then
		 * self-harm), or {@code null}
		 */
		public CrisisKind primaryKind() {
			for (CrisisKind kind : List.of(CrisisKind.DANGER, CrisisKind.SUICIDE, CrisisKind.SELF_HARM)) {
				if (kinds.contains(kind)) {
					return kind;
				}
			}
			return null;
		}

		/**
		 * @return the kinds' ids ({@code self_harm}, {@code danger} ...)
		 */
		public Set<String> signals() {
			Set<String> ids = new LinkedHashSet<>();
			kinds.forEach(kind -> ids.add(kind.id()));
			return ids;
		}

	}

}
