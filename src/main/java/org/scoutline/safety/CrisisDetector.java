package org.scoutline.safety;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Screens every message, in every state, for crisis signals: wishing to be dead, intent, acts, self-harm and danger
 * from others, with how urgent they are. It prefers a false alarm to a missed one.
 * <p>
 * It does not keep a list of sentences. The lexicon ({@code config/crisis-lexicon.yml}, see
 * {@code docs/content-files.md}) names <em>concepts</em> per language (wanting, dying, ending, life, a method, a
 * time, a home ...) with the words that stand for them, and <em>patterns</em> over concepts ("@want @die",
 * "@neg @want @live"), so that every way of combining the words is caught, also with slips of the keyboard
 * ({@link Vocabulary}), without spaces, in upper case, with digits for letters. A pattern matches in a language whose
 * marker words the message uses (or in every language when it uses none of them), so that the German article "die"
 * never reads as the English verb. Figurative patterns ("ich sterbe vor Lachen") cancel the matches they overlap. A
 * match becomes imminent when the pattern says so (an act) or when one of the language's urgent concepts (a method,
 * a place, a time) stands near it.
 */
@Component
public class CrisisDetector {

	/** how many words before a match a cancelling word (a negation) may stand */
	private static final int UNLESS_BEFORE = 2;

	private final Vocabulary vocabulary = new Vocabulary();

	private final List<Language> languages = new ArrayList<>();

	private final int window;

	private final int conceptCount;

	/** ids of the concepts that only glue words written together; a run split into these alone is not split */
	private final Set<Integer> glue = new HashSet<>();

	private final Set<Integer> markerConcepts = new HashSet<>();

	CrisisDetector(SafetySettings settings) {
		CrisisLexicon lexicon = CrisisLexicon.load(settings.crisisLexicon());
		this.window = lexicon.windowOrDefault();
		Map<String, Integer> concepts = new HashMap<>();
		lexicon.languages().forEach((code, entries) -> languages.add(compile(code, entries, concepts)));
		this.conceptCount = concepts.size();
		rememberCommonWords();
		if (languages.stream().allMatch(language -> language.rules.isEmpty())) {
			throw new IllegalStateException(settings.crisisLexicon().getDescription() + ": no crisis patterns defined");
		}
	}

	/** @return what the message says of a crisis: its kinds and how urgent, or {@link Screening#NONE} */
	public Screening screen(String text) {
		if (text == null || text.isBlank()) {
			return Screening.NONE;
		}
		List<String> words = TextNormalizer.words(text);
		if (words.isEmpty()) {
			return Screening.NONE;
		}
		Message message = new Message(tag(words), conceptCount);
		Set<CrisisKind> kinds = EnumSet.noneOf(CrisisKind.class);
		Severity severity = Severity.NONE;
		for (Language language : active(message.tags)) {
			List<int[]> figurative = language.spans(language.figurative, message);
			for (Rule rule : language.rules) {
				Severity found = rule.find(message, figurative, language, window);
				if (found != Severity.NONE) {
					kinds.add(rule.kind);
					severity = severity.max(found);
				}
			}
		}
		return kinds.isEmpty() ? Screening.NONE : new Screening(kinds, severity);
	}

	/** @return the patterns that matched, as written, for people tuning the lexicon */
	List<String> explain(String text) {
		Message message = new Message(tag(TextNormalizer.words(text)), conceptCount);
		List<String> matched = new ArrayList<>();
		for (Language language : active(message.tags)) {
			List<int[]> figurative = language.spans(language.figurative, message);
			for (CrisisPattern pattern : language.figurative) {
				int[] span = message.find(pattern, 0);
				if (span != null) {
					matched.add(language.code + " figurative '" + pattern.name() + "' at " + span[0] + "-" + span[1]);
				}
			}
			for (Rule rule : language.rules) {
				for (CrisisPattern pattern : rule.patterns) {
					int[] span = message.find(pattern, 0);
					while (span != null && (Rule.overlaps(span, figurative) || rule.cancelled(message.tags, span))) {
						span = message.find(pattern, span[0] + 1);
					}
					if (span != null) {
						matched.add(language.code + " " + rule.kind.id() + " '" + pattern.name() + "' at " + span[0]
								+ "-" + span[1]);
					}
				}
			}
		}
		return matched;
	}

