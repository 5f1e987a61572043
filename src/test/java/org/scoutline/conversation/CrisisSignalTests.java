package org.scoutline.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * What a conversation keeps of crisis messages: the most severe one and the latest, never
 * the words.
 */
class CrisisSignalTests {

	static final Instant T1 = Instant.ofEpochMilli(1_000);

	static final Instant T2 = Instant.ofEpochMilli(2_000);

	static final Instant T3 = Instant.ofEpochMilli(3_000);

	@Test
	void theMostSevereStaysWhileTheLatestMovesOn() {
		Map<String, String> facts = new CrisisSignal("self_harm", "concern", T1).recordedIn(Map.of("age", "13_15"));
		facts = new CrisisSignal("suicide", "imminent", T2).recordedIn(facts);
		facts = new CrisisSignal("danger", "concern", T3).recordedIn(facts);
		assertThat(CrisisSignal.worst(facts)).contains(new CrisisSignal("suicide", "imminent", T2));
		assertThat(CrisisSignal.latest(facts)).contains(new CrisisSignal("danger", "concern", T3));
		assertThat(facts).containsEntry("age", "13_15");
		assertThat(new CrisisSignal("suicide", "imminent", T3).recordedIn(facts)).as("equally severe: the later one")
			.containsEntry("crisis_at", "3000");
	}

	@Test
	void aRestartKeepsWhatWasOnRecordAndNothingIsInventedWhereNothingWas() {
		Map<String, String> before = new CrisisSignal("suicide", "concern", T1).recordedIn(Map.of("country", "DE"));
		assertThat(CrisisSignal.carried(before, Map.of()))
			.containsAllEntriesOf(Map.of("crisis_kind", "suicide", "crisis_severity", "concern", "crisis_at", "1000"))
			.doesNotContainKey("country");
		assertThat(CrisisSignal.carried(Map.of("country", "DE"), Map.of("age", "u13"))).isEqualTo(Map.of("age", "u13"));
		assertThat(CrisisSignal
			.worst(Map.of("crisis_kind", "suicide", "crisis_severity", "concern", "crisis_at", "yesterday")))
			.as("a broken value is no signal")
			.isEmpty();
	}

}
