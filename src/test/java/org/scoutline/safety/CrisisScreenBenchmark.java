package org.scoutline.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.FileSystemResource;

/**
 * How long the crisis screen takes for a message of the longest allowed size (2,000
 * characters), which every message passes through: ordinary text in German and English, a
 * crisis in the middle of a long text, and unbroken runs of letters (the worst case for
 * splitting words written together). Single thread, after warm-up; prints the mean and
 * the 99th percentile of batches. Run:
 * {@code mvn -Pbenchmark verify -Dtest=CrisisScreenBenchmark}.
 */
@Tag("benchmark")
class CrisisScreenBenchmark {

	private static final String[] ENGLISH = { "he sent me a message on instagram and says he will post the pictures",
			"i am so scared my parents will find out", "what can i do if he asks for more money tomorrow",
			"i blocked him but he made a new account", "my friend said i should report it but i dont know how",
			"is it true that take it down works on snapchat", "i'm 15 and i live in germany", "thanks for listening" };

	private static final String[] GERMAN = { "er hat mir auf insta geschrieben dass er die bilder posten will",
			"ich hab so angst dass meine eltern das rausfinden",
			"was soll ich machen wenn er morgen noch mehr geld will",
			"ich hab ihn blockiert aber er hat einen neuen account", "meine freundin meint ich soll das melden",
			"stimmt es dass take it down auch bei snapchat geht", "ich bin 15 und wohne in deutschland", "danke" };

	@Test
	void screensTwoThousandCharactersWellWithinFiftyMicroseconds() {
		CrisisDetector detector = new CrisisDetector(
				new SafetySettings(new FileSystemResource("config/crisis-lexicon.yml"), 2000));
		Map<String, String> texts = new LinkedHashMap<>();
		texts.put("ordinary English", fill(ENGLISH, null));
		texts.put("ordinary German", fill(GERMAN, null));
		texts.put("crisis in the middle", fill(ENGLISH, "and honestly i just want to die tonight"));
		texts.put("runs of letters", runsOfLetters());
		texts.put("one short message", "er sagt er schickt die bilder an alle wenn ich nicht zahle");
		assertThat(detector.screen(texts.get("crisis in the middle")).isImminent()).isTrue();
		assertThat(detector.screen(texts.get("ordinary German")).isCrisis()).isFalse();
		StringBuilder report = new StringBuilder("crisis screen, 2,000 characters, " + Runtime.version() + ", "
				+ Runtime.getRuntime().availableProcessors() + " cores\n");
		for (Map.Entry<String, String> text : texts.entrySet()) {
			report.append(measure(detector, text.getKey(), text.getValue())).append('\n');
		}
		System.out.println(report);
	}

	private static String measure(CrisisDetector detector, String name, String text) {
		long deadline = System.nanoTime() + 3_000_000_000L;
		int sink = 0;
		while (System.nanoTime() < deadline) {
			sink += detector.screen(text).kinds().size();
		}
		int batches = 2_000;
		int perBatch = 50;
		long[] micros = new long[batches];
		for (int b = 0; b < batches; b++) {
			long start = System.nanoTime();
			for (int i = 0; i < perBatch; i++) {
				sink += detector.screen(text).kinds().size();
			}
			micros[b] = (System.nanoTime() - start) / perBatch; // nanoseconds per screen
		}
		Arrays.sort(micros);
		double mean = Arrays.stream(micros).average().orElse(0) / 1000.0;
		double p99 = micros[(int) (batches * 0.99)] / 1000.0;
		assertThat(sink).isGreaterThanOrEqualTo(0);
		return String.format(Locale.ROOT, "  %-22s %4d chars  mean %6.2f µs  p99 %6.2f µs", name, text.length(), mean,
				p99);
	}

	private static String fill(String[] sentences, String crisis) {
		StringBuilder text = new StringBuilder();
		int i = 0;
		while (text.length() < 2000) {
			if (crisis != null && text.length() > 900 && text.indexOf(crisis) < 0) {
				text.append(crisis).append(". ");
			}
			text.append(sentences[i++ % sentences.length]).append(". ");
		}
		return text.substring(0, 2000);
	}

	private static String runsOfLetters() {
		Random random = new Random(7);
		StringBuilder text = new StringBuilder();
		while (text.length() < 2000) {
			int length = 12 + random.nextInt(28);
			for (int i = 0; i < length; i++) {
				text.append((char) ('a' + random.nextInt(26)));
			}
			text.append(' ');
		}
		return text.substring(0, 2000);
	}

}
