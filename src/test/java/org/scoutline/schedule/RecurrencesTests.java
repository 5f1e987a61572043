package org.scoutline.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Occurrences from RRULE and EXDATE in the session's zone, across Europe/Berlin's
 * daylight-saving changes.
 */
class RecurrencesTests {

	@Test
	void weeklyEveningStaysAtSixLocalAcrossTheSpringChange() {
		// clocks go forward on Sunday 2026-03-29: 18:00 is 17:00 UTC before and 16:00 UTC
		// after
		LiveSession tuesdays = Sessions.session("s", LocalDateTime.parse("2026-03-17T18:00"),
				LocalDateTime.parse("2026-03-17T20:00"), "FREQ=WEEKLY;BYDAY=TU,TH");
		List<Occurrence> occurrences = Recurrences.between(tuesdays, Instant.parse("2026-03-24T00:00:00Z"),
				Instant.parse("2026-04-03T00:00:00Z"));
		assertThat(occurrences).extracting(o -> o.start().toInstant().toString())
			.containsExactly("2026-03-24T17:00:00Z", "2026-03-26T17:00:00Z", "2026-03-31T16:00:00Z",
					"2026-04-02T16:00:00Z");
		assertThat(occurrences).allSatisfy(o -> {
			assertThat(o.start().toLocalTime()).hasToString("18:00");
			assertThat(o.end().toLocalTime()).hasToString("20:00");
			assertThat(o.start().getZone()).isEqualTo(Sessions.BERLIN);
		});
	}

	@Test
	void weeklyEveningStaysAtSixLocalAcrossTheAutumnChange() {
		// clocks go back on Sunday 2026-10-25: 18:00 is 16:00 UTC before and 17:00 UTC
		// after
		LiveSession tuesdays = Sessions.session("s", LocalDateTime.parse("2026-10-20T18:00"),
				LocalDateTime.parse("2026-10-20T20:00"), "FREQ=WEEKLY;BYDAY=TU,TH");
		assertThat(Recurrences.between(tuesdays, Instant.parse("2026-10-20T00:00:00Z"),
				Instant.parse("2026-10-30T00:00:00Z")))
			.extracting(o -> o.start().toInstant().toString())
			.containsExactly("2026-10-20T16:00:00Z", "2026-10-22T16:00:00Z", "2026-10-27T17:00:00Z",
					"2026-10-29T17:00:00Z");
	}

	@Test
	void aSessionAcrossTheChangeNightLastsItsWallClockHours() {
		// 2026-10-24 22:00 to 2026-10-25 04:00 local is 7 real hours (the hour
		// 02:00-03:00 happens twice)
		LiveSession night = Sessions.session("n", LocalDateTime.parse("2026-10-24T22:00"),
				LocalDateTime.parse("2026-10-25T04:00"), null);
		Occurrence occurrence = Recurrences
			.between(night, Instant.parse("2026-10-24T00:00:00Z"), Instant.parse("2026-10-26T00:00:00Z"))
			.get(0);
		assertThat(occurrence.end().toInstant()).isEqualTo(Instant.parse("2026-10-25T03:00:00Z"));
	}

	@Test
	void exceptionsLeaveOutWholeDays() {
		LiveSession series = Sessions.session("s", LocalDateTime.parse("2026-12-01T18:00"),
				LocalDateTime.parse("2026-12-01T20:00"), "FREQ=WEEKLY;BYDAY=TU,TH", LocalDate.parse("2026-12-24"),
				LocalDate.parse("2026-12-29"));
		assertThat(Recurrences.between(series, Instant.parse("2026-12-20T00:00:00Z"),
				Instant.parse("2027-01-02T00:00:00Z")))
			.extracting(o -> o.start().toLocalDate().toString())
			.containsExactly("2026-12-22", "2026-12-31");
	}

	@Test
	void theFirstStartCountsEvenOffTheRuleAndCountLimitsTheSeries() {
		// starts on a Monday, then Tuesdays; COUNT=3 includes the first start (RFC 5545)
		LiveSession series = Sessions.session("s", LocalDateTime.parse("2026-05-04T18:00"),
				LocalDateTime.parse("2026-05-04T19:00"), "FREQ=WEEKLY;BYDAY=TU;COUNT=3");
		assertThat(Recurrences.between(series, Instant.parse("2026-05-01T00:00:00Z"),
				Instant.parse("2026-07-01T00:00:00Z")))
			.extracting(o -> o.start().toLocalDate().toString())
			.containsExactly("2026-05-04", "2026-05-05", "2026-05-12");
	}

	@Test
	void untilInUtcEndsTheSeriesAndAnOccurrenceRunningAtTheWindowStartIsIncluded() {
		LiveSession series = Sessions.session("s", LocalDateTime.parse("2026-06-01T18:00"),
				LocalDateTime.parse("2026-06-01T20:00"), "RRULE:FREQ=DAILY;UNTIL=20260603T235959Z");
		assertThat(Recurrences.between(series, Instant.parse("2026-06-01T17:00:00Z"),
				Instant.parse("2026-06-30T00:00:00Z")))
			.extracting(Occurrence::start)
			.extracting(ZonedDateTime::toLocalDate)
			.extracting(LocalDate::toString)
			.containsExactly("2026-06-01", "2026-06-02", "2026-06-03");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "FREQ=SOMETIMES|not an iCalendar RRULE", "every tuesday|not an iCalendar RRULE",
					"FREQ=WEEKLY;BYDAY=XY|not an iCalendar RRULE", "FREQ=HOURLY|sessions repeat at most daily",
					"FREQ=WEEKLY;INTERVAL=0|INTERVAL must be 1 or more",
					"FREQ=DAILY;COUNT=3;UNTIL=20260601T000000Z|COUNT and UNTIL cannot both be given" })
	void refusesBadRules(String rule, String message) {
		assertThatThrownBy(() -> Recurrences.parse(rule)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining(message);
	}

}
