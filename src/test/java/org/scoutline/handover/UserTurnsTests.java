package org.scoutline.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scoutline.support.ConversationTestData.NOW;
import static org.scoutline.support.ConversationTestData.aConversation;
import static org.scoutline.support.ConversationTestData.media;
import static org.scoutline.support.ConversationTestData.tapped;
import static org.scoutline.support.ConversationTestData.typed;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.scoutline.platform.RefusedMessages;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.scoutline.conversation.Bubble;
import org.scoutline.conversation.Channel;
import org.scoutline.conversation.Choice;
import org.scoutline.conversation.Conversation;
import org.scoutline.conversation.Mode;
import org.scoutline.conversation.TranscriptEntry;
import org.scoutline.conversation.Turn;
import org.scoutline.dialogue.ShippedTriage;
import org.scoutline.dialogue.Texts;
import org.scoutline.dialogue.TriageState;
import org.scoutline.directory.ShippedDirectory;
import org.scoutline.safety.CrisisDetector.Screening;
import org.scoutline.safety.ShippedLexicon;
import org.scoutline.schedule.ClosedReason;
import org.scoutline.schedule.LiveSession;
import org.scoutline.schedule.Occurrence;
import org.scoutline.schedule.OpeningDecision;

/**
 * The handover's turn deciders, in memory: no Spring, no Redis; the opening rule is
 * whatever the test says.
 */
class UserTurnsTests {

	static final Texts texts = ShippedTriage.TEXTS;

	final List<Channel> asked = new ArrayList<>();

	OpeningDecision staffing = new OpeningDecision.Closed(ClosedReason.NO_SESSION, List.of(), null);

	final ModeChoices choices = new ModeChoices(texts, ShippedTriage.TRIAGE);

	final UserTurns turns = new UserTurns(ShippedTriage.TRIAGE, ShippedTriage.CARDS, ShippedTriage.LINES, choices,
			new SessionOffers(ShippedTriage.TRIAGE, texts, channel -> {
				asked.add(channel);
				return staffing;
			}, new OffHours(texts, ShippedTriage.CARDS, ShippedDirectory.load(), choices), person -> true,
					new RefusedMessages(new SimpleMeterRegistry())));

	@Test
	void aWaitingUserWhoLeavesIsBackWithTheBot() {
		UserTurn turn = take(aConversation().inMode(Mode.QUEUED).speaking("en").build(), tapped("leave_queue"));
		assertThat(turn.turn().conversation().mode()).isEqualTo(Mode.BOT);
		assertThat(turn.followUp()).isInstanceOf(FollowUp.Leave.class);
		assertThat(turn.turn().shown().get(0).text()).isEqualTo(texts.get("en", "system.queue_left"));
	}

	@Test
	void aWaitingUserWhoWritesKeepsTheirPlaceAndACrisisMovesThemUp() {
		Conversation waiting = aConversation().inMode(Mode.QUEUED).speaking("en").build();
		assertThat(take(waiting, typed("still there?")).followUp()).isInstanceOf(FollowUp.Hold.class);

		Screening signal = ShippedLexicon.detector().screen("i want to kill myself");
		UserTurn crisis = turns.take(waiting, typed("i want to kill myself"), signal, NOW).orElseThrow();
		assertThat(crisis.followUp()).isEqualTo(new FollowUp.Enqueue(signal, null));
		assertThat(crisis.turn().shown()).extracting(Bubble::kind).contains(Bubble.Kind.CRISIS);
		assertThat(crisis.turn().conversation().mode()).isEqualTo(Mode.QUEUED);
	}

	@Test
	void inALiveChatTheWordsGoToTheScoutAndCommandsAreExplained() {
		Conversation live = aConversation().inMode(Mode.WITH_SCOUT).speaking("en").build();
		UserTurn written = take(live, typed("he posted it"));
		assertThat(written.followUp()).isEqualTo(new FollowUp.Relay("he posted it", Screening.NONE));
		assertThat(written.turn().shown()).isEmpty();

		UserTurn photo = take(live, media(Channel.WHATSAPP));
		assertThat(photo.followUp()).isEqualTo(new FollowUp.Relay(TranscriptEntry.MEDIA_REMOVED, Screening.NONE));
		assertThat(photo.turn().shown()).extracting(Bubble::text)
			.containsExactly(texts.get("en", "system.media_whatsapp"));
	}

	@Test
	void aMessageLeftForTheNextSessionIsKeptUntilTakenBack() {
		Conversation parked = aConversation().inMode(Mode.PARKED).speaking("en").build();
		UserTurn kept = take(parked, typed("please call me back"));
		assertThat(kept.followUp()).isEqualTo(FollowUp.NONE);
		assertThat(kept.turn().choices()).extracting(Choice::id).containsExactly("take_back_message");

		UserTurn back = take(parked, tapped("take_back_message"));
		assertThat(back.followUp()).isInstanceOf(FollowUp.Unpark.class);
		assertThat(back.turn().conversation().mode()).isEqualTo(Mode.BOT);
	}