	/** One message's words with their concepts, indexed for matching. */
	static final class Message {

		final int[][] tags;

		final long[] blooms;

		final int[] counts;

		final int[][] positions;

		Message(int[][] tags, int conceptCount) {
			this.tags = tags;
			this.counts = new int[conceptCount];
			this.blooms = new long[tags.length];
			for (int i = 0; i < tags.length; i++) {
				blooms[i] = CrisisPattern.bloom(tags[i]);
				for (int concept : tags[i]) {
					if (concept >= 0) {
						counts[concept]++;
					}
				}
			}
			this.positions = new int[conceptCount][];
			int[] filled = new int[conceptCount];
			for (int i = 0; i < tags.length; i++) {
				for (int concept : tags[i]) {
					if (concept >= 0) {
						if (positions[concept] == null) {
							positions[concept] = new int[counts[concept]];
						}
						positions[concept][filled[concept]++] = i;
					}
				}
			}
		}

		int[] find(CrisisPattern pattern, int from) {
			return pattern.find(tags, blooms, from, counts, positions);
		}

	}

	/** @return each word's concepts; a run of words written together counts as those words */
	private int[][] tag(List<String> words) {
		List<int[]> tags = new ArrayList<>(words.size() + 4);
		Vocabulary.IntList found = new Vocabulary.IntList();
		Map<String, int[]> seen = new HashMap<>();
		Map<String, int[][]> splits = new HashMap<>();
		for (String word : words) {
			if (TextNormalizer.BREAK.equals(word)) {
				tags.add(BREAK_TAGS);
				continue;
			}
			int[] known = common.get(word);
			if (known == null) {
				known = seen.get(word);
			}
			if (known != null) {
				tags.add(known);
				continue;
			}
			int[][] split = splits.get(word);
			if (split != null) {
				tags.addAll(Arrays.asList(split));
				continue;
			}
			int before = tags.size();
			found.clear();
			vocabulary.concepts(word, found);
			if (found.size() == 0 && word.length() >= 6) {
				List<String> pieces = vocabulary.split(word);
				if (pieces != null && meaningful(pieces, found)) {
					for (String piece : pieces) {
						found.clear();
						vocabulary.concepts(piece, found);
						tags.add(found.toArray());
					}
					splits.put(word, tags.subList(before, tags.size()).toArray(int[][]::new));
					continue;
				}
				found.clear();
			}
			int[] tagged = found.size() == 0 ? NO_TAGS : found.toArray();
			tags.add(tagged);
			if (tags.size() == before + 1) {
				seen.put(word, tagged);
			}
		}
		return tags.toArray(int[][]::new);
	}

	/** the concepts of the languages' marker words, the most frequent words of every message, looked up once */
	private final Map<String, int[]> common = new HashMap<>();

	private void rememberCommonWords() {
		Vocabulary.IntList found = new Vocabulary.IntList();
		for (Language language : languages) {
			for (String marker : language.markers) {
				found.clear();
				vocabulary.concepts(marker, found);
				common.put(marker, found.size() == 0 ? NO_TAGS : found.toArray());
			}
		}
	}

	private static final int[] NO_TAGS = new int[0];

	private static final int[] BREAK_TAGS = { CrisisPattern.BREAK };

	/**
	 * @return whether a split is a phrase typed without spaces: it holds a function word (glue) and a word that
	 * means something to us, so that compounds of two ordinary words ({@code heimweg}) stay whole
	 */
	private boolean meaningful(List<String> pieces, Vocabulary.IntList scratch) {
		boolean hasGlue = false;
		boolean hasMeaning = false;
		for (String piece : pieces) {
			scratch.clear();
			vocabulary.concepts(piece, scratch);
			for (int concept : scratch.toArray()) {
				if (glue.contains(concept)) {
					hasGlue = true;
				}
				else if (piece.length() >= 3 && !markerConcepts.contains(concept)) {
					hasMeaning = true;
				}
			}
		}
		return hasGlue && hasMeaning;
	}

