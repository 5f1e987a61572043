package org.scoutline.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scoutline.schedule.SessionDraftTestData.aSession;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scoutline.conversation.Channel;
import org.scoutline.support.RedisTestSupport.TestKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.ExDate;

/** The public feed and JSON list, and the opening rule applied to the stored schedule. */
@ScheduleIntegrationTest
class PublicScheduleTests {

	@Autowired
	TestRestTemplate http;

	@Autowired
	ObjectMapper json;

	@Autowired
	TestKeys keys;

	@Autowired
	ScheduleIntegrationTest.MovableClock clock;

	@Autowired
	LiveSessions sessions;

	LiveSession weekly;

	LiveSession safer;

	@BeforeEach
	void schedule() {
		keys.clear();
		clock.set(Instant.parse("2026-03-20T09:00:00Z"));
		weekly = sessions.create(Sessions.evenings()
			.startingAt("2026-03-17T18:00")
			.endingAt("2026-03-17T20:00")
			.repeating("FREQ=WEEKLY;BYDAY=TU,TH")
			.except("2026-04-02", "2026-04-09")
			.withScouts("anna", "ben")
			.build());
		safer = sessions.create(aSession().titled("Deepfake evening")
			.about("Deepfakes: what helps")
			.inLanguages("en")
			.onChannels("WHATSAPP")
			.inZone("Europe/London")
			.startingAt("2026-04-01T19:00")
			.endingAt("2026-04-01T20:30")
			.withScouts("carla")
			.withSupervisor("dana")
			.withMaxQueue(null)
			.withEscalationStopMinutes(null)
			.build());
	}

	@Test
	void upcomingListsTheNextOccurrencesWithOffsetsAndLiveNow() throws Exception {
		// Tuesday 18:30 in Berlin, summer time
		clock.set(Instant.parse("2026-03-31T16:30:00Z"));
		ResponseEntity<String> response = http.getForEntity("/sessions/upcoming", String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getHeaders().getCacheControl()).contains("max-age=60").contains("public");
		JsonNode upcoming = json.readTree(response.getBody());
		assertThat(upcoming).hasSize(10);
		assertThat(upcoming.get(0).get("start").asText()).isEqualTo("2026-03-31T18:00:00+02:00");
		assertThat(upcoming.get(0).get("end").asText()).isEqualTo("2026-03-31T20:00:00+02:00");
		assertThat(upcoming.get(0).get("liveNow").asBoolean()).isTrue();
		assertThat(upcoming.get(0).get("channels")).hasToString("[\"WEB\"]");
		assertThat(upcoming.get(1).get("title").asText()).isEqualTo("Deepfake evening");
		assertThat(upcoming.get(1).get("start").asText()).isEqualTo("2026-04-01T19:00:00+01:00");
		assertThat(upcoming.get(1).get("liveNow").asBoolean()).isFalse();
		// 2 and 9 April are exceptions
		assertThat(upcoming.get(2).get("start").asText()).isEqualTo("2026-04-07T18:00:00+02:00");
		assertThat(response.getBody()).doesNotContain("anna", "ben", "carla", "dana", "sam", "scouts", "supervisor");

		clock.set(Instant.parse("2026-03-31T18:00:00Z"));
		assertThat(
				json.readTree(http.getForObject("/sessions/upcoming", String.class)).get(0).get("liveNow").asBoolean())
			.isFalse();
	}

	@Test
	void upcomingFiltersByChannelAndLanguage() throws Exception {
		JsonNode whatsapp = json.readTree(http.getForObject("/sessions/upcoming?channel=whatsapp", String.class));
		assertThat(whatsapp).hasSize(1);
		assertThat(whatsapp.get(0).get("title").asText()).isEqualTo("Deepfake evening");
		JsonNode german = json.readTree(http.getForObject("/sessions/upcoming?language=de", String.class));
		assertThat(german).hasSize(10)
			.allSatisfy(o -> assertThat(o.get("title").asText()).isEqualTo("Tuesday and Thursday evenings"));
		assertThat(json.readTree(http.getForObject("/sessions/upcoming?channel=WEB&language=en", String.class)))
			.isEmpty();
		ResponseEntity<String> bad = http.getForEntity("/sessions/upcoming?channel=SMS", String.class);
		assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(json.readTree(bad.getBody()).get("error").asText()).isEqualTo("unknown_channel");
	}

