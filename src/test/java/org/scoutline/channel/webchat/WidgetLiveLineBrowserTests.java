package org.scoutline.channel.webchat;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scoutline.handover.Presence;
import org.scoutline.schedule.LiveSession;
import org.scoutline.support.Browser;
import org.scoutline.support.IntegrationTest;
import org.scoutline.support.RedisTestSupport.TestKeys;
import org.scoutline.support.RequiresChromium;
import org.scoutline.support.Widget;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

/**
 * The widget's live line in a real browser whose clock is in New York: the next session
 * in the browser's own time, then "live now" once a session runs with a checked-in scout,
 * without a reload.
 */
@IntegrationTest
@RequiresChromium
@TestPropertySource(properties = "scoutline.webchat.schedule-refresh=1s")
class WidgetLiveLineBrowserTests {

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

	/** a refresh a second plus the push: well within this */
	static final LocatorAssertions.ContainsTextOptions SOON = new LocatorAssertions.ContainsTextOptions()
		.setTimeout(10_000);

	final com.microsoft.playwright.Browser browser = Browser.shared();

	@LocalServerPort
	int port;

	@Autowired
	TestKeys keys;

	@Autowired
	ApplicationContext context;

	@Autowired
	Presence presence;

	@Autowired
	LiveStatus liveStatus;

	LiveLine line;

	BrowserContext browserContext;

	Page page;

	@BeforeEach
	void openPage() {
		keys.clear();
		line = LiveLine.staffed(context, port);
		browserContext = browser
			.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setBaseURL("http://localhost:" + port)
				.setTimezoneId(NEW_YORK.getId())
				.setViewportSize(390, 844));
		page = browserContext.newPage();
	}

	@AfterEach
	void closePage() {
		browserContext.close();
	}

	@Test
	void theNextSessionIsShownInTheBrowsersTimeThenLiveNowWithoutAReload() {
		LiveSession later = line.laterOnTheWeb();
		liveStatus.refresh();
		page.navigate("/");
		Locator live = Widget.chat(page).locator("p.scoutline-live");
		assertThat(live).hasAttribute("role", "status");
		assertThat(live).hasAttribute("aria-live", "polite");
		assertThat(live).hasAttribute("data-state", "closed");
		assertThat(live).containsText("Nächste Live-Session");
		assertThat(live).containsText(local(later.start()) + "–" + local(later.end()));
		assertThat(live).containsText("(Deepfakes)");
		screenshot("widget-live-next");
		englishPlease();
		assertThat(live).containsText("Next live session");

		LiveSession now = line.now();
		assertThat(live).containsText("A live session runs until " + local(now.end()) + ", but the scouts can", SOON);
		assertThat(live).hasAttribute("data-state", "busy");
		screenshot("widget-live-busy");
		presence.beat(LiveLine.SCOUT);
		assertThat(live).containsText("Live now: scouts answer until " + local(now.end()), SOON);
		assertThat(live).hasAttribute("data-state", "open");
		// the line pushes nothing out of the widget: with the widget in view, so is the
		// message field
		page.locator(Widget.FRAME).scrollIntoViewIfNeeded();
		assertThat(Widget.chat(page).getByLabel("Message")).isInViewport();
		assertThat(Widget.chat(page).getByRole(AriaRole.LOG)).not().containsText("Live now");
		screenshot("widget-live-now");

		Widget.chat(page)
			.getByRole(AriaRole.BUTTON,
					new FrameLocator.GetByRoleOptions().setName(Pattern.compile("exit", Pattern.CASE_INSENSITIVE)))
			.first()
			.click();
		page.waitForURL("**/neutral.html");
	}

	@Test
	void withNoSessionAheadTheLineSaysTheBotIsThere() {
		liveStatus.refresh();
		page.navigate("/");
		Locator live = Widget.chat(page).locator("p.scoutline-live");
		assertThat(live).hasAttribute("data-state", "closed");
		assertThat(live).hasText("Gerade ist keine Live-Session geplant. Der Bot ist jederzeit für dich da.");
		englishPlease();
		assertThat(live).hasText("No live session is scheduled right now. The bot is here any time.");
	}

	private void englishPlease() {
		Widget.chat(page)
			.getByRole(AriaRole.TOOLBAR)
			.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sprache wechseln").setExact(true))
			.click();
		assertThat(Widget.chat(page).locator("#scoutline")).hasAttribute("lang", "en");
	}

	private void screenshot(String name) {
		Widget.chat(page)
			.locator("#scoutline")
			.screenshot(new Locator.ScreenshotOptions().setPath(Browser.screenshot(name)));
	}

	private static String local(ZonedDateTime time) {
		return CLOCK.format(time.withZoneSameInstant(NEW_YORK));
	}

}
