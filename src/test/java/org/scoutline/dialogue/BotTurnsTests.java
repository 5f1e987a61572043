package org.scoutline.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scoutline.support.ConversationTestData.NOW;
import static org.scoutline.support.ConversationTestData.aConversation;
import static org.scoutline.support.ConversationTestData.media;
import static org.scoutline.support.ConversationTestData.typed;

import org.junit.jupiter.api.Test;
import org.scoutline.conversation.Bubble;
import org.scoutline.conversation.Channel;
import org.scoutline.conversation.Command;
import org.scoutline.conversation.Conversation;
import org.scoutline.conversation.InboundMessage;
import org.scoutline.conversation.TranscriptEntry;
import org.scoutline.safety.CrisisDetector.Screening;
import org.scoutline.safety.ShippedLexicon;

/** The bot's turn deciders, in memory: no Spring, no Redis. */
class BotTurnsTests {

	final BotTurns bot = ShippedTriage.BOT;

	@Test
	void aFirstTypedMessageGetsTheWelcomeAndStartsAConversation() {
		BotTurn.Answered turn = answered(bot.take(null, typed("hallo"), Screening.NONE, "p", NOW));
		assertThat(turn.turn().conversation().pseudonym()).isEqualTo("p");
		assertThat(turn.turn().shown()).isNotEmpty();
		assertThat(turn.turn().transcript()).extracting(TranscriptEntry::text).startsWith("hallo");
		assertThat(turn.asksForScout()).isFalse();
	}

	@Test
	void aFirstCrisisMessageIsAnsweredInItsOwnLanguageWithTheEmergencyNumberFirst() {
		InboundMessage message = typed("I took all my pills just now").from(null, "de", true);
		Screening signal = ShippedLexicon.detector().screen("I took all my pills just now");
		assertThat(signal.isImminent()).isTrue();
		BotTurn.Answered turn = answered(bot.take(null, message, signal, "p", NOW));
		assertThat(turn.turn().conversation().locale()).isEqualTo("en");
		assertThat(turn.turn().shown().get(0).kind()).isEqualTo(Bubble.Kind.EMERGENCY);
	}

	@Test
	void askingForAScoutIsLeftToTheHandover() {
		Conversation conversation = aConversation().build();
		BotTurn.Answered turn = answered(bot.take(conversation, command(Command.SCOUT), Screening.NONE, "p", NOW));
		assertThat(turn.asksForScout()).isTrue();
		assertThat(turn.turn().conversation().mode()).isEqualTo(conversation.mode());
	}

	@Test
	void deleteAsksToEraseAndNothingElse() {
		BotTurn turn = bot.take(aConversation().speaking("en").build(), command(Command.DELETE), Screening.NONE, "p",
				NOW);
		assertThat(turn).isInstanceOf(BotTurn.Erased.class);
		assertThat(((BotTurn.Erased) turn).locale()).isEqualTo("en");
	}

	@Test
	void anUnknownCommandGetsHelpAndMediaIsRefusedInTheChannelsWords() {
		Conversation conversation = aConversation().speaking("en").build();
		BotTurn.Answered unknown = answered(bot.take(conversation, command(Command.UNKNOWN), Screening.NONE, "p", NOW));
		assertThat(unknown.turn().shown().get(0).text())
			.isEqualTo(ShippedTriage.TEXTS.get("en", "system.unknown_command"));
		BotTurn.Answered photo = answered(
				bot.take(conversation.inMode(conversation.mode()), media(Channel.TELEGRAM), Screening.NONE, "p", NOW));
		assertThat(photo.turn().shown()).extracting(Bubble::text)
			.containsExactly(ShippedTriage.TEXTS.get("en", "system.media_telegram"));
		assertThat(photo.turn().transcript()).extracting(TranscriptEntry::text).contains(TranscriptEntry.MEDIA_REMOVED);
	}

	@Test
	void aCrisisSignalOnRecordSurvivesARestart() {
		Conversation conversation = aConversation().with("crisis_kind", "suicide")
			.with("crisis_severity", "concern")
			.with("crisis_at", "1")
			.build();
		BotTurn.Answered restarted = answered(
				bot.take(conversation, command(Command.RESTART), Screening.NONE, "p", NOW));
		assertThat(restarted.turn().conversation().facts()).containsEntry("crisis_kind", "suicide");
	}

	private static InboundMessage command(Command command) {
		return new InboundMessage.Commanded(org.scoutline.support.ConversationTestData.from(Channel.WEB), command);
	}

	private static BotTurn.Answered answered(BotTurn turn) {
		assertThat(turn).isInstanceOf(BotTurn.Answered.class);
		return (BotTurn.Answered) turn;
	}

}
