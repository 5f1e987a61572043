package org.scoutline.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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
 * The offer scripts against the real Redis: one live offer per chat and per scout,
 * rounds, and exactly one scout with the chat when an accept races a claim by hand,
 * another accept or the offer's expiry.
 */
@IntegrationTest
// no sweeper and no offers of the app's own between the steps
@TestPropertySource(properties = { "scoutline.handover.sweep=1h", "scoutline.handover.assignment=claim" })
class OfferStoreTests {

	@Autowired
	HandoverStore store;

	@Autowired
	OfferStore offers;

	@Autowired
	TestKeys keys;

	@BeforeEach
	void startClean() {
		keys.clear();
	}

	private String waiting() {
		String id = ConversationId.random().value();
		store.enqueue(id, Urgency.NONE, System.currentTimeMillis(), null);
		return id;
	}

	@Test
	void oneLiveOfferPerChatAndPerScoutAndNeverTwiceInARound() {
		String first = waiting();
		String second = waiting();
		assertThat(offers.offer(first, "ann", 2, 30_000, false)).isEqualTo("ok");
		assertThat(offers.offered("ann")).isEqualTo(first);
		assertThat(offers.remainingMillis("ann")).isBetween(1L, 30_000L);
		assertThat(offers.offer(first, "bob", 2, 30_000, false)).as("its offer is live").isEqualTo("busy");
		assertThat(offers.offer(second, "ann", 2, 30_000, false)).as("one offer at a time").isEqualTo("offered");

		assertThat(offers.decline(first, "ann", true)).isTrue();
		assertThat(offers.offered("ann")).as("paused until the offer would have run out").isEqualTo("-");
		assertThat(offers.offer(second, "ann", 2, 30_000, false)).isEqualTo("offered");
		assertThat(offers.offer(first, "bob", 2, 30_000, false)).as("declined: free for the next").isEqualTo("ok");
		assertThat(offers.tried(first)).containsExactly("ann", "bob");
		offers.decline(first, "bob", false);
		assertThat(offers.offered("bob")).isNull();
		assertThat(offers.offer(first, "bob", 2, 30_000, false)).as("bob had it in this round").isEqualTo("tried");
		assertThat(offers.offer(first, "bob", 2, 30_000, true)).as("a new round").isEqualTo("ok");
		assertThat(offers.tried(first)).containsExactly("bob");
	}

	@Test
	void noOfferToAScoutWithoutRoomOrForAChatThatNoLongerWaits() {
		String held = waiting();
		assertThat(store.claim(held, "ann", 1, System.currentTimeMillis())).isEqualTo(ClaimOutcome.OK);
		assertThat(offers.offer(waiting(), "ann", 1, 30_000, false)).isEqualTo("full");
		assertThat(offers.offer(held, "bob", 2, 30_000, false)).isEqualTo("gone");
		assertThat(offers.offered("bob")).isNull();
	}

	@Test
	void anAcceptHoldsOnlyWhileTheOfferDoes() {
		String id = waiting();
		assertThat(offers.accept(id, "ann", 2, System.currentTimeMillis())).as("never offered").isEqualTo("expired");
		offers.offer(id, "ann", 2, 150, false);
		assertThat(offers.accept(id, "bob", 2, System.currentTimeMillis())).as("not bob's").isEqualTo("expired");
		await().atMost(Duration.ofSeconds(5)).until(() -> offers.offered("ann") == null);
		assertThat(offers.accept(id, "ann", 2, System.currentTimeMillis())).isEqualTo("expired");
		assertThat(store.position(id)).as("still waiting").isEqualTo(1);

		assertThat(offers.offer(id, "bob", 2, 30_000, false)).isEqualTo("ok");
		assertThat(offers.accept(id, "bob", 2, System.currentTimeMillis())).isEqualTo("ok");
		assertThat(store.scoutOf(id)).isEqualTo("bob");
		assertThat(store.chatsOf("bob")).containsExactly(id);
		assertThat(store.held()).containsExactly(id);
		assertThat(store.position(id)).isZero();
		assertThat(offers.offered("bob")).as("the offer is used up").isNull();
		assertThat(offers.accept(id, "bob", 2, System.currentTimeMillis())).isEqualTo("mine");
		assertThat(store.claim(id, "cat", 2, System.currentTimeMillis())).isEqualTo(ClaimOutcome.TAKEN);
	}

