package org.scoutline.dialogue;

import java.util.List;

import org.scoutline.directory.ShippedDirectory;
import org.scoutline.safety.ShippedLexicon;
import org.springframework.core.io.ClassPathResource;

/**
 * The shipped triage (script, texts in every shipped language, directory), built without
 * Spring, for plain unit tests.
 */
public final class ShippedTriage {

	/** every language we ship texts for, the default first */
	public static final List<String> LOCALES = List.of("de", "en", "nl", "fr", "ko");

	public static final Texts TEXTS = new Texts(new DialogueSettings(new ClassPathResource("config/triage.yml"),
			"classpath:config/texts/", ShippedTriage.LOCALES));

	public static final Triage TRIAGE = new Triage(new DialogueSettings(new ClassPathResource("config/triage.yml"),
			"classpath:config/texts/", ShippedTriage.LOCALES), TEXTS, ShippedDirectory.load(),
			java.util.Optional.empty());

	public static final CrisisCards CARDS = new CrisisCards(TEXTS, ShippedDirectory.load());

	public static final TranscriptLines LINES = new TranscriptLines(TRIAGE, TEXTS);

	public static final BotTurns BOT = new BotTurns(TRIAGE, ShippedLexicon.detector(), CARDS, LINES);

	private ShippedTriage() {
	}

}
