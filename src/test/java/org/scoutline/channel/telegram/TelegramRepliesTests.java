package org.scoutline.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.scoutline.conversation.Command;
import org.junit.jupiter.api.Test;
import org.scoutline.conversation.Bubble;
import org.scoutline.conversation.Choice;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/** Rendering for Telegram and reading commands, without a server. */
class TelegramRepliesTests {

	@Test
	void theLastBubbleCarriesTheKeyboardShortLabelsTwoToARow() {
		List<SendMessage> messages = TelegramReplies.render("42",
				List.of(Bubble.text("Hallo."), Bubble.text("Sprache?")),
				List.of(new Choice("de", "Deutsch"), new Choice("en", "English"), new Choice("x", "Noch was")));
		assertThat(messages).hasSize(2);
		assertThat(messages.get(0).getReplyMarkup()).isNull();
		InlineKeyboardMarkup keyboard = (InlineKeyboardMarkup) messages.get(1).getReplyMarkup();
		assertThat(keyboard.getKeyboard()).hasSize(2);
		assertThat(keyboard.getKeyboard().get(0)).extracting(button -> button.getCallbackData())
			.containsExactly("de", "en");
		assertThat(messages).allMatch(message -> message.getParseMode() == null);
	}

	@Test
	void thePlansStepsGoIntoOneNumberedMessageAndItsFoldedSectionsAreLeftOut() {
		List<SendMessage> messages = TelegramReplies.render("42",
				List.of(Bubble.text("Das hilft jetzt:"),
						new Bubble("Zahl nichts.\nDas bringt nur mehr Forderungen.", Bubble.Kind.PLAN),
						new Bubble("Antworte nicht mehr.\nLösch nichts.", Bubble.Kind.PLAN),
						Bubble.text("Mehr: Löschen."), new Bubble("Löschen\nMit Take It Down …", Bubble.Kind.SECTION)),
				List.of(new Choice("plan_removal", "Löschen")));
		assertThat(messages).extracting(SendMessage::getText)
			.containsExactly("Das hilft jetzt:",
					"1. Zahl nichts.\n    Das bringt nur mehr Forderungen.\n\n2. Antworte nicht mehr.\n    Lösch nichts.",
					"Mehr: Löschen.");
		assertThat(messages.get(2).getReplyMarkup()).isNotNull();
	}

	@Test
	void longLabelsGetARowEachAndOverlongTextsAreSplit() {
		InlineKeyboardMarkup keyboard = TelegramReplies
			.keyboard(List.of(new Choice("a", "Jemand droht mir gerade"), new Choice("b", "Kurz")));
		assertThat(keyboard.getKeyboard()).hasSize(2);
		List<String> pieces = TelegramReplies.split("Wort ".repeat(2000));
		assertThat(pieces).hasSizeGreaterThan(1).allMatch(piece -> piece.length() <= TelegramReplies.MAX_TEXT);
		assertThat(String.join(" ", pieces).replaceAll("\\s+", " ").strip()).isEqualTo(("Wort ".repeat(2000)).strip());
	}

	@Test
	void commandsLoseTheirSlashBotNameAndArguments() {
		assertThat(Command.parse("/start")).isEqualTo(Command.START);
		assertThat(Command.parse("/START@ScoutlineBot")).isEqualTo(Command.START);
		assertThat(Command.parse("/start campaign42")).isEqualTo(Command.START);
		assertThat(Command.parse("/exit")).isEqualTo(Command.EXIT);
		assertThat(Command.parse("/sudo rm")).isEqualTo(Command.UNKNOWN);
		assertThat(TelegramUpdates.locale("de-AT")).isEqualTo("de");
		assertThat(TelegramUpdates.locale(null)).isNull();
	}

}