	/** @return the languages the message is written in, judged by marker words; all when it has at most two */
	private List<Language> active(int[][] tags) {
		int[] counts = new int[languages.size()];
		int best = 0;
		for (int[] word : tags) {
			for (int concept : word) {
				for (int i = 0; i < counts.length; i++) {
					if (languages.get(i).marker == concept) {
						best = Math.max(best, ++counts[i]);
					}
				}
			}
		}
		if (best <= 2) {
			return languages;
		}
		List<Language> active = new ArrayList<>(languages.size());
		for (int i = 0; i < counts.length; i++) {
			if (counts[i] * 2 > best || counts[i] == best) {
				active.add(languages.get(i));
			}
		}
		return active;
	}

	private Language compile(String code, CrisisLexicon.LanguageEntries entries, Map<String, Integer> concepts) {
		String where = "languages." + code;
		entries.concepts().forEach((name, list) -> {
			int id = concept(concepts, code + "@" + name);
			if ("glue".equals(name)) {
				glue.add(id);
			}
			for (String written : list) {
				addWord(written, id, where + ".concepts." + name);
			}
		});
		CrisisPattern.Resolver resolver = resolver(code, concepts, where, false);
		CrisisPattern.Resolver letterForLetter = resolver(code, concepts, where, true);
		Language language = new Language(code, Set.copyOf(normalized(entries.markersOrEmpty())),
				concept(concepts, code + "@ markers"));
		for (String marker : language.markers) {
			vocabulary.add(marker, language.marker, Vocabulary.Mode.EXACT);
		}
		markerConcepts.add(language.marker);
		for (String urgent : entries.urgentOrEmpty()) {
			language.urgent.add(resolver.concept("@" + urgent, "urgent"));
		}
		for (String figure : entries.figurativeOrEmpty()) {
			language.figurative.add(compilePattern(figure, 1, letterForLetter, where + ".figurative"));
		}
		for (CrisisLexicon.RuleEntry entry : entries.rulesOrEmpty()) {
			Rule rule = new Rule(CrisisKind.valueOf(entry.kind().toUpperCase(java.util.Locale.ROOT)),
					Severity.valueOf(entry.severity().toUpperCase(java.util.Locale.ROOT)), entry.escalatesOrDefault());
			for (String unless : entry.unlessOrEmpty()) {
				rule.unless.add(resolver.concept("@" + unless, "unless"));
			}
			if (entry.urgentOrNull() != null) {
				Set<Integer> urgent = new HashSet<>();
				entry.urgentOrNull().forEach(name -> urgent.add(resolver.concept("@" + name, "urgent")));
				rule.urgent = urgent;
			}
			for (String written : entry.match()) {
				rule.patterns.add(compilePattern(written, entry.gapOrDefault(), entry.withinOrDefault(), resolver,
						where + ".rules"));
			}
			language.rules.add(rule);
		}
		return language;
	}

	/** @return how a pattern's words become concepts: @name is a concept, a plain word one of its own */
	private CrisisPattern.Resolver resolver(String code, Map<String, Integer> concepts, String where, boolean exact) {
		return (alternative, pattern) -> {
			if (alternative.startsWith("@")) {
				Integer id = concepts.get(code + alternative);
				if (id == null) {
					throw new IllegalStateException(where + ": pattern '" + pattern + "' names the unknown concept "
							+ alternative);
				}
				return id;
			}
			String word = exact && !alternative.startsWith("=") ? "=" + alternative : alternative;
			String key = code + "=" + word;
			Integer known = concepts.get(key);
			if (known != null) {
				return known;
			}
			int id = concept(concepts, key);
			addWord(word, id, where + ": pattern '" + pattern + "'");
			return id;
		};
	}

	private static CrisisPattern compilePattern(String written, int gap, CrisisPattern.Resolver resolver,
			String where) {
		return compilePattern(written, gap, CrisisPattern.DEFAULT_WITHIN, resolver, where);
	}

	private static CrisisPattern compilePattern(String written, int gap, int within, CrisisPattern.Resolver resolver,
			String where) {
		try {
			return CrisisPattern.compile(written, gap, within, resolver);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(where + ": " + ex.getMessage(), ex);
		}
	}

