package org.scoutline.safety;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measures the crisis detector on a labelled set
 * ({@code src/test/resources/crisis-eval/*.tsv}: language, label, category, severity,
 * text): recall on crisis lines, false positives on harmless lines, per language and
 * category, how often the severity agrees, and every miss.
 */
final class CrisisEvaluation {

	record Line(String language, boolean crisis, String category, String severity, String text) {
	}

	record Result(String set, int crisisLines, int caught, int harmlessLines, int flagged, int imminentLines,
			int imminentCaught, int concernCalledImminent, Map<String, int[]> byGroup, List<String> misses,
			List<String> falseAlarms, List<String> severityMisses) {

		double recall() {
			return crisisLines == 0 ? 1 : (double) caught / crisisLines;
		}

		double falsePositiveRate() {
			return harmlessLines == 0 ? 0 : (double) flagged / harmlessLines;
		}

		String report() {
			StringBuilder out = new StringBuilder();
			out.append(String.format(
					"crisis evaluation (%s): recall %.3f (%d/%d), false positives %.3f (%d/%d), "
							+ "imminent recognised %d/%d, concern called imminent %d%n",
					set, recall(), caught, crisisLines, falsePositiveRate(), flagged, harmlessLines, imminentCaught,
					imminentLines, concernCalledImminent));
			byGroup.forEach((group, counts) -> out.append(String.format("  %-22s %3d/%3d %s%n", group, counts[0],
					counts[1], group.contains("harmless") ? "flagged" : "caught")));
			misses.forEach(miss -> out.append("  MISS ").append(miss).append('\n'));
			falseAlarms.forEach(alarm -> out.append("  FALSE ALARM ").append(alarm).append('\n'));
			severityMisses.forEach(miss -> out.append("  SEVERITY ").append(miss).append('\n'));
			return out.toString();
		}

	}

	static List<Line> read(String resource) throws IOException {
		List<Line> lines = new ArrayList<>();
		try (InputStream in = CrisisEvaluation.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource + " is missing");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String row;
			while ((row = reader.readLine()) != null) {
				if (row.isBlank()) {
					continue;
				}
				String[] cells = row.split("\t", -1);
				if (cells.length != 5) {
					throw new IllegalStateException(resource + ": a line needs 5 columns: " + row);
				}
				lines.add(new Line(cells[0], "crisis".equals(cells[1]), cells[2], cells[3], cells[4]));
			}
		}
		return lines;
	}

	static Result measure(String set, List<Line> lines, CrisisDetector detector) {
		int crisisLines = 0;
		int caught = 0;
		int harmless = 0;
		int flagged = 0;
		int imminentLines = 0;
		int imminentCaught = 0;
		int concernCalledImminent = 0;
		Map<String, int[]> byGroup = new TreeMap<>();
		List<String> misses = new ArrayList<>();
		List<String> alarms = new ArrayList<>();
		List<String> severityMisses = new ArrayList<>();
		for (Line line : lines) {
			CrisisDetector.Screening screening = detector.screen(line.text());
			String group = line.language() + " " + (line.crisis() ? line.category() : "harmless " + line.category());
			int[] counts = byGroup.computeIfAbsent(group, g -> new int[2]);
			counts[1]++;
			if (line.crisis()) {
				crisisLines++;
				boolean imminent = "imminent".equals(line.severity());
				imminentLines += imminent ? 1 : 0;
				if (screening.isCrisis()) {
					caught++;
					counts[0]++;
					imminentCaught += imminent && screening.isImminent() ? 1 : 0;
					if (imminent != screening.isImminent()) {
						severityMisses.add(line.language() + " " + line.category() + " labelled " + line.severity()
								+ ", found " + screening.severity().id() + ": " + line.text());
					}
					concernCalledImminent += !imminent && screening.isImminent() ? 1 : 0;
				}
				else {
					misses.add(line.language() + " " + line.category() + ": " + line.text());
				}
			}
			else {
				harmless++;
				if (screening.isCrisis()) {
					flagged++;
					counts[0]++;
					alarms.add(line.language() + " " + line.category() + " " + detector.explain(line.text()) + ": "
							+ line.text());
				}
			}
		}
		return new Result(set, crisisLines, caught, harmless, flagged, imminentLines, imminentCaught,
				concernCalledImminent, byGroup, misses, alarms, severityMisses);
	}

	private CrisisEvaluation() {
	}

}
