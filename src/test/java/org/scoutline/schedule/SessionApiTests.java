package org.scoutline.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scoutline.console.AccountTestData.anAccount;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.scoutline.support.ConsoleClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scoutline.support.RedisTestSupport.TestKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The coordinators' API: create, list, edit, cancel; every bad input refused precisely
 * with nothing saved.
 */
@ScheduleIntegrationTest
class SessionApiTests {

	static final String API = "/console/api/sessions";

	/**
	 * logged in as a coordinator through the real login form, sending the CSRF token like
	 * the console page
	 */
	TestRestTemplate http;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	ObjectMapper json;

	@Autowired
	TestKeys keys;

	@Autowired
	ScheduleIntegrationTest.MovableClock clock;

	@Autowired
	ScheduleSettings settings;

	@BeforeEach
	void emptySchedule() {
		keys.clear();
		clock.set(Instant.parse("2026-01-05T09:00:00Z"));
		anAccount().named("coordinator").withPassword("coordinator-password-1").asCoordinator().createIn(context);
		try (ConsoleClient coordinator = ConsoleClient.login(port, "coordinator", "coordinator-password-1")) {
			RestTemplateBuilder builder = new RestTemplateBuilder().rootUri("http://127.0.0.1:" + port)
				.defaultHeader(HttpHeaders.COOKIE, coordinator.cookieHeader());
			for (Map.Entry<String, String> csrf : coordinator.creds().entrySet()) {
				builder = builder.defaultHeader(csrf.getKey(), csrf.getValue());
			}
			http = new TestRestTemplate(builder);
		}
	}

