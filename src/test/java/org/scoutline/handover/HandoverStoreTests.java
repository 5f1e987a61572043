package org.scoutline.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scoutline.conversation.ConversationId;
import org.scoutline.support.IntegrationTest;
import org.scoutline.support.RedisTestSupport.TestKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The queue's Redis scripts against the real Redis: ordering, the claim race, capacity,
 * transfer and release.
 */
@IntegrationTest
// no sweeper between the steps
@TestPropertySource(properties = "scoutline.handover.sweep=1h")
class HandoverStoreTests {

	@Autowired
	HandoverStore store;

	@Autowired
	TestKeys keys;

	@BeforeEach
	void startClean() {
		keys.clear();
	}

	static final Urgency CONCERN = new Urgency(Urgency.CRISIS, "suicide", "concern");

	static final Urgency IMMINENT = new Urgency(Urgency.IMMINENT, "suicide", "imminent");

	private static String id() {
		return ConversationId.random().value();
	}

	@Test
	void crisisFirstThenWaitingTime() {
		String early = id();
		String late = id();
		String crisis = id();
		assertThat(store.enqueue(early, Urgency.NONE, 1_000, null).position()).isEqualTo(1);
		assertThat(store.enqueue(late, Urgency.NONE, 2_000, null).position()).isEqualTo(2);
		assertThat(store.enqueue(crisis, CONCERN, 3_000, null).position()).isEqualTo(1);
		assertThat(store.waiting()).containsExactly(crisis, early, late);
		assertThat(store.enqueue(late, CONCERN, 4_000, null).position()).as("a crisis while waiting moves the chat up")
			.isEqualTo(2);
		assertThat(store.waiting()).containsExactly(crisis, late, early);
		assertThat(store.enqueue(early, Urgency.NONE, 5_000, null).position()).as("asking again keeps the place")
			.isEqualTo(3);
	}

	@Test
	void imminentDangerGoesAheadOfEveryOtherCrisisAndStaysThereWhenReturned() {
		String ordinary = id();
		String crisis = id();
		String imminent = id();
		store.enqueue(ordinary, Urgency.NONE, 1_000, null);
		store.enqueue(crisis, CONCERN, 2_000, null);
		assertThat(store.enqueue(imminent, IMMINENT, 3_000, null).position()).isEqualTo(1);
		assertThat(store.waiting()).containsExactly(imminent, crisis, ordinary);
		assertThat(store.state(imminent))
			.extracting(ChatState::band, ChatState::kind, ChatState::severity, ChatState::crisis)
			.containsExactly(0, "suicide", "imminent", true);

		assertThat(store.enqueue(ordinary, IMMINENT, 4_000, null).position()).as("imminent while waiting").isEqualTo(2);
		assertThat(store.enqueue(ordinary, CONCERN, 5_000, null).position()).as("a milder signal keeps the band")
			.isEqualTo(2);
		assertThat(store.state(ordinary).severity()).isEqualTo("imminent");
		assertThat(store.waiting()).containsExactly(imminent, ordinary, crisis);

		assertThat(store.claim(imminent, "sam", 2, 6_000)).isEqualTo(ClaimOutcome.OK);
		assertThat(store.requeue(imminent, "sam", 3_000, store.state(imminent).band())).isTrue();
		assertThat(store.waiting()).as("back ahead of the crisis chats").startsWith(imminent);
	}

	@Test
	void aCrisisInAHeldChatFlagsItWithItsKindAndSeverityAndTheKeyExpires() {
		String chat = id();
		store.enqueue(chat, Urgency.NONE, 1_000, null);
		store.claim(chat, "sam", 2, 2_000);
		store.flagCrisis(chat, IMMINENT);
		store.flagCrisis(chat, CONCERN);
		assertThat(store.state(chat)).extracting(ChatState::crisis, ChatState::severity, ChatState::kind)
			.containsExactly(true, "imminent", "suicide");
		assertThat(keys.ttl(keys.prefix() + "{ho}:chat:" + chat)).isPositive();
	}

	@Test
	void ofFiftyConcurrentClaimsExactlyOneWins() throws Exception {
		String chat = id();
		store.enqueue(chat, Urgency.NONE, 1_000, null);
		ExecutorService pool = Executors.newFixedThreadPool(16);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<ClaimOutcome>> results = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			String scout = "scout" + i;
			results.add(pool.submit(() -> {
				start.await();
				return store.claim(chat, scout, 2, 2_000);
			}));
		}
		start.countDown();
		List<ClaimOutcome> outcomes = new ArrayList<>();
		for (Future<ClaimOutcome> result : results) {
			outcomes.add(result.get());
		}
		pool.shutdown();
		assertThat(outcomes).filteredOn(o -> o == ClaimOutcome.OK).hasSize(1);
		assertThat(outcomes).filteredOn(o -> o == ClaimOutcome.TAKEN).hasSize(49);
		assertThat(store.waiting()).isEmpty();
		assertThat(store.held()).containsExactly(chat);
	}

	@Test
	void capacityTransferCloseAndRequeue() {
		String a = id();
		String b = id();
		String c = id();
		List.of(a, b, c).forEach(chat -> store.enqueue(chat, Urgency.NONE, 1_000, null).position());
		assertThat(store.claim(a, "sam", 2, 2_000)).isEqualTo(ClaimOutcome.OK);
		assertThat(store.claim(a, "sam", 2, 2_000)).isEqualTo(ClaimOutcome.MINE);
		assertThat(store.claim(b, "sam", 2, 2_000)).isEqualTo(ClaimOutcome.OK);
		assertThat(store.claim(c, "sam", 2, 2_000)).isEqualTo(ClaimOutcome.FULL);
		assertThat(store.claim(id(), "sam", 2, 2_000)).isEqualTo(ClaimOutcome.GONE);

		assertThat(store.transfer(a, "kim", "sue", 4)).as("only the holder hands over").isEqualTo(ClaimOutcome.TAKEN);
		assertThat(store.transfer(a, "sam", "sue", 4)).isEqualTo(ClaimOutcome.OK);
		assertThat(store.scoutOf(a)).isEqualTo("sue");
		assertThat(store.chatsOf("sam")).containsExactly(b);
		assertThat(store.claim(c, "sam", 2, 2_000)).as("room again").isEqualTo(ClaimOutcome.OK);

		assertThat(store.close(b, "kim")).isFalse();
		assertThat(store.close(b, "sam")).isTrue();
		assertThat(store.state(b)).isEqualTo(ChatState.NONE);

		String waiting = id();
		store.enqueue(waiting, Urgency.NONE, 500, null);
		assertThat(store.requeue(c, "sam", 9_000, Urgency.ORDINARY)).isTrue();
		assertThat(store.requeue(c, "sam", 9_000, Urgency.ORDINARY)).as("only once").isFalse();
		assertThat(store.waiting()).as("a returned chat goes to the front").startsWith(c);
		assertThat(store.chatsOf("sam")).isEmpty();
	}

	@Test
	void aWaitingUserIsToldAChangedPositionAtMostOncePerInterval() {
		String chat = id();
		store.enqueue(chat, Urgency.NONE, 1_000, null);
		assertThat(store.tell(chat, 1, 100_000, 60_000)).as("unchanged").isFalse();
		assertThat(store.tell(chat, 2, 30_000, 60_000)).as("changed, but too soon").isFalse();
		assertThat(store.tell(chat, 2, 61_000, 60_000)).isTrue();
		assertThat(store.tell(chat, 3, 62_000, 60_000)).as("just told").isFalse();
		assertThat(store.tell(chat, 3, 121_000, 60_000)).isTrue();
	}

}
