package org.scoutline.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The opening rule as a table: time within the session, scouts checked in, queue length
 * -> open or why not.
 */
class OpeningRuleTests {

	// 2026-02-10 19:00-21:00 Berlin (18:00-20:00 UTC), queue at most 5, escalations stop
	// 10 minutes before the end
	static final Occurrence TONIGHT = new Occurrence(
			Sessions.session("s1", LocalDateTime.parse("2026-02-10T19:00"), LocalDateTime.parse("2026-02-10T21:00"),
					null),
			LocalDateTime.parse("2026-02-10T19:00").atZone(Sessions.BERLIN),
			LocalDateTime.parse("2026-02-10T21:00").atZone(Sessions.BERLIN));

	static final List<Occurrence> LATER = Stream.of(12, 17, 19, 24)
		.map(day -> LocalDateTime.parse("2026-02-%02dT19:00".formatted(day)))
		.map(start -> new Occurrence(TONIGHT.session(), start.atZone(Sessions.BERLIN),
				start.plusHours(2).atZone(Sessions.BERLIN)))
		.toList();

	final OpeningRule rule = new OpeningRule(2);

	static Stream<Arguments> cases() {
		return Stream.of(
				// utc time, live occurrence?, checked-in rostered scouts, queue, expected
				// (capacity or reason)
				Arguments.of("18:00:00", true, 1, 0, "OPEN 2"), Arguments.of("18:00:00", true, 3, 4, "OPEN 6"),
				Arguments.of("19:49:59", true, 2, 0, "OPEN 4"),
				Arguments.of("19:50:00", true, 2, 0, "ESCALATIONS_STOPPED"),
				Arguments.of("19:59:59", true, 2, 0, "ESCALATIONS_STOPPED"),
				Arguments.of("20:00:00", true, 2, 0, "NO_SESSION"), Arguments.of("17:59:59", true, 2, 0, "NO_SESSION"),
				Arguments.of("18:30:00", false, 2, 0, "NO_SESSION"),
				Arguments.of("18:30:00", true, 0, 0, "NO_SCOUT_CHECKED_IN"),
				Arguments.of("18:30:00", true, 1, 4, "OPEN 2"), Arguments.of("18:30:00", true, 1, 5, "QUEUE_FULL"),
				Arguments.of("18:30:00", true, 0, 5, "NO_SCOUT_CHECKED_IN"),
				Arguments.of("19:55:00", true, 0, 9, "ESCALATIONS_STOPPED"));
	}

	@ParameterizedTest(name = "{0} UTC live={1} scouts={2} queue={3} -> {4}")
	@MethodSource("cases")
	void decides(String utcTime, boolean live, int scouts, int queue, String expected) {
		Instant now = Instant.parse("2026-02-10T" + utcTime + "Z");
		List<Occurrence> upcoming = Stream.concat(Stream.of(TONIGHT), LATER.stream()).toList();
		OpeningDecision decision = rule.decide(now, live ? Optional.of(TONIGHT) : Optional.empty(), scouts, queue,
				upcoming);
		assertThat(describe(decision)).isEqualTo(expected);
		if (decision instanceof OpeningDecision.Closed closed) {
			assertThat(closed.next()).hasSize(3).allMatch(o -> o.start().toInstant().isAfter(now));
			assertThat(closed.next().get(0).start().toLocalDate())
				.hasToString(now.isBefore(TONIGHT.start().toInstant()) ? "2026-02-10" : "2026-02-12");
		}
	}

	@Test
	void offersFewerThanThreeWhenNoMoreAreScheduled() {
		OpeningDecision decision = rule.decide(Instant.parse("2026-02-11T12:00:00Z"), Optional.empty(), 0, 0,
				List.of(LATER.get(0)));
		assertThat(decision).isEqualTo(new OpeningDecision.Closed(ClosedReason.NO_SESSION, List.of(LATER.get(0))));
		assertThat(rule.decide(Instant.parse("2026-03-01T12:00:00Z"), Optional.empty(), 0, 0, List.of()))
			.isEqualTo(new OpeningDecision.Closed(ClosedReason.NO_SESSION, List.of()));
	}

	@Test
	void capacityFollowsTheConfiguredChatsPerScout() {
		OpeningDecision decision = new OpeningRule(3).decide(Instant.parse("2026-02-10T18:30:00Z"),
				Optional.of(TONIGHT), 2, 0, List.of());
		assertThat(decision).isEqualTo(new OpeningDecision.Open(TONIGHT, 6));
		assertThat(decision.open()).isTrue();
		assertThatThrownBy(() -> new OpeningRule(0)).isInstanceOf(IllegalArgumentException.class);
	}

	private static String describe(OpeningDecision decision) {
		if (decision instanceof OpeningDecision.Open open) {
			return "OPEN " + open.capacity();
		}
		return ((OpeningDecision.Closed) decision).reason().name();
	}

}