	private void addWord(String written, int concept, String where) {
		Vocabulary.Mode mode = Vocabulary.Mode.FUZZY;
		String word = written;
		if (word.startsWith("=")) {
			mode = Vocabulary.Mode.EXACT;
			word = word.substring(1);
		}
		else if (word.endsWith("*")) {
			mode = Vocabulary.Mode.PREFIX;
			word = word.substring(0, word.length() - 1);
		}
		List<String> parts = TextNormalizer.words(word);
		if (parts.size() != 1) {
			throw new IllegalStateException(where + ": '" + written + "' must be one word");
		}
		vocabulary.add(parts.get(0), concept, mode);
	}

	private static int concept(Map<String, Integer> concepts, String key) {
		return concepts.computeIfAbsent(key, k -> concepts.size());
	}

	private static List<String> normalized(List<String> words) {
		List<String> out = new ArrayList<>();
		words.forEach(word -> out.addAll(TextNormalizer.words(word)));
		return out;
	}

	/** The compiled patterns of one language. */
	private static final class Language {

		final String code;

		final Set<String> markers;

		/** the concept of the marker words */
		final int marker;

		final Set<Integer> urgent = new HashSet<>();

		final List<CrisisPattern> figurative = new ArrayList<>();

		final List<Rule> rules = new ArrayList<>();

		Language(String code, Set<String> markers, int marker) {
			this.code = code;
			this.markers = markers;
			this.marker = marker;
		}

		List<int[]> spans(List<CrisisPattern> patterns, Message message) {
			List<int[]> spans = new ArrayList<>(0);
			for (CrisisPattern pattern : patterns) {
				int[] span = message.find(pattern, 0);
				while (span != null) {
					spans.add(span);
					span = message.find(pattern, span[0] + 1);
				}
			}
			return spans;
		}

		boolean urgentNear(Set<Integer> urgent, int[][] tags, int first, int last, int window) {
			int from = Math.max(0, first - window);
			int to = Math.min(tags.length - 1, last + window);
			for (int i = from; i <= to; i++) {
				for (int tag : tags[i]) {
					if (urgent.contains(tag)) {
						return true;
					}
				}
			}
			return false;
		}

		@Override
		public String toString() {
			return code;
		}

	}

	/** Patterns of one kind and severity. */
	private static final class Rule {

		final CrisisKind kind;

		final Severity severity;

		final boolean escalates;

		final Set<Integer> unless = new HashSet<>();

		/** the concepts that make a match imminent here, or {@code null} for the language's */
		Set<Integer> urgent;

		final List<CrisisPattern> patterns = new ArrayList<>();

		Rule(CrisisKind kind, Severity severity, boolean escalates) {
			this.kind = kind;
			this.severity = severity;
			this.escalates = escalates;
		}

		/** @return the severity of the first match that no figurative span or cancelling word takes back */
		Severity find(Message message, List<int[]> figurative, Language language, int window) {
			int[][] tags = message.tags;
			Severity best = Severity.NONE;
			for (CrisisPattern pattern : patterns) {
				int[] span = message.find(pattern, 0);
				while (span != null) {
					if (!overlaps(span, figurative) && !cancelled(tags, span)) {
						Severity found = severity == Severity.CONCERN && escalates
								&& language.urgentNear(urgent == null ? language.urgent : urgent, tags, span[0], span[1], window)
										? Severity.IMMINENT : severity;
						best = best.max(found);
						if (best == Severity.IMMINENT) {
							return best;
						}
						break;
					}
					span = message.find(pattern, span[0] + 1);
				}
			}
			return best;
		}

		private boolean cancelled(int[][] tags, int[] span) {
			if (unless.isEmpty()) {
				return false;
			}
			for (int i = Math.max(0, span[0] - UNLESS_BEFORE); i <= span[1]; i++) {
				for (int tag : tags[i]) {
					if (unless.contains(tag)) {
						return true;
					}
				}
			}
			return false;
		}

		private static boolean overlaps(int[] span, List<int[]> figurative) {
			for (int[] figure : figurative) {
				if (figure[0] <= span[1] && figure[1] >= span[0]) {
					return true;
				}
			}
			return false;
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

}
