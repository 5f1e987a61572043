package org.scoutline.safety;

import org.springframework.core.io.FileSystemResource;

/** The crisis detector with the shipped lexicon, for plain unit tests. */
public final class ShippedLexicon {

	private static final CrisisDetector DETECTOR = new CrisisDetector(
			new SafetySettings(new FileSystemResource("config/crisis-lexicon.yml"), 2000));

	private ShippedLexicon() {
	}

	public static CrisisDetector detector() {
		return DETECTOR;
	}

}
