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
 * A young person in the widget and a scout in the console, in two real browsers: the user
 * asks for a scout, the scout logs in, claims, they write to each other, the scout
 * closes, the user gets the feedback question.
 */
@IntegrationTest
@RequiresChromium
@TestPropertySource(properties = "scoutline.handover.heartbeat=300ms")
class ConsoleBrowserTests {

	final com.microsoft.playwright.Browser browser = Browser.shared();

	@Autowired
	Accounts accounts;

	@LocalServerPort
	int port;

	BrowserContext userContext;

	BrowserContext scoutContext;

	@BeforeEach
	void contexts() {
		// the bootstrap coordinator again, if an earlier class cleared the keys
		accounts.run(null);
		try (ConsoleClient sam = Staff.account(port, "sam", "scout")) {
			// the account exists now
		}
		userContext = browser
			.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setBaseURL("http://localhost:" + port)
				.setViewportSize(390, 844));
		scoutContext = browser
			.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setBaseURL("http://localhost:" + port)
				.setViewportSize(1280, 900));
	}

	@AfterEach
	void close() {
		userContext.close();
		scoutContext.close();
	}

	@Test
	void aUserAndAScoutChatUntilTheScoutClosesAndTheUserIsAskedForFeedback() {
		Page scout = scoutContext.newPage();
		scout.navigate("/console");
		scout.getByLabel("Username").fill("sam");
		scout.getByLabel("Password").fill(Staff.PASSWORD);
		scout.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		assertThat(scout.locator("#status")).containsText("On duty");

		Page user = userContext.newPage();
		user.navigate("/");
		Locator userLog = Widget.chat(user).getByRole(AriaRole.LOG);
		assertThat(userLog).containsText("anonym");
		Widget.chat(user).locator("#scoutline-choices button.sl-choice[data-choice='de']").click();
		Widget.chat(user)
			.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Mit einem Scout reden"))
			.click();
		assertThat(userLog).containsText("Warteschlange auf Platz 1");

		scout.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Claim chat 1")).click();
		assertThat(userLog).containsText("Sam ist jetzt für dich da");
		Locator scoutLog = scout.getByRole(AriaRole.LOG);
		assertThat(scoutLog).containsText("Young person: /scout");
		// the canned answers come from the directory, for a German chat whose country is
		// not known yet: the hash tools and the European child helplines
		Locator canned = scout.locator("#canned option");
		assertThat(canned.filter(new Locator.FilterOptions().setHasText("Take It Down (NCMEC) (unter 18)")))
			.hasAttribute("value", Pattern.compile("https://takeitdown\\.ncmec\\.org"));
		assertThat(
				canned.filter(new Locator.FilterOptions().setHasText("116 111 (Kinder- und Jugendtelefone in Europa)")))
			.hasCount(1);

		Locator message = scout.getByLabel("Message to the young person");
		message.fill("Hi");
		Locator scoutTyping = Widget.chat(user).locator("#scoutline-scout-typing");
		assertThat(scoutTyping).hasText("Sam schreibt…");
		assertThat(userLog).not().containsText("schreibt");
		message.fill("x".repeat(2001));
		assertThat(scout.locator("#message-count")).containsText("2001 / 2000");
		scout.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send").setExact(true)).click();
		assertThat(scout.locator("#status")).containsText("Too long");

		message.fill("Hi, ich bin Sam. Was ist passiert?");
		scout.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send").setExact(true)).click();
		assertThat(userLog).containsText("Hi, ich bin Sam. Was ist passiert?");
		assertThat(Widget.chat(user).locator(".sl-msg--scout")).containsText("Was ist passiert?");
		assertThat(scoutTyping).isEmpty();

		Widget.chat(user).getByLabel("Nachricht").fill("Jemand will Geld von mir");
		assertThat(scout.locator("#chat-typing")).hasText("typing…");
		Widget.chat(user)
			.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Senden").setExact(true))
			.click();
		assertThat(scoutLog).containsText("Jemand will Geld von mir");

		scout.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshot("console-chat")).setFullPage(true));
		scout.getByLabel("Outcome").selectOption("helped");
		scout.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close chat")).click();
		assertThat(userLog).containsText("Hat dir das Gespräch geholfen?");
		Locator yes = Widget.chat(user)
			.locator("#scoutline-choices")
			.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ja").setExact(true));
		assertThat(yes).isVisible();
		yes.click();
		assertThat(userLog).containsText("Danke dir!");
		user.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshot("widget-after-scout")));
		scout.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshot("console")).setFullPage(true));
		assertThat(scout.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("Log out"))))
			.isVisible();
	}

	@Test
	void theQueueAndTheSummaryShowACrisisMessageEvenAfterANoInTheRiskScreen() {
		BrowserContext berlin = browser
			.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setBaseURL("http://localhost:" + port)
				.setViewportSize(390, 844)
				.setLocale("de-DE")
				.setTimezoneId("Europe/Berlin"));
		try {
			Page user = berlin.newPage();
			user.navigate("/");
			Locator userLog = Widget.chat(user).getByRole(AriaRole.LOG);
			assertThat(userLog).containsText("anonym");
			Widget.chat(user).getByLabel("Nachricht").fill("ich will nicht mehr leben");
			Widget.chat(user)
				.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Senden").setExact(true))
				.click();
			assertThat(Widget.chat(user).locator("#scoutline-pinned")).containsText("In Deutschland:");
			Locator no = Widget.chat(user)
				.locator("#scoutline-choices")
				.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Nein").setExact(true));
			no.click();
			assertThat(userLog).containsText("Hat dir jemand gedroht");
			no.click();
			assertThat(userLog).containsText("machen wir da weiter");

			Page scout = scoutContext.newPage();
			scout.navigate("/console");
			scout.getByLabel("Username").fill("sam");
			scout.getByLabel("Password").fill(Staff.PASSWORD);
			scout.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
			assertThat(scout.locator("#status")).containsText("On duty");
			Widget.chat(user)
				.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Mit einem Scout reden"))
				.click();
			assertThat(userLog).containsText("Warteschlange auf Platz 1");

			Locator entry = scout.locator("#queue li").first();
			assertThat(entry).containsText("CRISIS");
			assertThat(entry).containsText("crisis message:");
			assertThat(entry).containsText("concern");
			scout.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Claim chat 1")).click();
			Locator summary = scout.locator("#summary");
			assertThat(summary).containsText("Crisis message");
			assertThat(summary).containsText("concern");
			assertThat(summary).not().containsText("not screened");
			assertThat(summary).containsText("screened");
			assertThat(summary).not().containsText("crisis_kind");
			assertThat(scout.getByRole(AriaRole.LOG)).containsText("ich will nicht mehr leben");
			scout.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshot("console-crisis-summary"))
				.setFullPage(true));
		}
		finally {
			berlin.close();
		}
	}

}
