package org.scoutline.safety;

/**
 * One message's words with their concepts, indexed for matching. The per-concept counts
 * and positions live in arrays kept per thread and cleared after each message
 * ({@link #close}), since a message touches only a few of the lexicon's thousands of
 * concepts.
 */
final class IndexedMessage implements AutoCloseable {

	private static final ThreadLocal<int[][]> COUNTS = new ThreadLocal<>();

	private static final ThreadLocal<int[][][]> POSITIONS = new ThreadLocal<>();

	final int[][] tags;

	final long[] blooms;

	final int[] counts;

	final int[][] positions;

	private final int[] touched;

	private int touchedCount;

	IndexedMessage(int[][] tags, int conceptCount) {
		this.tags = tags;
		this.counts = scratchCounts(conceptCount);
		this.positions = scratchPositions(conceptCount);
		this.blooms = new long[tags.length];
		int total = 0;
		for (int[] word : tags) {
			total += word.length;
		}
		this.touched = new int[total];
		for (int i = 0; i < tags.length; i++) {
			blooms[i] = CrisisPattern.bloom(tags[i]);
			for (int concept : tags[i]) {
				if (concept >= 0 && counts[concept]++ == 0) {
					touched[touchedCount++] = concept;
				}
			}
		}
		for (int t = 0; t < touchedCount; t++) {
			positions[touched[t]] = new int[counts[touched[t]]];
		}
		// fill each concept's positions front to back, counting down what is left, then
		// count up again
		for (int i = 0; i < tags.length; i++) {
			for (int concept : tags[i]) {
				if (concept >= 0) {
					int[] at = positions[concept];
					at[at.length - counts[concept]--] = i;
				}
			}
		}
		for (int t = 0; t < touchedCount; t++) {
			counts[touched[t]] = positions[touched[t]].length;
		}
	}

	private static int[] scratchCounts(int size) {
		int[][] holder = COUNTS.get();
		if (holder == null || holder[0].length < size) {
			holder = new int[][] { new int[size] };
			COUNTS.set(holder);
		}
		return holder[0];
	}

	private static int[][] scratchPositions(int size) {
		int[][][] holder = POSITIONS.get();
		if (holder == null || holder[0].length < size) {
			holder = new int[][][] { new int[size][] };
			POSITIONS.set(holder);
		}
		return holder[0];
	}

	/** Clears the concepts this message touched in the per-thread arrays. */
	@Override
	public void close() {
		for (int t = 0; t < touchedCount; t++) {
			counts[touched[t]] = 0;
			positions[touched[t]] = null;
		}
		touchedCount = 0;
	}

	int[] find(CrisisPattern pattern, int from) {
		return pattern.find(tags, blooms, from, counts, positions);
	}

}
