package org.scoutline.safety;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The crisis lexicon compiled: a {@link Vocabulary} from words to concept ids, and per
 * language the rules as {@link CrisisPattern}s over those ids. It also reads a message's
 * words as concepts ({@link #tag}).
 */
final class CompiledLexicon {

	private static final int[] NO_TAGS = new int[0];

	private static final int[] BREAK_TAGS = { CrisisPattern.BREAK };

	private final Vocabulary vocabulary = new Vocabulary();

	final List<CrisisLanguage> languages = new ArrayList<>();

	final int window;

	final int conceptCount;

	/**
	 * ids of the concepts that only glue words written together; a run split into these
	 * alone is not split
	 */
	private final Set<Integer> glue = new HashSet<>();

	private final Set<Integer> markerConcepts = new HashSet<>();

	CompiledLexicon(CrisisLexicon lexicon) {
		this.window = lexicon.windowOrDefault();
		Map<String, Integer> concepts = new HashMap<>();
		lexicon.languages().forEach((code, entries) -> languages.add(compile(code, entries, concepts)));
		this.conceptCount = concepts.size();
		rememberCommonWords();
	}

	/**
	 * @return each word's concepts; a run of words written together counts as those words
	 */
	int[][] tag(List<String> words) {
		List<int[]> tags = new ArrayList<>(words.size() + 4);
		IntList found = new IntList();
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

	/** the concepts of the marker words (the most frequent words), looked up once */
	private final Map<String, int[]> common = new HashMap<>();

	private void rememberCommonWords() {
		IntList found = new IntList();
		for (CrisisLanguage language : languages) {
			for (String marker : language.markers) {
				found.clear();
				vocabulary.concepts(marker, found);
				common.put(marker, found.size() == 0 ? NO_TAGS : found.toArray());
			}
		}
	}

	/**
	 * @return whether a split is a phrase typed without spaces: it holds a function word
	 * (glue) and a word that means something to us, so that compounds of two ordinary
	 * words ({@code heimweg}) stay whole
	 */
	private boolean meaningful(List<String> pieces, IntList scratch) {
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

	private CrisisLanguage compile(String code, CrisisLexicon.LanguageEntries entries, Map<String, Integer> concepts) {
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
		CrisisLanguage language = new CrisisLanguage(code, Set.copyOf(normalized(entries.markersOrEmpty())),
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
			CrisisLanguage.Rule rule = new CrisisLanguage.Rule(
					CrisisKind.valueOf(entry.kind().toUpperCase(java.util.Locale.ROOT)),
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

	/**
	 * @return how a pattern's words become concepts: @name is a concept, a plain word one
	 * of its own
	 */
	private CrisisPattern.Resolver resolver(String code, Map<String, Integer> concepts, String where, boolean exact) {
		return (alternative, pattern) -> {
			if (alternative.startsWith("@")) {
				Integer id = concepts.get(code + alternative);
				if (id == null) {
					throw new IllegalStateException(
							where + ": pattern '" + pattern + "' names the unknown concept " + alternative);
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

}
