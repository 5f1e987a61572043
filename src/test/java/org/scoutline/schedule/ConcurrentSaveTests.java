package org.scoutline.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.scoutline.support.RedisTestSupport.TestKeys;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Clashing sessions saved at the same moment: the overlap check and the write are one
 * step, so only one wins.
 */
@ScheduleIntegrationTest
class ConcurrentSaveTests {

	@Autowired
	LiveSessions sessions;

	@Autowired
	TestKeys keys;

	@Autowired
	ScheduleIntegrationTest.MovableClock clock;

	@Test
	void ofEightClashingSessionsSavedTogetherExactlyOneIsKept() throws Exception {
		keys.clear();
		clock.set(Instant.parse("2026-01-05T09:00:00Z"));
		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Boolean>> saves = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			String start = "2026-02-10T19:" + (10 + i);
			saves.add(pool.submit(() -> {
				go.await();
				try {
					sessions.create(Sessions.evenings()
						.startingAt(start)
						.endingAt("2026-02-10T21:00")
						.withScouts("anna")
						.build());
					return true;
				}
				catch (InvalidSessionException refused) {
					assertThat(refused.problems()).extracting(SessionProblem::field).containsOnly("scouts");
					return false;
				}
			}));
		}
		go.countDown();
		int kept = 0;
		for (Future<Boolean> save : saves) {
			kept += save.get() ? 1 : 0;
		}
		pool.shutdown();
		assertThat(kept).isEqualTo(1);
		assertThat(sessions.all()).hasSize(1);
	}

}
