package org.scoutline.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scoutline.conversation.Conversations.SaveOutcome;
import org.scoutline.support.IntegrationTest;
import org.scoutline.support.RedisTestSupport.TestKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The store against the real Redis: round trips, expiry, optimistic saves, idempotency,
 * erasure, encryption.
 */
@IntegrationTest
class ConversationStoreTests {

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
	void savesAndFindsAConversationWithItsTranscript() {
		Conversation fresh = Conversation.start(Channel.TELEGRAM, "pseudo-1", "4242", "de", "situation",
				Map.of("age", "13_15"), now);
		assertThat(conversations.save(fresh, "m1",
				List.of(TranscriptEntry.fromUser(now, "hallo"), TranscriptEntry.fromBot(now, Bubble.text("Hi!")))))
			.isEqualTo(SaveOutcome.SAVED);
		Conversations.Lookup lookup = conversations.find("pseudo-1", "m2");
		assertThat(lookup.duplicate()).isFalse();
		Conversation found = lookup.conversation();
		assertThat(found.id()).isEqualTo(fresh.id());
		assertThat(found.version()).isEqualTo(1);
		assertThat(found.replyAddress()).isEqualTo("4242");
		assertThat(found.facts()).containsEntry("age", "13_15");
		assertThat(found.lastActiveAt()).isEqualTo(now);
		assertThat(conversations.transcript(found.id(), 10)).extracting(TranscriptEntry::text)
			.containsExactly("hallo", "Hi!");
	}

	@Test
	void factsAndLinesComeBackAsTheyWereWrittenWhateverTheyHold() {
		Map<String, String> facts = Map.of("age", "13_15", "quote\"d", "a \"b\" \\ c", "umlaut", "Grüße ✓ 자살", "empty",
				"", "crisis_last_at", "1764633600000");
		Conversation fresh = Conversation.start(Channel.WEB, "pseudo-2", null, "de", "situation", facts, now);
		String text = "Er schrieb: \"zahl 500 €\"\n\tsonst… </script> \u2028 😟";
		conversations.save(fresh, "m1", List.of(TranscriptEntry.fromUser(now, text)));
		Conversation found = conversations.find("pseudo-2", null).conversation();
		assertThat(found.facts()).isEqualTo(facts);
		TranscriptEntry line = conversations.transcript(found.id(), 10).get(0);
		assertThat(line.text()).isEqualTo(text);
		assertThat(line.at()).isEqualTo(now);
		assertThat(line.author()).isEqualTo(TranscriptEntry.Author.USER);
	}

	@Test
	void aSaveBasedOnAnOldVersionIsRefusedAndNothingOfItIsWritten() {
		Conversation fresh = Conversation.start(Channel.WEB, "pseudo-2", null, "en", "a", Map.of(), now);
		conversations.save(fresh, null, List.of(TranscriptEntry.fromUser(now, "one")));
		Conversation loaded = conversations.find("pseudo-2", null).conversation();
		assertThat(conversations.save(loaded.withDialogue("en", "b", Map.of()), null,
				List.of(TranscriptEntry.fromUser(now, "two"))))
			.isEqualTo(SaveOutcome.SAVED);
		assertThat(conversations.save(loaded.withDialogue("en", "c", Map.of()), null,
				List.of(TranscriptEntry.fromUser(now, "stale"))))
			.isEqualTo(SaveOutcome.CONFLICT);
		assertThat(conversations.find("pseudo-2", null).conversation().node()).isEqualTo("b");
		assertThat(conversations.transcript(fresh.id(), 10)).extracting(TranscriptEntry::text)
			.containsExactly("one", "two");
	}

	@Test
	void aSecondNewConversationForThePersonLosesTheRace() {
		Conversation first = Conversation.start(Channel.WEB, "pseudo-3", null, "en", "a", Map.of(), now);
		Conversation second = Conversation.start(Channel.WEB, "pseudo-3", null, "en", "a", Map.of(), now);
		assertThat(conversations.save(first, null, List.of())).isEqualTo(SaveOutcome.SAVED);
		assertThat(conversations.save(second, null, List.of())).isEqualTo(SaveOutcome.CONFLICT);
		assertThat(conversations.find("pseudo-3", null).conversation().id()).isEqualTo(first.id());
	}

	@Test
	void aMessageIdIsHandledOnlyOnce() {
		Conversation fresh = Conversation.start(Channel.WHATSAPP, "pseudo-4", "+4915100000000", "de", "a", Map.of(),
				now);
		conversations.save(fresh, "wamid.1", List.of(TranscriptEntry.fromUser(now, "hi")));
		Conversations.Lookup replay = conversations.find("pseudo-4", "wamid.1");
		assertThat(replay.duplicate()).isTrue();
		assertThat(conversations.save(replay.conversation(), "wamid.1", List.of(TranscriptEntry.fromUser(now, "hi"))))
			.isEqualTo(SaveOutcome.DUPLICATE);
		assertThat(conversations.transcript(fresh.id(), 10)).hasSize(1);
	}

	@Test
	void everyKeyExpiresAndEraseRemovesThemAll() {
		Conversation fresh = Conversation.start(Channel.TELEGRAM, "pseudo-5", "77", "de", "a", Map.of(), now);
		conversations.save(fresh, "u1", List.of(TranscriptEntry.fromUser(now, "x")));
		List<String> written = personKeys();
		assertThat(written).hasSize(4);
		written.forEach(key -> assertThat(redis.getExpire(key)).as(key).isBetween(1L, 30L * 24 * 3600));
		conversations.erase(conversations.find("pseudo-5", null).conversation());
		assertThat(personKeys()).isEmpty();
	}

	@Test
	void whatIsStoredAboutAPersonIsEncrypted() {
		Conversation fresh = Conversation.start(Channel.WHATSAPP, "pseudo-6", "+4917612345678", "de", "a",
				Map.of("country", "DE"), now);
		conversations.save(fresh, null, List.of(TranscriptEntry.fromUser(now, "er erpresst mich")));
		String prefix = keys.prefix();
		Map<Object, Object> hash = redis.opsForHash()
			.entries(new ConversationKeys(prefix).conversation(fresh.id().value()));
		assertThat(hash.values().toString()).doesNotContain("+4917612345678").doesNotContain("DE\"");
		assertThat(redis.opsForList().range(new ConversationKeys(prefix).log(fresh.id().value()), 0, -1).toString())
			.doesNotContain("erpresst");
		assertThat(keys.all().toString()).doesNotContain("4917612345678");
	}

	private List<String> personKeys() {
		return keys.all().stream().filter(k -> !k.endsWith("dev-secrets")).toList();
	}

}