	@Test
	void onlyCoordinatorsMayUseTheSessionApi() {
		TestRestTemplate anonymous = new TestRestTemplate(
				new RestTemplateBuilder().rootUri("http://127.0.0.1:" + port));
		assertThat(anonymous.getForEntity(API, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(http.getForEntity(API, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	/**
	 * @return the schedule's keys (accounts and the like are not the session API's
	 * business)
	 */
	private List<String> scheduleKeys() {
		return keys.all().stream().filter(key -> key.contains(":schedule:")).toList();
	}

	@Test
	void createsListsEditsAndCancelsASession() throws Exception {
		ResponseEntity<String> created = send(HttpMethod.POST, API, body(Map.of()));
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		JsonNode session = json.readTree(created.getBody());
		String id = session.get("id").asText();
		assertThat(created.getHeaders().getLocation()).hasToString(API + "/" + id);
		assertThat(session.get("start").asText()).isEqualTo("2026-02-10T19:00");
		assertThat(session.get("timeZone").asText()).isEqualTo("Europe/Berlin");
		assertThat(session.get("scouts")).hasToString("[\"anna\",\"ben\"]");

		ResponseEntity<String> edited = send(HttpMethod.PUT, API + "/" + id,
				body(Map.of("title", "Safer Internet Day 2026", "end", "2026-02-10T21:30")));
		assertThat(edited.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode listed = json.readTree(http.getForObject(API, String.class));
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).get("title").asText()).isEqualTo("Safer Internet Day 2026");
		assertThat(listed.get(0).get("end").asText()).isEqualTo("2026-02-10T21:30");

		assertThat(send(HttpMethod.DELETE, API + "/" + id, null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		ResponseEntity<String> gone = http.getForEntity(API + "/" + id, String.class);
		assertThat(gone.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(json.readTree(gone.getBody()).get("error").asText()).isEqualTo("unknown_session");
		assertThat(send(HttpMethod.DELETE, API + "/" + id, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(send(HttpMethod.PUT, API + "/" + id, body(Map.of())).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void settingsComeFromTheShippedConfiguration() {
		assertThat(settings.zone()).hasToString("Europe/Berlin");
		assertThat(settings.perScoutCapacity()).isEqualTo(2);
		assertThat(settings.escalationStopMinutes()).isEqualTo(10);
		assertThat(settings.lifecycleTick()).isEqualTo(Duration.ofSeconds(15));
		assertThat(settings.lifecycleEnabled()).as("off in these tests").isFalse();
	}

	@Test
	void fillsTheConfiguredDefaults() throws Exception {
		Map<String, Object> draft = body(Map.of());
		draft.remove("timeZone");
		draft.remove("maxQueueLength");
		draft.remove("escalationStopMinutes");
		JsonNode session = json.readTree(send(HttpMethod.POST, API, draft).getBody());
		assertThat(session.get("timeZone").asText()).isEqualTo("Europe/Berlin");
		assertThat(session.get("maxQueueLength").asInt()).isEqualTo(20);
		assertThat(session.get("escalationStopMinutes").asInt()).isEqualTo(10);
	}

	static Stream<Arguments> badInput() {
		return Stream.of(
				Arguments.of("end", "2026-02-10T18:00", "end",
						"must be after the start (2026-02-10T19:00), was 2026-02-10T18:00", "end_before_start"),
				Arguments.of("end", "2026-02-12T19:00", "end", "a session lasts at most 24 hours", "too_long_session"),
				Arguments.of("timeZone", "Europe/Bärlin", "timeZone", "unknown time zone 'Europe/Bärlin'",
						"unknown_zone"),
				Arguments.of("start", "10.02.2026 19:00", "start", "'10.02.2026 19:00' is not a local date and time",
						"not_local_time"),
				Arguments.of("start", "2026-03-29T02:30", "start", "2026-03-29T02:30 does not exist in Europe/Berlin",
						"skipped_local_time"),
				Arguments.of("recurrence", "FREQ=FORTNIGHTLY", "recurrence", "is not an iCalendar RRULE",
						"bad_recurrence"),
				Arguments.of("recurrence", "FREQ=MINUTELY", "recurrence", "sessions repeat at most daily, not MINUTELY",
						"recurrence_too_often"),
				Arguments.of("recurrence", "FREQ=WEEKLY;UNTIL=20261231", "recurrence", "UNTIL needs a date and time",
						"recurrence_until_day"),
				Arguments.of("recurrence", "FREQ=MONTHLY;BYDAY=TU;BYSETPOS=0", "recurrence", "Value not in range",
						"bad_recurrence"),
				Arguments.of("recurrence", "FREQ=WEEKLY;FOO=BAR", "recurrence", "Invalid recurrence rule part: FOO=BAR",
						"bad_recurrence"),
				Arguments.of("scouts", List.of("anna", "zoe"), "scouts", "unknown scout 'zoe'", "unknown_scout"),
				Arguments.of("scouts", List.of(), "scouts", "roster at least one scout", "no_scout"),
				Arguments.of("supervisor", "mallory", "supervisor", "unknown scout 'mallory'", "unknown_scout"),
				Arguments.of("title", " ", "title", "is required", "required"),
				Arguments.of("channels", List.of("WEB", "SMS"), "channels", "unknown channel 'SMS'", "bad_channel"),
				Arguments.of("languages", List.of("German"), "languages", "'German' is not a language code",
						"bad_language"),
				Arguments.of("maxQueueLength", 0, "maxQueueLength", "must be between 1 and 1000, was 0",
						"out_of_range"),
				Arguments.of("escalationStopMinutes", 120, "escalationStopMinutes",
						"escalations would stop before the session starts", "stop_before_start"),
				Arguments.of("exceptions", List.of("2026-02-17"), "exceptions",
						"only a recurring session has exceptions", "exceptions_not_recurring"),
				Arguments.of("languages", Arrays.asList("de", null), "languages", "'null' is not a language code",
						"bad_language"),
				Arguments.of("scouts", Arrays.asList("anna", null), "scouts", "a username is required",
						"username_required"),
				Arguments.of("exceptions", Arrays.asList("2026-02-17", null), "exceptions", "'null' is not a date",
						"bad_date"),
				Arguments.of("scouts", Collections.nCopies(101, "anna"), "scouts", "at most 100 entries, got 101",
						"too_many"),
				Arguments.of("channels", List.of("WEB", "WEB", "WEB", "WEB"), "channels", "at most 3 entries, got 4",
						"too_many"),
				Arguments.of("maxQueueLength", "many", "maxQueueLength", "has the wrong type (a number expected)",
						"not_a_number"),
				Arguments.of("scouts", "anna", "scouts", "has the wrong type (a list expected)", "not_a_list"));
	}

	@ParameterizedTest(name = "{0}={1} -> {3}")
	@MethodSource("badInput")
	void refusesBadInputPreciselyAndSavesNothing(String field, Object value, String problemField, String message,
			String code) throws Exception {
		ResponseEntity<String> refused = send(HttpMethod.POST, API, body(Map.of(field, value)));
		assertRefused(refused, problemField, message);
		assertThat(json.readTree(refused.getBody()).get("problems")).anySatisfy(problem -> {
			assertThat(problem.get("field").asText()).isEqualTo(problemField);
			assertThat(problem.get("message").asText()).contains(message);
			assertThat(problem.get("code").asText()).isEqualTo(code);
		});
		assertThat(scheduleKeys()).isEmpty();
	}

	@Test
	void aProblemCarriesItsCodeAndTheValuesOfItsSentence() throws Exception {
		JsonNode problem = json.readTree(send(HttpMethod.POST, API, body(Map.of("end", "2026-02-10T18:00"))).getBody())
			.get("problems")
			.get(0);
		assertThat(problem.get("field").asText()).isEqualTo("end");
		assertThat(problem.get("code").asText()).isEqualTo("end_before_start");
		assertThat(problem.get("params").get("start").asText()).isEqualTo("2026-02-10T19:00");
		assertThat(problem.get("params").get("value").asText()).isEqualTo("2026-02-10T18:00");
		assertThat(problem.get("params")).hasSize(2);
		assertThat(problem.get("message").asText())
			.isEqualTo("must be after the start (2026-02-10T19:00), was 2026-02-10T18:00");
	}

	@Test
	void refusesAnEditCompletelyAndKeepsTheOldVersion() throws Exception {
		String id = json.readTree(send(HttpMethod.POST, API, body(Map.of())).getBody()).get("id").asText();
		ResponseEntity<String> refused = send(HttpMethod.PUT, API + "/" + id,
				body(Map.of("title", "Renamed", "recurrence", "FREQ=WEEKLY;BYDAY=XX")));
		assertRefused(refused, "recurrence", "is not an iCalendar RRULE");
		assertThat(json.readTree(http.getForObject(API + "/" + id, String.class)).get("title").asText())
			.isEqualTo("Safer Internet Day");
	}

	@Test
	void listsEveryProblemAtOnce() throws Exception {
		ResponseEntity<String> refused = send(HttpMethod.POST, API, body(
				Map.of("title", "", "timeZone", "Nowhere/Else", "end", "2026-02-10T18:00", "scouts", List.of("zoe"))));
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(json.readTree(refused.getBody()).get("problems")).extracting(p -> p.get("field").asText())
			.containsExactly("title", "timeZone", "end", "scouts");
	}

	@Test
	void refusesOverlapsForTheSameRosterAcrossRecurrences() throws Exception {
		Map<String, Object> weekly = weekly(List.of("anna"), "ben", List.of("2026-03-26"));
		assertThat(send(HttpMethod.POST, API, weekly).getStatusCode()).isEqualTo(HttpStatus.CREATED);

		// Thursday 5 November, after the autumn change, 19:00-21:00 with anna: clashes
		// with 18:00-20:00
		Map<String, Object> clash = body(Map.of("start", "2026-11-05T19:00", "end", "2026-11-05T21:00", "scouts",
				List.of("anna", "carla"), "supervisor", "dana"));
		ResponseEntity<String> refused = send(HttpMethod.POST, API, clash);
		assertRefused(refused, "scouts", "overlaps 'Tuesday and Thursday evenings' (");
		assertThat(refused.getBody()).contains("on 2026-11-05 18:00 Europe/Berlin for anna");
		assertThat(json.readTree(refused.getBody()).get("problems").get(0).get("code").asText())
			.isEqualTo("overlap_scouts");
		assertThat(json.readTree(refused.getBody()).get("problems").get(0).get("params").get("people").asText())
			.isEqualTo("anna");

		// the supervisor counts too
		assertRefused(send(HttpMethod.POST, API, body(Map.of("start", "2026-11-05T19:00", "end", "2026-11-05T21:00",
				"scouts", List.of("carla"), "supervisor", "ben"))), "scouts", "for ben");
		// other people at the same time, the exception day, and right after the end are
		// fine
		assertThat(send(HttpMethod.POST, API, body(Map.of("start", "2026-11-05T19:00", "end", "2026-11-05T21:00",
				"scouts", List.of("carla"), "supervisor", "dana")))
			.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(send(HttpMethod.POST, API, body(Map.of("start", "2026-03-26T19:00", "end", "2026-03-26T21:00",
				"scouts", List.of("anna"), "supervisor", "ben")))
			.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(send(HttpMethod.POST, API, body(Map.of("start", "2026-11-10T20:00", "end", "2026-11-10T21:00",
				"scouts", List.of("anna"), "supervisor", "ben")))
			.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(json.readTree(http.getForObject(API, String.class))).hasSize(4);
	}

	@Test
	void aSeriesLongerThanItsGapIsRefused() throws Exception {
		ResponseEntity<String> refused = send(HttpMethod.POST, API,
				body(Map.of("start", "2026-02-10T08:00", "end", "2026-02-10T22:00", "recurrence", "FREQ=HOURLY")));
		assertRefused(refused, "recurrence", "at most daily");
		refused = send(HttpMethod.POST, API, body(Map.of("start", "2026-02-10T08:00", "end", "2026-02-11T07:00",
				"recurrence", "FREQ=DAILY;BYHOUR=8,20")));
		assertRefused(refused, "recurrence", "occurrences overlap each other");
		assertThat(json.readTree(refused.getBody()).get("problems").get(0).get("code").asText())
			.isEqualTo("overlap_self");
	}

	@Test
	void unreadableBodiesGetAJsonAnswer() throws Exception {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<String> broken = http.exchange(API, HttpMethod.POST, new HttpEntity<>("{\"title\": ", headers),
				String.class);
		assertThat(broken.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(json.readTree(broken.getBody()).get("error").asText()).isEqualTo("unreadable_body");
		assertThat(broken.getBody()).doesNotContain("Exception");
		ResponseEntity<String> text = http.exchange(API, HttpMethod.POST, new HttpEntity<>("hello", new HttpHeaders()),
				String.class);
		assertThat(text.getStatusCode().is4xxClientError()).isTrue();
		assertThat(scheduleKeys()).isEmpty();
	}

	private void assertRefused(ResponseEntity<String> refused, String field, String message) throws Exception {
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		JsonNode body = json.readTree(refused.getBody());
		assertThat(body.get("error").asText()).isEqualTo("invalid_session");
		assertThat(body.get("problems")).anySatisfy(problem -> {
			assertThat(problem.get("field").asText()).isEqualTo(field);
			assertThat(problem.get("message").asText()).contains(message);
		});
		assertThat(refused.getBody()).doesNotContain("Exception");
	}

	private Map<String, Object> body(Map<String, Object> changes) {
		Map<String, Object> body = new LinkedHashMap<>(
				json.convertValue(Sessions.draft(), new TypeReference<Map<String, Object>>() {
				}));
		body.putAll(changes);
		return body;
	}

	private Map<String, Object> weekly(List<String> scouts, String supervisor, List<String> exceptions) {
		return body(Map.of("title", "Tuesday and Thursday evenings", "start", "2026-01-06T18:00", "end",
				"2026-01-06T20:00", "recurrence", "FREQ=WEEKLY;BYDAY=TU,TH", "scouts", scouts, "supervisor", supervisor,
				"exceptions", exceptions));
	}

	private ResponseEntity<String> send(HttpMethod method, String path, Object body) {
		return http.exchange(path, method, body == null ? HttpEntity.EMPTY : new HttpEntity<>(body), String.class);
	}

}
