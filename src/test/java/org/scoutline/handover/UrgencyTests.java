package org.scoutline.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.scoutline.conversation.CrisisSignal;
import org.scoutline.safety.CrisisDetector.Screening;
import org.scoutline.safety.CrisisKind;
import org.scoutline.safety.Severity;

/**
 * How urgent a chat is in the queue: imminent danger, then crisis, then everyone else.
 */
class UrgencyTests {

	@Test
	void theScreeningDecidesTheBandAndNamesKindAndSeverity() {
		assertThat(Urgency.of(Screening.NONE)).isEqualTo(Urgency.NONE);
		assertThat(Urgency.of(new Screening(Set.of(CrisisKind.SELF_HARM), Severity.CONCERN)))
			.isEqualTo(new Urgency(Urgency.CRISIS, "self_harm", "concern"));
		Urgency imminent = Urgency
			.of(new Screening(Set.of(CrisisKind.SELF_HARM, CrisisKind.DANGER), Severity.IMMINENT));
		assertThat(imminent).isEqualTo(new Urgency(Urgency.IMMINENT, "danger", "imminent"));
		assertThat(imminent.crisis()).isTrue();
		assertThat(imminent.imminent()).isTrue();
		assertThat(Urgency.NONE.crisis()).isFalse();
	}

	@Test
	void anEarlierCrisisMessageCountsAndTheMoreUrgentWins() {
		Urgency kept = Urgency.of(new CrisisSignal("suicide", "imminent", Instant.EPOCH));
		Urgency now = Urgency.of(new Screening(Set.of(CrisisKind.SELF_HARM), Severity.CONCERN));
		assertThat(now.or(kept)).isEqualTo(kept);
		assertThat(kept.or(now)).isEqualTo(kept);
		assertThat(Urgency.NONE.or(Urgency.of(new CrisisSignal("danger", "concern", Instant.EPOCH))).band())
			.isEqualTo(Urgency.CRISIS);
	}

	@Test
	void aChatStoredBeforeBandsKeepsItsPlace() {
		assertThat(ChatState.of(Map.of("crisis", "1")).band()).isEqualTo(Urgency.CRISIS);
		assertThat(ChatState.of(Map.of("crisis", "0")).band()).isEqualTo(Urgency.ORDINARY);
		assertThat(ChatState.of(Map.of("band", "0", "crisis", "1")).band()).isEqualTo(Urgency.IMMINENT);
		assertThat(ChatState.of(Map.of("band", "9")).band()).isEqualTo(Urgency.ORDINARY);
	}

}
