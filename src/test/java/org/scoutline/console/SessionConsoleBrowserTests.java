package org.scoutline.console;

import static org.scoutline.support.ReportActivity.activity;
import org.scoutline.support.ReportActivity;
import org.springframework.context.ApplicationEventPublisher;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.scoutline.schedule.SessionDraftTestData.aSession;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scoutline.schedule.LiveSession;
import org.scoutline.schedule.LiveSessions;
import org.scoutline.schedule.Occurrence;
import org.scoutline.support.Axe;
import org.scoutline.support.Browser;
import org.scoutline.support.ConsoleClient;
import org.scoutline.support.IntegrationTest;
import org.scoutline.support.RequiresChromium;
import org.scoutline.support.Widget;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

/**
 * The coordinators' "Live sessions" part of the console in a real browser: planning a
 * session through the form (with a refused entry shown by its field), editing and
 * cancelling it, a scout on that session's roster making the hotline reachable from the
 * widget, and the report view with its chart and CSV download.
 */
@IntegrationTest
@RequiresChromium
@TestPropertySource(properties = { "scoutline.handover.heartbeat=300ms", "scoutline.webchat.schedule-refresh=1s" })
class SessionConsoleBrowserTests {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	final com.microsoft.playwright.Browser browser = Browser.shared();

	@Autowired
	Accounts accounts;

	@Autowired
	LiveSessions sessions;

	@Autowired
	ApplicationEventPublisher events;

	@LocalServerPort
	int port;

	BrowserContext coordinatorContext;

	BrowserContext scoutContext;

	BrowserContext userContext;

	Page console;

