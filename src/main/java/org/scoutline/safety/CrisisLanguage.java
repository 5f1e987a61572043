package org.scoutline.safety;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The compiled patterns of one language: marker words, urgent concepts, rules and
 * figurative patterns.
 */
final class CrisisLanguage {

	/** how many words before a match a cancelling word (a negation) may stand */
	private static final int UNLESS_BEFORE = 2;

	final String code;

	final Set<String> markers;

	/** the concept of the marker words */
	final int marker;

	final Set<Integer> urgent = new HashSet<>();

	final List<CrisisPattern> figurative = new ArrayList<>();

	final List<Rule> rules = new ArrayList<>();

	CrisisLanguage(String code, Set<String> markers, int marker) {
		this.code = code;
		this.markers = markers;
		this.marker = marker;
	}

	List<int[]> spans(List<CrisisPattern> patterns, IndexedMessage message) {
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

	/** Patterns of one kind and severity. */
	static final class Rule {

		final CrisisKind kind;

		final Severity severity;

		final boolean escalates;

		final Set<Integer> unless = new HashSet<>();

		/**
		 * the concepts that make a match imminent here, or {@code null} for the
		 * language's
		 */
		Set<Integer> urgent;

		final List<CrisisPattern> patterns = new ArrayList<>();

		Rule(CrisisKind kind, Severity severity, boolean escalates) {
			this.kind = kind;
			this.severity = severity;
			this.escalates = escalates;
		}

		/**
		 * @return the severity of the first match that no figurative span or cancelling
		 * word takes back
		 */
		Severity find(IndexedMessage message, List<int[]> figurative, CrisisLanguage language, int window) {
			int[][] tags = message.tags;
			Severity best = Severity.NONE;
			for (CrisisPattern pattern : patterns) {
				int[] span = message.find(pattern, 0);
				while (span != null) {
					if (!overlaps(span, figurative) && !cancelled(tags, span)) {
						Severity found = severity == Severity.CONCERN && escalates && language
							.urgentNear(urgent == null ? language.urgent : urgent, tags, span[0], span[1], window)
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

		boolean cancelled(int[][] tags, int[] span) {
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

		static boolean overlaps(int[] span, List<int[]> figurative) {
			for (int[] figure : figurative) {
				if (figure[0] <= span[1] && figure[1] >= span[0]) {
					return true;
				}
			}
			return false;
		}

	}

}
