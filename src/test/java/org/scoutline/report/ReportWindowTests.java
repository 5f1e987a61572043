package org.scoutline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scoutline.support.ReportActivity.activity;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scoutline.schedule.LiveSession;
import org.scoutline.schedule.LiveSessions;
import org.scoutline.schedule.Occurrence;
import org.scoutline.schedule.ScheduleIntegrationTest;
import org.scoutline.schedule.SessionDraft;
import org.scoutline.schedule.SessionDraftTestData;
import org.scoutline.support.RedisTestSupport.TestKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/**
 * A report's time range is the occurrence's window as it ran: the times the coordinator
 * saved last, also when they were edited while it ran, and cut at the moment it was
 * cancelled. The list of sessions and the report never disagree.
 */
@ScheduleIntegrationTest
class ReportWindowTests {

	@Autowired
	TestKeys keys;

	@Autowired
	ScheduleIntegrationTest.MovableClock clock;

	@Autowired
	LiveSessions sessions;

	@Autowired
	SessionReports reports;

	@Autowired
	ApplicationEventPublisher events;

	@BeforeEach
	void clean() {
		keys.clear();
		clock.set(Instant.parse("2026-03-03T11:00:00Z"));
	}

	@Test
	void anEndEditedWhileTheSessionRunsIsTheReportsEnd() {
		LiveSession session = sessions.create(draft("13:18", "15:23"));
		clock.set(Instant.parse("2026-03-03T12:20:00Z"));
		Occurrence running = only(session);
		activity(events, running).waited(false);
		assertThat(window(running)).isEqualTo("2026-03-03T13:18+01:00 2026-03-03T15:23+01:00");

		sessions.update(session.id(), draft("13:18", "13:28"));

		assertThat(window(running)).as("the window the sessions list shows: 13:18–13:28")
			.isEqualTo("2026-03-03T13:18+01:00 2026-03-03T13:28+01:00");
	}

	@Test
	void aSessionCancelledWhileItRunsEndsWhenItWasCancelled() {
		LiveSession session = sessions.create(draft("13:18", "15:23"));
		clock.set(Instant.parse("2026-03-03T12:20:00Z"));
		Occurrence running = only(session);
		activity(events, running).waited(false);
		clock.set(Instant.parse("2026-03-03T12:41:30Z"));

		sessions.cancel(session.id());

		assertThat(window(running)).isEqualTo("2026-03-03T13:18+01:00 2026-03-03T13:41:30+01:00");
	}

	@Test
	void aSessionEditedBeforeItStartsReportsTheNewTimes() {
		LiveSession session = sessions.create(draft("13:18", "15:23"));
		sessions.update(session.id(), draft("13:18", "14:00"));
		clock.set(Instant.parse("2026-03-03T12:20:00Z"));
		Occurrence running = only(sessions.find(session.id()).orElseThrow());
		activity(events, running).waited(false);

		assertThat(window(running)).isEqualTo("2026-03-03T13:18+01:00 2026-03-03T14:00+01:00");
	}

	@Test
	void anEditOfAnotherFieldKeepsTheWindowAndTheTitleItRanUnder() {
		LiveSession session = sessions.create(draft("13:18", "15:23"));
		clock.set(Instant.parse("2026-03-03T12:20:00Z"));
		Occurrence running = only(session);
		activity(events, running).waited(false);

		sessions.update(session.id(),
				SessionDraftTestData.aSession()
					.titled("Renamed")
					.onChannels("WEB")
					.startingAt("2026-03-03T13:18")
					.endingAt("2026-03-03T15:23")
					.withScouts("anna", "ben")
					.withSupervisor("sam")
					.build());

		SessionReport report = reports.report(running.key()).orElseThrow();
		assertThat(window(running)).isEqualTo("2026-03-03T13:18+01:00 2026-03-03T15:23+01:00");
		assertThat(report.waited()).isEqualTo(1);
	}

	private String window(Occurrence occurrence) {
		ReportView report = ReportView.of(reports.report(occurrence.key()).orElseThrow());
		return report.start() + " " + report.end();
	}

	private Occurrence only(LiveSession session) {
		return sessions.occurrences(session.start().toInstant(), session.end().toInstant())
			.stream()
			.filter(occurrence -> occurrence.session().id().equals(session.id()))
			.findFirst()
			.orElseThrow();
	}

	private static SessionDraft draft(String from, String to) {
		return SessionDraftTestData.aSession()
			.titled("Afternoon")
			.onChannels("WEB")
			.startingAt("2026-03-03T" + from)
			.endingAt("2026-03-03T" + to)
			.withScouts("anna")
			.withSupervisor("sam")
			.build();
	}

}
