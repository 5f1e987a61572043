package org.scoutline.channel.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Work of one chat runs in order; a slow chat does not hold up the others. */
class ChatLanesTests {

	@Test
	void workOfOneChatRunsInTheOrderItWasSubmitted() throws Exception {
		List<Integer> done = new CopyOnWriteArrayList<>();
		CountDownLatch firstStarted = new CountDownLatch(1);
		CountDownLatch releaseFirst = new CountDownLatch(1);
		CountDownLatch otherChat = new CountDownLatch(1);
		try (ChatLanes lanes = new ChatLanes("test", 4)) {
			lanes.submit(42L, () -> {
				firstStarted.countDown();
				await(releaseFirst);
				done.add(0);
			});
			for (int i = 1; i < 500; i++) {
				int n = i;
				lanes.submit(42L, () -> done.add(n));
			}
			assertThat(firstStarted.await(2, TimeUnit.SECONDS)).isTrue();
			lanes.submit(43L, otherChat::countDown);
			assertThat(otherChat.await(2, TimeUnit.SECONDS)).as("another chat runs meanwhile").isTrue();
			assertThat(done).as("nothing of chat 42 overtook its first, held piece of work").isEmpty();
			releaseFirst.countDown();
		}
		assertThat(done).containsExactlyElementsOf(IntStream.range(0, 500).boxed().toList());
	}

	@Test
	void aBlockedChatDoesNotHoldUpAnotherAndFailuresDoNotStopALane() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch other = new CountDownLatch(1);
		CountDownLatch after = new CountDownLatch(1);
		try (ChatLanes lanes = new ChatLanes("test", 2)) {
			lanes.submit(0L, () -> await(release));
			lanes.submit(1L, () -> {
				throw new IllegalStateException("boom");
			});
			lanes.submit(1L, other::countDown);
			assertThat(other.await(2, TimeUnit.SECONDS)).as("chat 1 ran while chat 0 was blocked").isTrue();
			lanes.submit(0L, after::countDown);
			assertThat(after.await(200, TimeUnit.MILLISECONDS)).as("chat 0 waits for its own work").isFalse();
			release.countDown();
			assertThat(after.await(2, TimeUnit.SECONDS)).isTrue();
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
