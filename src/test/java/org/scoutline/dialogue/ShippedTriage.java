package org.scoutline.dialogue;

import java.util.List;

import org.scoutline.directory.ShippedDirectory;
import org.scoutline.safety.ShippedLexicon;
import org.springframework.core.io.ClassPathResource;

/**
 * The shipped triage (script, texts in de and en, directory), built without Spring, for
 * plain unit tests.
 */
public final class ShippedTriage {

	public static final Texts TEXTS = new Texts(new DialogueSettings(new ClassPathResource("config/triage.yml"),
			"classpath:config/texts/", List.of("de", "en")));

	public static final Triage TRIAGE = new Triage(new DialogueSettings(new ClassPathResource("config/triage.yml"),
			"classpath:config/texts/", List.of("de", "en")), TEXTS, ShippedDirectory.load(),
			java.util.Optional.empty());

	public static final CrisisCards CARDS = new CrisisCards(TEXTS, ShippedDirectory.load());

	public static final TranscriptLines LINES = new TranscriptLines(TRIAGE, TEXTS);

	public static final BotTurns BOT = new BotTurns(TRIAGE, ShippedLexicon.detector(), CARDS, LINES);

	private ShippedTriage() {
	}

}
