package org.scoutline.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.FileSystemResource;

/**
 * The crisis detector on our own labelled messages
 * ({@code src/test/resources/crisis-eval}, see {@code docs/crisis-detection.md}). The
 * lexicon was tuned on {@code tuning.tsv} and on each held-out set after it was measured
 * once; the newest held-out set was measured once and is kept out of tuning.
 */
class CrisisEvaluationTests {

	/**
	 * the floor measured once on the held-out set (docs/crisis-detection.md), so that it
	 * can only get better
	 */
	static final double HELD_OUT_RECALL = 0.86;

	static final double HELD_OUT_FALSE_POSITIVES = 0.04;

	static final CrisisDetector detector = new CrisisDetector(
			new SafetySettings(new FileSystemResource("config/crisis-lexicon.yml"), 2000));

	@Test
	void meetsTheTargetsOnOurSet() throws Exception {
		List<CrisisEvaluation.Line> lines = new ArrayList<>(CrisisEvaluation.read("/crisis-eval/tuning.tsv"));
		lines.addAll(CrisisEvaluation.read("/crisis-eval/holdout-1.tsv"));
		lines.addAll(CrisisEvaluation.read("/crisis-eval/holdout-2.tsv"));
		lines.addAll(CrisisEvaluation.read("/crisis-eval/holdout-3.tsv"));
		lines.addAll(CrisisEvaluation.read("/crisis-eval/holdout-4.tsv"));
		CrisisEvaluation.Result result = CrisisEvaluation.measure("tuning and the first four held-out sets", lines,
				detector);
		System.out.println(result.report());
		assertThat(result.crisisLines()).isGreaterThanOrEqualTo(300);
		assertThat(result.harmlessLines()).isGreaterThanOrEqualTo(300);
		assertThat(result.recall()).as("recall, see the report above").isGreaterThanOrEqualTo(0.98);
		assertThat(result.falsePositiveRate()).as("false positives, see the report above").isLessThanOrEqualTo(0.05);
	}

	/**
	 * Dutch, French and Korean: each has its own tuning set (at least 150 lines, about
	 * half crisis, figurative speech among the harmless ones) that the lexicon was tuned
	 * on, with the targets of German and English, and a held-out set written at the same
	 * time and measured once, never tuned on (docs/crisis-detection.md).
	 */
	@ParameterizedTest
	@ValueSource(strings = { "nl", "fr", "ko" })
	void meetsTheTargetsInEachNewLanguage(String language) throws Exception {
		List<CrisisEvaluation.Line> lines = CrisisEvaluation.read("/crisis-eval/" + language + "-tuning.tsv");
		assertThat(lines).allSatisfy(line -> assertThat(line.language()).isEqualTo(language));
		CrisisEvaluation.Result result = CrisisEvaluation.measure(language + " tuning", lines, detector);
		System.out.println(result.report());
		assertThat(result.crisisLines() + result.harmlessLines()).isGreaterThanOrEqualTo(150);
		assertThat(result.crisisLines()).isGreaterThanOrEqualTo(75);
		assertThat(result.harmlessLines()).isGreaterThanOrEqualTo(75);
		assertThat(lines).filteredOn(line -> "figurative".equals(line.category())).hasSizeGreaterThanOrEqualTo(30);
		assertThat(result.recall()).as("recall, see the report above").isGreaterThanOrEqualTo(0.98);
		assertThat(result.falsePositiveRate()).as("false positives, see the report above").isLessThanOrEqualTo(0.05);
	}

	@ParameterizedTest
	@ValueSource(strings = { "nl", "fr", "ko" })
	void measuresTheHeldOutSetOfEachNewLanguage(String language) throws Exception {
		List<CrisisEvaluation.Line> lines = CrisisEvaluation.read("/crisis-eval/" + language + "-holdout.tsv");
		CrisisEvaluation.Result result = CrisisEvaluation.measure(language + " held out", lines, detector);
		System.out.println(result.report());
		assertThat(result.crisisLines()).isGreaterThanOrEqualTo(30);
		assertThat(result.harmlessLines()).isGreaterThanOrEqualTo(30);
		assertThat(result.recall()).as("recall, see the report above").isGreaterThanOrEqualTo(HELD_OUT_RECALL);
		assertThat(result.falsePositiveRate()).as("false positives, see the report above")
			.isLessThanOrEqualTo(HELD_OUT_FALSE_POSITIVES);
	}

	@Test
	void measuresTheHeldOutSet() throws Exception {
		CrisisEvaluation.Result result = CrisisEvaluation.measure("held out",
				CrisisEvaluation.read("/crisis-eval/holdout-5.tsv"), detector);
		System.out.println(result.report());
		assertThat(result.crisisLines()).isGreaterThanOrEqualTo(120);
		assertThat(result.harmlessLines()).isGreaterThanOrEqualTo(120);
		assertThat(result.recall()).as("recall, see the report above").isGreaterThanOrEqualTo(HELD_OUT_RECALL);
		assertThat(result.falsePositiveRate()).as("false positives, see the report above")
			.isLessThanOrEqualTo(HELD_OUT_FALSE_POSITIVES);
	}

}
