package org.scoutline.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * A supervisor next to a scout, in three real browsers with German consoles: the
 * supervisor's private line shows in the scout's console and never in the young person's
 * widget; stepping in shows the young person "Sue aus dem Team ist jetzt auch im Chat",
 * and then both write to them.
 */
@IntegrationTest
@RequiresChromium
@TestPropertySource(properties = "scoutline.handover.heartbeat=300ms")
class SupervisorAssistBrowserTests {

	final com.microsoft.playwright.Browser browser = Browser.shared();

	@Autowired
	Accounts accounts;

	@LocalServerPort
	int port;

	BrowserContext userContext;

	BrowserContext scoutContext;

	BrowserContext supervisorContext;

	@BeforeEach
	void contexts() {
		accounts.run(null);
		try (ConsoleClient sam = Staff.account(port, "sam", "scout");
				ConsoleClient sue = Staff.account(port, "sue", "supervisor")) {
			// the accounts exist now, rostered in a session running now
		}
		userContext = context(390, 844);
		scoutContext = context(1280, 900);
		supervisorContext = context(1280, 900);
	}

	private BrowserContext context(int width, int height) {
		return browser
			.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setBaseURL("http://localhost:" + port)
				.setViewportSize(width, height)
				.setLocale("de-DE")
				.setTimezoneId("Europe/Berlin"));
	}

	@AfterEach
	void close() {
		userContext.close();
		scoutContext.close();
		supervisorContext.close();
	}

	static Page console(BrowserContext context, String username) {
		Page page = context.newPage();
		page.navigate("/console");
		page.locator("input[name='username']").fill(username);
		page.locator("input[name='password']").fill(Staff.PASSWORD);
		page.locator("form button[type='submit']").first().click();
		assertThat(page.locator("#status")).containsText("Im Dienst");
		return page;
	}

	static Locator askForAScout(Page user) {
		user.navigate("/");
		Locator userLog = Widget.chat(user).getByRole(AriaRole.LOG);
		assertThat(userLog).containsText("anonym");
		Widget.chat(user).locator("#scoutline-choices button.sl-choice[data-choice='de']").click();
		Widget.chat(user)
			.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Mit einem Scout reden"))
			.click();
		assertThat(userLog).containsText("Warteschlange auf Platz 1");
		return userLog;
	}

	private static Locator button(Page page, String name) {
		return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

	@Test
	void theScoutSeesTheSupervisorsPrivateLineTheUserSeesOnlyTheStepIn() {
		Page scout = console(scoutContext, "sam");
		Page user = userContext.newPage();
		Locator userLog = askForAScout(user);
		scout.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("Chat \\S+ annehmen")))
			.first()
			.click();
		assertThat(userLog).containsText("Sam ist jetzt für dich da");
		assertThat(scout.locator("#assist")).containsText("Hier schreibt dir dein Supervisor");

		Page supervisor = console(supervisorContext, "sue");
		supervisor.locator("#chats button").first().click();
		assertThat(supervisor.locator("#assist")).isVisible();
		assertThat(button(supervisor, "Dazukommen")).isVisible();
		supervisor.getByLabel("Privat an den Scout").fill("Frag, ob schon Geld geflossen ist");
		button(supervisor, "Privat senden").click();

		assertThat(scout.locator("#whispers")).containsText("Sue");
		assertThat(scout.locator("#whispers")).containsText("Frag, ob schon Geld geflossen ist");
		assertThat(scout.locator("#status")).containsText("Sue hat dir privat geschrieben");
		assertThat(supervisor.locator("#whispers")).containsText("Frag, ob schon Geld geflossen ist");
		// scouts write notes, not private lines
		assertThat(scout.getByLabel("Privat an den Scout")).isHidden();
		assertThat(button(scout, "Dazukommen")).isHidden();

		button(supervisor, "Dazukommen").click();
		assertThat(userLog).containsText("Sue aus dem Team ist jetzt auch im Chat");
		assertThat(scout.getByRole(AriaRole.LOG)).containsText("Sue aus dem Team ist jetzt mit im Chat");
		assertThat(supervisor.locator("#assist-joined")).isVisible();
		supervisor.getByLabel("Nachricht an die junge Person").fill("Hallo, ich bin Sue und lese mit.");
		button(supervisor, "Senden").click();
		assertThat(userLog).containsText("Hallo, ich bin Sue und lese mit.");
		assertThat(scout.getByRole(AriaRole.LOG)).containsText("Supervisor: Hallo, ich bin Sue");
		scout.getByLabel("Nachricht an die junge Person").fill("Ich bin auch noch da.");
		button(scout, "Senden").click();
		assertThat(userLog).containsText("Ich bin auch noch da.");
		// the private line never reached the widget
		assertThat(userLog).not().containsText("Geld geflossen");
		scout.screenshot(
				new Page.ScreenshotOptions().setPath(Browser.screenshot("console-assist-scout")).setFullPage(true));
		supervisor.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshot("console-assist-supervisor"))
			.setFullPage(true));
	}

}