	@Test
	void afterAChatTheFeedbackIsCountedAndAnythingElseGoesToTheBot() {
		Conversation closed = aConversation().inMode(Mode.CLOSED).speaking("en").build();
		UserTurn feedback = take(closed, tapped("feedback_yes"));
		assertThat(feedback.followUp()).isEqualTo(new FollowUp.Feedback("feedback_yes"));
		assertThat(feedback.turn().conversation().mode()).isEqualTo(Mode.BOT);
		assertThat(turns.take(closed, typed("thanks"), Screening.NONE, NOW)).isEmpty();
		assertThat(turns.take(aConversation().build(), typed("hallo"), Screening.NONE, NOW)).isEmpty();
	}

	@Test
	void askingForAScoutWhenNoneIsOnDutyNamesTheCrisisLinesAndNoQueue() {
		Conversation bot = aConversation().speaking("en").with("country", "DE").build();
		UserTurn turn = take(bot, tapped("ask_scout"));
		assertThat(asked).containsExactly(Channel.WEB);
		assertThat(turn.followUp()).isEqualTo(FollowUp.NONE);
		assertThat(turn.turn().conversation().mode()).isEqualTo(Mode.BOT);
		assertThat(String.join("\n", turn.turn().shown().stream().map(Bubble::text).toList())).contains("116 111");
	}

	@Test
	void aCrisisWithAScoutOnDutyJoinsTheQueueWithItsSessionAndWithoutOneKeepsTheBotsAnswer() {
		Conversation bot = aConversation().speaking("en").build();
		Turn answered = new Turn(bot, List.of(), List.of(Bubble.text("card")), List.of());
		TriageState state = TriageState.of(bot);
		Screening signal = ShippedLexicon.detector().screen("i want to kill myself");
		assertThat(turns.escalate(answered, state, signal, false, NOW)).isEqualTo(UserTurn.of(answered));

		Occurrence tonight = tonight();
		staffing = new OpeningDecision.Open(tonight, 2);
		UserTurn queued = turns.escalate(answered, state, signal, false, NOW);
		assertThat(queued.followUp()).isEqualTo(new FollowUp.Enqueue(signal, tonight));
		assertThat(queued.turn().conversation().mode()).isEqualTo(Mode.QUEUED);
		assertThat(queued.turn().shown()).extracting(Bubble::text).containsExactly("card");
	}

	@Test
	void aRefusalWhileASessionRunsIsCountedOnlyAsAFollowUpOfTheSavedTurn() {
		Occurrence tonight = tonight();
		staffing = new OpeningDecision.Closed(ClosedReason.NO_SCOUT_CHECKED_IN, List.of(), tonight);
		Conversation bot = aConversation().speaking("en").build();
		UserTurn asked = take(bot, tapped("ask_scout"));
		assertThat(asked.followUp()).isEqualTo(new FollowUp.Refused(tonight.key(), "no_scout_checked_in"));
		Screening signal = ShippedLexicon.detector().screen("i want to kill myself");
		Turn answered = new Turn(bot, List.of(), List.of(Bubble.text("card")), List.of());
		assertThat(turns.escalate(answered, TriageState.of(bot), signal, false, NOW).followUp())
			.isEqualTo(new FollowUp.Refused(tonight.key(), "no_scout_checked_in"));
		assertThat(new FollowUp.Park().and(new FollowUp.Refused("k", "queue_full")))
			.isEqualTo(new FollowUp.Several(List.of(new FollowUp.Park(), new FollowUp.Refused("k", "queue_full"))));
		assertThat(FollowUp.NONE.and(new FollowUp.Leave())).isEqualTo(new FollowUp.Leave());
	}

	@Test
	void theButtonsOfEachModeComeFromOnePlace() {
		assertThat(turns.choices(aConversation().inMode(Mode.QUEUED).build())).extracting(Choice::id)
			.containsExactly("leave_queue");
		assertThat(turns.choices(aConversation().inMode(Mode.WITH_SCOUT).build())).isEmpty();
		assertThat(turns.choices(aConversation().inMode(Mode.CLOSED).build())).extracting(Choice::id)
			.containsExactly("feedback_yes", "feedback_partly", "feedback_no", "show_plan");
		assertThat(turns.choices(aConversation().at("situation").build()))
			.isEqualTo(ShippedTriage.TRIAGE.choices(new TriageState("situation", java.util.Map.of(), "de")));
	}

	private UserTurn take(Conversation conversation, org.scoutline.conversation.InboundMessage message) {
		Optional<UserTurn> turn = turns.take(conversation, message, Screening.NONE, NOW);
		assertThat(turn).as("the handover takes this turn").isPresent();
		return turn.get();
	}

	private static Occurrence tonight() {
		ZonedDateTime start = ZonedDateTime.of(2026, 12, 1, 18, 0, 0, 0, ZoneId.of("Europe/Berlin"));
		LiveSession session = new LiveSession("s1", "Evening", "", List.of("de", "en"), List.of(Channel.WEB), start,
				start.plusHours(3), List.of("lena"), "sam", 20, 10, null, List.of());
		return new Occurrence(session, start, start.plusHours(3));
	}

}
