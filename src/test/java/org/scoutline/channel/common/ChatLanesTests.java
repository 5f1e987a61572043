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
		try (ChatLanes lanes = new ChatLanes("test", 4)) {
			for (int i = 0; i < 500; i++) {
				int n = i;
				lanes.submit(42L, () -> {
					if (n % 50 == 0) {
						sleep(2);
					}
					done.add(n);
				});
			}
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

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