	@Test
	void calendarFeedIsParsedBackByIcal4jWithZonesRulesAndExceptions() throws Exception {
		ResponseEntity<String> response = http.getForEntity("/calendar.ics", String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getHeaders().getContentType()).hasToString("text/calendar;charset=UTF-8");
		assertThat(response.getHeaders().getCacheControl()).contains("public");
		assertThat(response.getBody()).doesNotContain("anna", "carla", "dana", "sam");

		Calendar calendar = new CalendarBuilder().build(new StringReader(response.getBody()));
		assertThat(calendar.getComponents("VTIMEZONE")).hasSize(2);
		VEvent series = event(calendar, weekly.id());
		assertThat(series.getSummary().getValue()).isEqualTo("Tuesday and Thursday evenings");
		assertThat(series.getDescription().getValue()).contains("Sextortion").contains("de");
		assertThat(property(series, "DTSTART").getParameter("TZID").get().getValue()).isEqualTo("Europe/Berlin");
		assertThat(property(series, "DTSTART").getValue()).isEqualTo("20260317T180000");
		assertThat(property(series, "RRULE").getValue()).isEqualTo("FREQ=WEEKLY;BYDAY=TU,TH");
		ExDate<?> exceptions = (ExDate<?>) property(series, "EXDATE");
		assertThat(exceptions.getDates()).extracting(Object::toString)
			.allMatch(date -> date.startsWith("2026-04-02T18:00") || date.startsWith("2026-04-09T18:00"))
			.hasSize(2);

		// ical4j's own expansion of the parsed feed agrees with ours, across the spring
		// change
		ZonedDateTime from = ZonedDateTime.parse("2026-03-17T00:00+01:00[Europe/Berlin]");
		ZonedDateTime to = ZonedDateTime.parse("2026-04-17T00:00+02:00[Europe/Berlin]");
		List<Instant> theirs = series.calculateRecurrenceSet(new Period<>(from, to))
			.stream()
			.map(period -> ((ZonedDateTime) period.getStart()).toInstant())
			.sorted()
			.toList();
		List<Instant> ours = Recurrences.between(weekly, from.toInstant(), to.toInstant())
			.stream()
			.map(occurrence -> occurrence.start().toInstant())
			.toList();
		assertThat(theirs).isEqualTo(ours).hasSize(8).contains(Instant.parse("2026-03-31T16:00:00Z"));

		VEvent single = event(calendar, safer.id());
		assertThat(property(single, "DTSTART").getParameter("TZID").get().getValue()).isEqualTo("Europe/London");
		assertThat(single.getProperty("RRULE")).isEmpty();
	}

	@Test
	void anEmptyScheduleGivesAnEmptyListAndAnEmptyCalendar() throws Exception {
		keys.clear();
		assertThat(json.readTree(http.getForObject("/sessions/upcoming", String.class))).isEmpty();
		Calendar calendar = new CalendarBuilder()
			.build(new StringReader(http.getForObject("/calendar.ics", String.class)));
		assertThat(calendar.getComponents()).isEmpty();
		assertThat(calendar.getProductId().getValue()).isEqualTo("-//Scoutline//Live sessions//EN");
		OpeningDecision.Closed closed = (OpeningDecision.Closed) sessions.openingNow(Channel.WEB, name -> true, 0);
		assertThat(closed).isEqualTo(new OpeningDecision.Closed(ClosedReason.NO_SESSION, List.of()));
	}

	@Test
	void openingNowFollowsTheScheduleTheRosterAndTheQueue() {
		Predicate<String> annaCheckedIn = "anna"::equals;
		clock.set(Instant.parse("2026-03-31T16:30:00Z"));
		OpeningDecision open = sessions.openingNow(Channel.WEB, annaCheckedIn, 3);
		assertThat(open).isInstanceOf(OpeningDecision.Open.class);
		assertThat(((OpeningDecision.Open) open).capacity()).isEqualTo(2);
		assertThat(((OpeningDecision.Closed) sessions.openingNow(Channel.WEB, "carla"::equals, 0)).reason())
			.isEqualTo(ClosedReason.NO_SCOUT_CHECKED_IN);
		assertThat(((OpeningDecision.Closed) sessions.openingNow(Channel.WEB, annaCheckedIn, 10)).reason())
			.isEqualTo(ClosedReason.QUEUE_FULL);

		clock.set(Instant.parse("2026-03-31T17:55:00Z"));
		assertThat(((OpeningDecision.Closed) sessions.openingNow(Channel.WEB, annaCheckedIn, 0)).reason())
			.isEqualTo(ClosedReason.ESCALATIONS_STOPPED);

		clock.set(Instant.parse("2026-03-31T20:00:00Z"));
		OpeningDecision.Closed closed = (OpeningDecision.Closed) sessions.openingNow(Channel.WEB, annaCheckedIn, 0);
		assertThat(closed.reason()).isEqualTo(ClosedReason.NO_SESSION);
		assertThat(closed.next()).extracting(o -> o.start().toOffsetDateTime().toString())
			.containsExactly("2026-04-07T18:00+02:00", "2026-04-14T18:00+02:00", "2026-04-16T18:00+02:00");
		closed = (OpeningDecision.Closed) sessions.openingNow(Channel.WHATSAPP, annaCheckedIn, 0);
		assertThat(closed.next()).extracting(o -> o.start().toOffsetDateTime().toString())
			.containsExactly("2026-04-01T19:00+01:00");
	}

	@Test
	void aSessionIsOpenOnlyOnItsOwnChannels() {
		clock.set(Instant.parse("2026-03-31T16:30:00Z"));
		assertThat(sessions.openingNow(Channel.WEB, "anna"::equals, 0).open()).isTrue();
		OpeningDecision.Closed telegram = (OpeningDecision.Closed) sessions.openingNow(Channel.TELEGRAM, "anna"::equals,
				0);
		assertThat(telegram).isEqualTo(new OpeningDecision.Closed(ClosedReason.NO_SESSION, List.of()));
	}

	private static VEvent event(Calendar calendar, String id) {
		Optional<VEvent> event = calendar.<VEvent>getComponents("VEVENT")
			.stream()
			.filter(e -> e.getUid().map(uid -> uid.getValue().equals(id + "@scoutline")).orElse(false))
			.findFirst();
		assertThat(event).as("VEVENT with UID " + id).isPresent();
		return event.get();
	}

	private static Property property(VEvent event, String name) {
		return event.getProperty(name).orElseThrow();
	}

}
