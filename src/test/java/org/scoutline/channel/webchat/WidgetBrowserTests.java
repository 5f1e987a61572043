package org.scoutline.channel.webchat;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scoutline.support.Browser;
import org.scoutline.support.IntegrationTest;
import org.scoutline.support.RequiresChromium;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** The widget in a real browser, as a young person would use it, against the whole app and the real Redis. */
@IntegrationTest
@RequiresChromium
class WidgetBrowserTests {

	final com.microsoft.playwright.Browser browser = Browser.shared();

	@LocalServerPort
	int port;

	BrowserContext context;

	Page page;

	@BeforeEach
	void openPage() {
		context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
			.setBaseURL("http://localhost:" + port)
			.setViewportSize(390, 844));
		page = context.newPage();
		page.navigate("/");
	}

	@AfterEach
	void closePage() {
		context.close();
	}

	@Test
	void aBlackmailedFifteenYearOldInGermanyTapsThroughToTheirPlan() {
		Locator log = page.getByRole(AriaRole.LOG);
		assertThat(log).containsText("anonym");
		tap("de");
		tap("a");
		tap("no");
		tap("no");
		tap("13_15");
		tap("money");
		tap("no");
		tap("yes");
		tap("instagram");
		tap("de");
		assertThat(log).containsText("Take It Down");
		assertThat(log).containsText("110");
		assertThat(page.locator("ol.sl-plan li").first()).isVisible();
		assertThat(page.locator("input[type=file]")).hasCount(0);
		page.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshot("widget-plan")).setFullPage(true));

		page.reload();
		assertThat(page.getByRole(AriaRole.LOG)).containsText("Take It Down");

		BrowserContext other = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
			.setBaseURL("http://localhost:" + port));
		Page stranger = other.newPage();
		stranger.navigate("/");
		assertThat(stranger.getByRole(AriaRole.LOG)).containsText("anonym");
		assertThat(stranger.getByRole(AriaRole.LOG)).not().containsText("Take It Down");
		other.close();
	}

	@Test
	void everyChoiceIsAButtonNamedByItsLabelAndTheFieldHasALabel() {
		Locator choice = page.locator("#scoutline-choices button.sl-choice").first();
		assertThat(choice).isVisible();
		String label = choice.innerText().strip();
		assertThat(page.locator("#scoutline-choices").getByRole(AriaRole.BUTTON,
				new Locator.GetByRoleOptions().setName(label).setExact(true))).hasCount(1);
		assertThat(page.getByLabel("Nachricht")).isVisible();
		assertThat(page.getByRole(AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName(Pattern.compile("exit", Pattern.CASE_INSENSITIVE)))).isVisible();
	}

	@Test
	void aCrisisMessageBringsTheCrisisLinesFirst() {
		tap("de");
		page.getByLabel("Nachricht").fill("ich will nich mehr lebn");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Senden").setExact(true)).click();
		Locator alert = page.getByRole(AriaRole.ALERT).first();
		assertThat(alert).isVisible();
		assertThat(alert).containsText("112");
	}

	@Test
	void aPastedPictureIsRefusedCalmlyAndNeverSent() {
		tap("de");
		page.getByLabel("Nachricht").focus();
		page.evaluate("() => { const dt = new DataTransfer();"
				+ " dt.items.add(new File([new Uint8Array([255, 216, 255])], 'nude.jpg', { type: 'image/jpeg' }));"
				+ " const e = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true });"
				+ " document.querySelector('#scoutline-input').dispatchEvent(e); }");
		assertThat(page.locator(".sl-msg--notice").last()).isVisible();
		assertThat(page.getByLabel("Nachricht")).hasValue("");
		page.reload();
		assertThat(page.getByRole(AriaRole.LOG)).containsText("[media removed]");
	}

	@Test
	void theQuickExitButtonLeavesForANeutralPageWithoutABackEntry() {
		assertThat(page.getByRole(AriaRole.LOG)).containsText("anonym");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("exit",
				Pattern.CASE_INSENSITIVE))).first().click();
		page.waitForURL("**/neutral.html");
		page.goBack();
		assertThat(page.url()).doesNotEndWith(":" + port + "/");
	}

	@Test
	void pressingShiftThreeTimesIsAQuickExitToo() {
		assertThat(page.getByRole(AriaRole.LOG)).containsText("anonym");
		page.keyboard().press("Shift");
		page.keyboard().press("Shift");
		page.keyboard().press("Shift");
		page.waitForURL("**/neutral.html");
		assertThat(page.url()).endsWith("/neutral.html");
	}

	private void tap(String choiceId) {
		Locator button = page.locator("#scoutline-choices button.sl-choice[data-choice='" + choiceId + "']");
		assertThat(button).isEnabled();
		button.click();
	}

}
