package org.scoutline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scoutline.console.AccountTestData.anAccount;
import static org.scoutline.support.ReportActivity.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scoutline.schedule.LiveSession;
import org.scoutline.schedule.LiveSessions;
import org.scoutline.schedule.Occurrence;
import org.scoutline.schedule.ScheduleIntegrationTest;
import org.scoutline.schedule.SessionDraft;
import org.scoutline.schedule.SessionDraftTestData;
import org.scoutline.support.ConsoleClient.Response;
import org.scoutline.support.ConsoleClient;
import org.scoutline.support.RedisTestSupport.TestKeys;
import org.scoutline.support.ReportActivity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The coordinators' report API: the recent occurrences' reports as JSON and CSV, one
 * report, and refusals (unknown report, bad range, not a coordinator). Data is recorded
 * through the handover's events, as the handover records it.
 */
@ScheduleIntegrationTest
class SessionReportApiTests {

	static final String API = "/console/api/sessions/reports";

	static final String TITLE = "=SUM(1,2) \"Safer\" Tag – für alle";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	TestKeys keys;

	@Autowired
	ScheduleIntegrationTest.MovableClock clock;

	@Autowired
	LiveSessions sessions;

	@Autowired
	ApplicationEventPublisher events;

	ConsoleClient coordinator;

	/** 2026-02-10 19:00-21:00 Berlin */
	Occurrence february;

	/** 2026-01-20 19:00-21:00 Berlin */
	Occurrence january;

	@BeforeEach
	void seed() {
		keys.clear();
		clock.set(Instant.parse("2026-01-05T09:00:00Z"));
		anAccount().named("coordinator").withPassword("coordinator-password-1").asCoordinator().createIn(context);
		coordinator = ConsoleClient.login(port, "coordinator", "coordinator-password-1");
		february = only(sessions.create(draft(TITLE, "2026-02-10")));
		january = only(sessions.create(draft("January evening", "2026-01-20")));

		ReportActivity evening = activity(events, february).waited(true);
		for (int i = 0; i < 6; i++) {
			evening.waited(false);
		}
		evening.refused().refused();
		for (long wait : List.of(600, 30, 120, 60, 90)) {
			evening.reached(Duration.ofSeconds(wait));
		}
		evening.gaveUp()
			.unreached()
			.closed("helped", Duration.ofMinutes(15))
			.closed("helped", Duration.ofMinutes(20))
			.closed("referred", Duration.ofMinutes(5));
		activity(events, january).refused();
		clock.set(Instant.parse("2026-02-11T09:00:00Z"));
	}

	@AfterEach
	void logout() {
		coordinator.close();
	}

	@Test
	void listsTheRecentReportsNewestFirstWithMediansAndOutcomes() {
		JsonNode list = ok(coordinator.get(API)).json();
		assertThat(list).extracting(report -> report.get("occurrence").asText())
			.containsExactly(february.key(), january.key());
		JsonNode report = list.get(0);
		assertThat(report.get("title").asText()).isEqualTo(TITLE);
		assertThat(report.get("start").asText()).isEqualTo("2026-02-10T19:00+01:00");
		assertThat(report.get("end").asText()).isEqualTo("2026-02-10T21:00+01:00");
		assertThat(report.get("escalations").asLong()).isEqualTo(9);
		assertThat(report.get("refused").asLong()).isEqualTo(2);
		assertThat(report.path("refusedBy").path("queue_full").asLong()).as("by reason").isEqualTo(2);
		assertThat(report.get("waited").asLong()).isEqualTo(7);
		assertThat(report.get("chats").asLong()).isEqualTo(5);
		assertThat(report.get("gaveUp").asLong()).isEqualTo(1);
		assertThat(report.get("unreached").asLong()).isEqualTo(1);
		assertThat(report.get("crisis").asLong()).isEqualTo(1);
		// waits 30, 60, 90, 120, 600 s: nearest-rank median 90, 90th percentile 600;
		// chats 5, 15, 20 min
		assertThat(report.get("medianWaitSeconds").asLong()).isEqualTo(90);
		assertThat(report.get("p90WaitSeconds").asLong()).isEqualTo(600);
		assertThat(report.get("medianChatSeconds").asLong()).isEqualTo(900);
		assertThat(report.get("outcomes").get("helped").asLong()).isEqualTo(2);
		assertThat(report.get("outcomes").get("referred").asLong()).isEqualTo(1);
		assertThat(list.get(1).has("medianWaitSeconds")).as("no chats, no median").isFalse();
	}

	@Test
	void theRangeCountsBackFromNowAndLeavesOutWhatHasNotStarted() {
		assertThat(ok(coordinator.get(API + "?days=10")).json()).extracting(r -> r.get("occurrence").asText())
			.containsExactly(february.key());
		Occurrence later = only(sessions.create(draft("Later", "2026-02-20")));
		activity(events, later).refused();
		assertThat(ok(coordinator.get(API + "?days=400")).json()).hasSize(2);
		clock.set(Instant.parse("2026-02-20T18:30:00Z"));
		assertThat(ok(coordinator.get(API + "?days=1")).json()).extracting(r -> r.get("occurrence").asText())
			.containsExactly(later.key());
	}