	@BeforeEach
	void contexts() {
		// the bootstrap coordinator again, if an earlier class cleared the keys
		accounts.run(null);
		sessions.all().forEach(session -> sessions.cancel(session.id()));
		// accounts only: no live session is rostered for them here (the tests plan their
		// own)
		accounts.create("tess", Staff.PASSWORD, "Tess", Role.SCOUT);
		accounts.create("vera", Staff.PASSWORD, "Vera", Role.SUPERVISOR);
		coordinatorContext = context(1280, 1000);
		scoutContext = context(1280, 900);
		userContext = context(390, 844);
		console = coordinatorContext.newPage();
		logIn(console, Staff.ADMIN, Staff.ADMIN_PASSWORD);
		assertThat(console.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Live sessions")))
			.isVisible();
	}

	@AfterEach
	void close() {
		coordinatorContext.close();
		scoutContext.close();
		userContext.close();
	}

	@Test
	void aCoordinatorPlansASessionInTheFormAndARosteredScoutOnDutyCanBeReached() {
		planEveningChatThroughTheForm();

		Page scout = scoutContext.newPage();
		logIn(scout, "tess", Staff.PASSWORD);
		assertThat(scout.locator("#status")).containsText("On duty");
		assertThat(scout.locator("#sessions-section")).isHidden();

		Page user = userContext.newPage();
		user.navigate("/");
		Locator log = Widget.chat(user).getByRole(AriaRole.LOG);
		assertThat(log).containsText("anonym");
		Widget.chat(user).locator("#scoutline-choices button.sl-choice[data-choice='de']").click();
		Widget.chat(user)
			.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Mit einem Scout reden"))
			.click();
		assertThat(log).containsText("Warteschlange auf Platz 1");
	}

	/**
	 * The browser test: a young person has the widget open while nothing is live;
	 * a coordinator plans a session running now in the console, its rostered scout logs
	 * in, and the widget's live line switches to "Live now" without a reload (pushed over
	 * the widget's socket every {@code scoutline.webchat.schedule-refresh}).
	 */
	@Test
	void theWidgetSwitchesToLiveNowWhenACoordinatorPlansASessionAndItsScoutChecksIn() {
		Page user = userContext.newPage();
		user.navigate("/");
		Locator live = Widget.chat(user).locator(".scoutline-live");
		assertThat(live).hasAttribute("data-state", "closed",
				new LocatorAssertions.HasAttributeOptions().setTimeout(10_000));

		planEveningChatThroughTheForm();
		Page scout = scoutContext.newPage();
		logIn(scout, "tess", Staff.PASSWORD);
		assertThat(scout.locator("#status")).containsText("On duty");

		assertThat(live).hasAttribute("data-state", "open",
				new LocatorAssertions.HasAttributeOptions().setTimeout(10_000));
		assertThat(live).hasAttribute("role", "status");
		assertThat(live).containsText(Pattern.compile("Live now|Jetzt live"));
	}

	@Test
	void aSessionIsEditedAndCancelledOnlyAfterAConfirmationInThePage() {
		sessions.create(aSession().startingMinutesFromNow(24 * 60)
			.endingMinutesFromNow(26 * 60)
			.withScouts("tess")
			.withSupervisor("vera")
			.withMaxQueue(20)
			.build());
		console.reload();
		Locator list = console.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Planned sessions"));
		assertThat(list).containsText("Test evening");
		assertThat(list).containsText("Scouts: Tess (tess) · Supervisor: Vera (vera)");

		console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit Test evening")).click();
		assertThat(console.getByLabel("Title")).hasValue("Test evening");
		assertThat(console.getByLabel("Telegram")).isChecked();
		console.getByLabel("Title").fill("Renamed evening");
		console.getByLabel("Every week").check();
		assertThat(console.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("On these days"))
			.getByRole(AriaRole.CHECKBOX, new Locator.GetByRoleOptions().setChecked(true))).hasCount(1);
		console.getByLabel("Tuesday").check();
		console.getByLabel("Thursday").check();
		console.getByLabel("Last day (optional)").fill("2027-06-30");
		console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
		assertThat(console.locator("#status")).containsText("Session saved: Renamed evening");
		assertThat(list).containsText("Renamed evening");
		assertThat(list).containsText("until Wed 30 Jun 2027");
		assertThat(list).containsText(Pattern.compile("Every week on [A-Za-z, ]*Tuesday[A-Za-z, ]* and "));

		console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel session Renamed evening"))
			.click();
		console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("No, keep it")).click();
		assertThat(list).containsText("Renamed evening");
		assertThat(sessions.all()).hasSize(1);
		console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel session Renamed evening"))
			.click();
		console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, cancel")).click();
		assertThat(console.locator("#status")).containsText("Session cancelled");
		assertThat(console.locator("#s-empty")).isVisible();
		assertThat(sessions.all()).isEmpty();
	}

	@Test
	void theReportOfARecentSessionShowsAChartWithItsNumbersAndDownloadsAsCsv() throws Exception {
		LiveSession session = sessions.create(aSession().titled("<b>Evening</b> & \"friends\"")
			.about("")
			.inLanguages("de")
			.onChannels("WEB")
			.startingMinutesFromNow(-180)
			.endingMinutesFromNow(-60)
			.withScouts("tess")
			.withSupervisor("vera")
			.withMaxQueue(20)
			.withEscalationStopMinutes(10)
			.build());
		Occurrence occurrence = sessions.occurrences(session.start().toInstant(), session.end().toInstant()).get(0);
		ReportActivity evening = activity(events, occurrence);
		for (int i = 0; i < 4; i++) {
			evening.waited(i == 0);
		}
		evening.refused();
		for (long wait : List.of(60, 120, 600)) {
			evening.reached(Duration.ofSeconds(wait));
		}
		evening.gaveUp().closed("helped", Duration.ofMinutes(12)).closed("crisis_referred", Duration.ofMinutes(30));
		console.reload();

		assertThat(console.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Planned sessions")))
			.containsText("Over <b>Evening</b>");
		Locator table = console.locator("#r-table");
		assertThat(table).containsText("<b>Evening</b> & \"friends\"");
		console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Show <b>Evening")))
			.click();
		Locator chart = console.getByRole(AriaRole.IMG,
				new Page.GetByRoleOptions().setName(Pattern.compile("How .*Evening")));
		assertThat(chart).isVisible();
		assertThat(chart.locator("rect")).hasCount(7);
		assertThat(console.locator("#r-times")).containsText("Median wait: 2 min");
		assertThat(console.locator("#r-times")).containsText("9 in 10 waited at most: 10 min");
		assertThat(console.locator("#r-times")).containsText("Median chat length: 12 min");
		Locator numbers = console.getByRole(AriaRole.TABLE,
				new Page.GetByRoleOptions().setName("The numbers in the chart"));
		assertThat(numbers.getByRole(AriaRole.ROW, new Locator.GetByRoleOptions().setName("Reached a scout 3")))
			.hasCount(1);
		assertThat(numbers.getByRole(AriaRole.ROW, new Locator.GetByRoleOptions().setName("Joined the queue 4")))
			.hasCount(1);
		assertThat(numbers).containsText("Referred to crisis help (chat ended)");
		assertThat(numbers.getByRole(AriaRole.ROW, new Locator.GetByRoleOptions().setName("Turned away 1")))
			.hasCount(1);
		Axe.assertNoSeriousViolations(console, "the coordinator's report");
		console
			.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshot("console-report")).setFullPage(true));

		Download download = console.waitForDownload(() -> console
			.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download CSV").setExact(true))
			.click());
		assertThat(download.suggestedFilename())
			.isEqualTo("scoutline-report-" + occurrence.start().toLocalDate() + ".csv");
		List<String> lines = Files.readAllLines(download.path(), StandardCharsets.UTF_8);
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0)).startsWith("occurrence,title,start,end,escalations,");
		assertThat(lines.get(1)).startsWith(occurrence.key() + ",\"<b>Evening</b> & \"\"friends\"\"\",");
	}

	/**
	 * Plans "Evening chat" from five minutes ago for two hours with tess, after one
	 * refused try (end before start).
	 */
	private void planEveningChatThroughTheForm() {
		console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New session")).click();
		assertThat(console.getByLabel("Time zone")).hasValue("Europe/Berlin");
		assertThat(console.getByLabel("Most young people waiting at once")).hasValue("20");
		assertThat(console.getByLabel("Web chat")).isChecked();
		assertThat(console.getByLabel("German")).isChecked();
		assertThat(console.getByLabel("English")).isChecked();
		assertThat(console.getByLabel("Only once")).isChecked();
		assertThat(console.getByLabel("Starts")).hasValue(Pattern.compile("T19:00$"));

		console.getByLabel("Title").fill("Evening chat");
		console.getByLabel("Topic (optional)").fill("Deepfakes");
		console.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Tess (tess)").setExact(true)).check();
		console.getByLabel("Supervisor on duty").selectOption("vera");
		console.getByLabel("Starts").fill(at(-5).toString());
		console.getByLabel("Ends").fill(at(-65).toString());
		console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save session")).click();

		Locator summary = console.locator("#s-problems");
		assertThat(summary).hasAttribute("role", "alert");
		assertThat(summary).containsText("The session was not saved");
		assertThat(summary).containsText("Ends: must be after the start (" + at(-5).toLocalDate() + " ");
		assertThat(console.locator("#err-end")).containsText("Must be after the start");
		assertThat(console.getByLabel("Ends")).hasAttribute("aria-invalid", "true");
		assertThat(console.getByLabel("Title")).hasValue("Evening chat");
		assertThat(
				console.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Tess (tess)").setExact(true)))
			.isChecked();
		Axe.assertNoSeriousViolations(console, "the session form with its problems");
		console.screenshot(
				new Page.ScreenshotOptions().setPath(Browser.screenshot("console-session-refused")).setFullPage(true));

		console.getByLabel("Ends").fill(at(120).toString());
		console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save session")).click();
		assertThat(console.locator("#status")).containsText("Session saved: Evening chat");
		assertThat(console.locator("#s-form")).isHidden();
		Locator list = console.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Planned sessions"));
		assertThat(list).containsText("Running now Evening chat · Deepfakes");
		assertThat(list).containsText("(Europe/Berlin)");
		assertThat(list).containsText("Only once");
		assertThat(list).containsText("Scouts: Tess (tess) · Supervisor: Vera (vera)");
		Axe.assertNoSeriousViolations(console, "the coordinator's sessions and accounts");
		console
			.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshot("console-sessions")).setFullPage(true));
	}

	/**
	 * @return the local Berlin time (whole minutes) {@code minutes} from now
	 */
	private static LocalDateTime at(int minutes) {
		return LocalDateTime.now(BERLIN).truncatedTo(ChronoUnit.MINUTES).plusMinutes(minutes);
	}

	private BrowserContext context(int width, int height) {
		return browser
			.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setBaseURL("http://localhost:" + port)
				.setViewportSize(width, height));
	}

	private static void logIn(Page page, String username, String password) {
		page.navigate("/console");
		page.getByLabel("Username").fill(username);
		page.getByLabel("Password").fill(password);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
	}

}
