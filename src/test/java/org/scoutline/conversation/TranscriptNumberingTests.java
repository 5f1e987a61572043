package org.scoutline.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scoutline.conversation.Conversations.SaveOutcome;
import org.scoutline.conversation.Conversations.Transcript;
import org.scoutline.support.IntegrationTest;
import org.scoutline.support.RedisTestSupport.TestKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Transcript lines are numbered per conversation, 1, 2, 3 ..., by the save itself, so
 * that a reader that had everything up to a number gets exactly the lines after it: the
 * numbers survive the trimming of the list, a reader whose lines were trimmed away or
 * whose number is ahead of the store learns that it cannot resume, and conversations
 * stored before lines were numbered count the lines they have.
 */
@IntegrationTest
@TestPropertySource(properties = "scoutline.conversation.transcript-limit=50")
class TranscriptNumberingTests {

	@Autowired
	Conversations conversations;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	TestKeys keys;

	final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	@BeforeEach
	void startClean() {
		keys.clear();
	}

	@Test
	void theLinesAfterANumberAreReadInOrderWithTheirNumbers() {
		Conversation saved = save(Conversation.start(Channel.WEB, "p-1", null, "de", "a", Map.of(), now), "one", "two",
				"three");
		assertThat(saved.lines()).isEqualTo(3);
		Conversation loaded = conversations.find("p-1", null).conversation();
		assertThat(loaded.lines()).isEqualTo(3);
		save(loaded, "four", "five");
		assertThat(conversations.get(loaded.id()).orElseThrow().lines()).isEqualTo(5);

		Transcript after = conversations.since(loaded.id(), 3, 200);
		assertThat(after.lines()).extracting(TranscriptEntry::text).containsExactly("four", "five");
		assertThat(after.last()).isEqualTo(5);
		assertThat(after.complete()).isTrue();
		assertThat(after.seq(0)).isEqualTo(4);
		assertThat(after.seq(1)).isEqualTo(5);

		Transcript upToDate = conversations.since(loaded.id(), 5, 200);
		assertThat(upToDate.lines()).isEmpty();
		assertThat(upToDate.complete()).isTrue();

		Transcript ahead = conversations.since(loaded.id(), 9, 200);
		assertThat(ahead.lines()).isEmpty();
		assertThat(ahead.complete()).as("a number from another conversation").isFalse();

		Transcript limited = conversations.since(loaded.id(), 0, 2);
		assertThat(limited.lines()).extracting(TranscriptEntry::text).containsExactly("four", "five");
		assertThat(limited.complete()).isFalse();
	}

	@Test
	void numbersGoOnWhenTheListIsTrimmedAndTrimmedLinesCannotBeResumed() {
		Conversation conversation = Conversation.start(Channel.WEB, "p-2", null, "de", "a", Map.of(), now);
		conversation = save(conversation, texts(1, 40));
		conversation = save(conversation, texts(41, 60));
		assertThat(conversation.lines()).isEqualTo(60);
		assertThat(redis.opsForList().size(logKey(conversation))).as("trimmed to the limit").isEqualTo(50);

		Transcript recent = conversations.since(conversation.id(), 55, 200);
		assertThat(recent.lines()).extracting(TranscriptEntry::text).containsExactly(texts(56, 60));
		assertThat(recent.complete()).isTrue();

		Transcript trimmed = conversations.since(conversation.id(), 5, 200);
		assertThat(trimmed.complete()).as("lines 6 to 10 are gone").isFalse();
		assertThat(trimmed.seq(0)).isEqualTo(11);
		assertThat(trimmed.lines().get(0).text()).isEqualTo("line 11");
	}

	@Test
	void aConversationStoredBeforeLinesWereNumberedCountsTheLinesItHas() {
		Conversation conversation = save(Conversation.start(Channel.WEB, "p-3", null, "de", "a", Map.of(), now), "one",
				"two");
		redis.opsForHash().delete(new ConversationKeys(keys.prefix()).conversation(conversation.id().value()), "n");
		Conversation loaded = conversations.find("p-3", null).conversation();
		assertThat(loaded.lines()).isEqualTo(2);
		assertThat(conversations.get(loaded.id()).orElseThrow().lines()).isEqualTo(2);
		assertThat(conversations.since(loaded.id(), 1, 200).lines()).extracting(TranscriptEntry::text)
			.containsExactly("two");
		save(loaded, "three");
		assertThat(conversations.since(loaded.id(), 2, 200).lines()).extracting(TranscriptEntry::text)
			.containsExactly("three");
		assertThat(conversations.get(loaded.id()).orElseThrow().lines()).isEqualTo(3);
	}

	private Conversation save(Conversation conversation, String... texts) {
		List<TranscriptEntry> lines = List.of(texts).stream().map(t -> TranscriptEntry.fromUser(now, t)).toList();
		assertThat(conversations.save(conversation, null, lines)).isEqualTo(SaveOutcome.SAVED);
		return conversation.saved(lines.size());
	}

	private static String[] texts(int from, int to) {
		return IntStream.rangeClosed(from, to).mapToObj(i -> "line " + i).toArray(String[]::new);
	}

	private String logKey(Conversation conversation) {
		return new ConversationKeys(keys.prefix()).log(conversation.id().value());
	}

}