	@Test
	void oneReportByItsOccurrenceKey() {
		JsonNode report = ok(coordinator.get(API + "/" + february.key())).json();
		assertThat(report.get("occurrence").asText()).isEqualTo(february.key());
		assertThat(report.get("sessionId").asText()).isEqualTo(february.session().id());
		assertThat(report.get("chats").asLong()).isEqualTo(5);
	}

	@Test
	void oneReportAsCsvWithEscapedAndNeutralisedTitle() {
		Response csv = ok(coordinator.get(API + "/" + february.key() + "/csv"));
		assertThat(MediaType.parseMediaType(csv.headers().firstValue("Content-Type").orElseThrow()))
			.isEqualTo(MediaType.parseMediaType("text/csv;charset=UTF-8"));
		assertThat(csv.headers().firstValue("Content-Disposition"))
			.hasValue("attachment; filename=\"scoutline-report-2026-02-10.csv\"");
		assertThat(csv.body().split("\r\n")).containsExactly(
				"occurrence,title,start,end,escalations,refused,waited,gave_up,unreached,chats,crisis,"
						+ "median_wait_s,p90_wait_s,median_chat_s,refused_queue_full,outcome_helped,outcome_referred",
				february.key() + ",\"'=SUM(1,2) \"\"Safer\"\" Tag – für alle\",2026-02-10T19:00+01:00,"
						+ "2026-02-10T21:00+01:00,9,2,7,1,1,5,1,90,600,900,2,2,1");
	}

	@Test
	void theRecentReportsAsOneCsv() {
		Response csv = ok(coordinator.get(API + "/csv?days=60"));
		assertThat(csv.headers().firstValue("Content-Disposition"))
			.hasValue("attachment; filename=\"scoutline-report-2026-02-11.csv\"");
		String[] lines = csv.body().split("\r\n");
		assertThat(lines).hasSize(3);
		assertThat(lines[1]).startsWith(february.key() + ",");
		assertThat(lines[2]).isEqualTo(january.key()
				+ ",January evening,2026-01-20T19:00+01:00,2026-01-20T21:00+01:00,1,1,0,0,0,0,0,,,,1,0,0");
	}

	@Test
	void anUnknownReportIsA404InJson() {
		for (String path : List.of(API + "/" + february.session().id() + ":1", API + "/nonsense",
				API + "/" + january.session().id() + ":1/csv", API + "/%3Cscript%3E:1")) {
			Response missing = coordinator.get(path);
			assertThat(missing.status()).as(path).isEqualTo(404);
			assertThat(missing.json().get("error").asText()).isEqualTo("unknown_report");
			assertThat(missing.body()).doesNotContain("Exception");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "401", "-1", "many", "1.5", "99999999999" })
	void aBadRangeIsA400InJson(String days) {
		for (String path : List.of(API + "?days=" + days, API + "/csv?days=" + days)) {
			Response refused = coordinator.get(path);
			assertThat(refused.status()).as(path).isEqualTo(400);
			assertThat(refused.json().get("error").asText()).isEqualTo("bad_days");
			assertThat(refused.json().get("message").asText()).contains("from 1 to 400");
		}
	}

	@Test
	void onlyCoordinatorsMayReadReports() {
		try (ConsoleClient anonymous = ConsoleClient.anonymous(port)) {
			assertThat(anonymous.get(API).status()).isEqualTo(401);
			assertThat(anonymous.get(API + "/" + february.key() + "/csv").status()).isEqualTo(401);
		}
		anAccount().named("anna").withPassword("scout-password-1").asScout().createIn(context);
		try (ConsoleClient scout = ConsoleClient.login(port, "anna", "scout-password-1")) {
			for (String path : List.of(API, API + "/csv", API + "/" + february.key(),
					API + "/" + february.key() + "/csv")) {
				Response forbidden = scout.get(path);
				assertThat(forbidden.status()).as(path).isEqualTo(403);
				assertThat(forbidden.json().get("error").asText()).isEqualTo("forbidden");
			}
		}
	}

	private static Response ok(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response;
	}

	private Occurrence only(LiveSession session) {
		return sessions.occurrences(session.start().toInstant(), session.end().toInstant())
			.stream()
			.filter(occurrence -> occurrence.session().id().equals(session.id()))
			.findFirst()
			.orElseThrow();
	}

	private static SessionDraft draft(String title, String day) {
		return SessionDraftTestData.aSession()
			.titled(title)
			.onChannels("WEB")
			.startingAt(day + "T19:00")
			.endingAt(day + "T21:00")
			.withScouts("anna")
			.withSupervisor("sam")
			.withMaxQueue(10)
			.withEscalationStopMinutes(10)
			.build();
	}

}