	@Test
	void anAcceptRacingClaimsByHandGivesTheChatToExactlyOneScout() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			for (int round = 0; round < 20; round++) {
				String id = waiting();
				offers.offer(id, "ann", 2, 30_000, false);
				CountDownLatch start = new CountDownLatch(1);
				List<Future<String>> results = new ArrayList<>();
				results.add(pool.submit(() -> {
					start.await();
					return "ann:" + offers.accept(id, "ann", 20, System.currentTimeMillis());
				}));
				for (int i = 0; i < 7; i++) {
					String scout = "hand" + i;
					results.add(pool.submit(() -> {
						start.await();
						return scout + ":"
								+ store.claim(id, scout, 20, System.currentTimeMillis()).name().toLowerCase();
					}));
				}
				start.countDown();
				List<String> outcomes = new ArrayList<>();
				for (Future<String> result : results) {
					outcomes.add(result.get());
				}
				assertThat(outcomes).filteredOn(o -> o.endsWith(":ok")).hasSize(1);
				String winner = outcomes.stream()
					.filter(o -> o.endsWith(":ok"))
					.findFirst()
					.orElseThrow()
					.split(":")[0];
				assertThat(store.scoutOf(id)).isEqualTo(winner);
				assertThat(store.position(id)).isZero();
			}
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void anAcceptRacingTheExpiryAndTheNextOfferGivesTheChatToExactlyOneScout() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			int annWon = 0;
			for (int round = 0; round < 30; round++) {
				String id = waiting();
				assertThat(offers.offer(id, "ann", 2, 25, false)).isEqualTo("ok");
				long offeredAt = System.nanoTime();
				long acceptAt = offeredAt + Duration.ofMillis(15 + round % 20).toNanos();
				Future<String> ann = pool.submit(() -> {
					while (System.nanoTime() < acceptAt) {
						Thread.onSpinWait();
					}
					return offers.accept(id, "ann", 2, System.currentTimeMillis());
				});
				Future<String> bob = pool.submit(() -> {
					// the next instance's round: offers the chat to bob as soon as ann's
					// offer has lapsed, and bob accepts at once
					long end = System.nanoTime() + Duration.ofSeconds(2).toNanos();
					while (System.nanoTime() < end) {
						String offer = offers.offer(id, "bob", 2, 30_000, false);
						if (offer.equals("ok")) {
							return offers.accept(id, "bob", 2, System.currentTimeMillis());
						}
						if (offer.equals("gone")) {
							return "gone";
						}
					}
					return "no offer";
				});
				String annGot = ann.get();
				String bobGot = bob.get();
				assertThat(List.of(annGot, bobGot)).as("round %d", round).containsOnlyOnce("ok");
				// the loser was too late (ann: expired, or taken by bob) or found the
				// chat
				// gone (bob: ann had it first)
				assertThat(annGot.equals("ok") ? bobGot : annGot).isIn("gone", "expired", "taken");
				String winner = annGot.equals("ok") ? "ann" : "bob";
				annWon += winner.equals("ann") ? 1 : 0;
				assertThat(store.scoutOf(id)).isEqualTo(winner);
				assertThat(store.chatsOf(winner.equals("ann") ? "bob" : "ann")).doesNotContain(id);
				store.close(id, winner);
			}
			assertThat(annWon).as("both sides of the race happened").isBetween(1, 29);
		}
		finally {
			pool.shutdown();
		}
	}

}
