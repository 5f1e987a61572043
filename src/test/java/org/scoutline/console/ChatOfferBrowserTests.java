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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * With offers on, in real browsers with a German console: the waiting chat is offered to
 * the scout with a countdown, one click on "Annehmen" and the chat is theirs.
 */
@IntegrationTest
@RequiresChromium
@TestPropertySource(properties = { "scoutline.handover.heartbeat=300ms", "scoutline.handover.assignment=offer",
		"scoutline.handover.offer-sweep=200ms" })
class ChatOfferBrowserTests {

	final com.microsoft.playwright.Browser browser = Browser.shared();

	@Autowired
	Accounts accounts;

	@LocalServerPort
	int port;

	BrowserContext userContext;

	BrowserContext scoutContext;

	@BeforeEach
	void contexts() {
		accounts.run(null);
		try (ConsoleClient sam = Staff.account(port, "sam", "scout")) {
			// the account exists now, rostered in a session running now
		}
		userContext = context(390, 844);
		scoutContext = context(1280, 900);
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
	}

	@Test
	void theScoutAcceptsTheOfferedChatWithOneClick() {
		Page scout = SupervisorAssistBrowserTests.console(scoutContext, "sam");
		Locator userLog = SupervisorAssistBrowserTests.askForAScout(userContext.newPage());

		Locator offer = scout.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Ein Chat für dich"));
		assertThat(offer).isVisible();
		assertThat(offer).containsText(Pattern.compile("Noch \\d+ Sekunden, dann geht der Chat an den nächsten Scout"));
		assertThat(scout.locator("#offer-about")).containsText("Chat");
		scout.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshot("console-offer")).setFullPage(true));
		offer.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Annehmen")).click();

		assertThat(userLog).containsText("Sam ist jetzt für dich da");
		assertThat(offer).isHidden();
		assertThat(scout.locator("#status")).containsText("Chat angenommen");
		assertThat(scout.locator("#chat-section")).isVisible();
		assertThat(scout.getByRole(AriaRole.LOG)).containsText("/scout");
	}

}
