package org.scoutline.channel.webchat;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scoutline.support.Browser;
import org.scoutline.support.IntegrationTest;
import org.scoutline.support.RequiresChromium;
import org.scoutline.support.Widget;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ReducedMotion;

/**
 * The widget in a real browser, as a young person would use it, against the whole app and
 * the real Redis.
 */
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
		context = browser
			.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setBaseURL("http://localhost:" + port)
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
		Locator log = Widget.chat(page).getByRole(AriaRole.LOG);
		assertThat(log).containsText("anonym");
		tapToThePlan();
		assertThat(log).containsText("Take It Down");
		assertThat(log).containsText("110");
		assertThat(Widget.chat(page).locator("ol.sl-plan li").first()).isVisible();
		assertThat(Widget.chat(page).locator("input[type=file]")).hasCount(0);
		page.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshot("widget-plan")).setFullPage(true));

		page.reload();
		assertThat(Widget.chat(page).getByRole(AriaRole.LOG)).containsText("Take It Down");
		assertThat(Widget.chat(page).locator("ol.sl-plan li")).hasCount(5);
		assertThat(Widget.chat(page).locator(".sl-more .sl-disclose")).hasCount(3);

		BrowserContext other = browser.newContext(
				new com.microsoft.playwright.Browser.NewContextOptions().setBaseURL("http://localhost:" + port));
		Page stranger = other.newPage();
		stranger.navigate("/");
		assertThat(Widget.chat(stranger).getByRole(AriaRole.LOG)).containsText("anonym");
		assertThat(Widget.chat(stranger).getByRole(AriaRole.LOG)).not().containsText("Take It Down");
		other.close();
	}

	/**
	 * On a phone (390×844), the first screen of the plan (its line, the five steps, the
	 * More line) is in view at once: inside the part of the chat the log shows, above the
	 * answer buttons, inside the window.
	 */
	@Test
	void theFirstScreenOfThePlanIsInViewOnAPhoneWithoutScrolling() {
		// the widget then scrolls its log at once instead of smoothly, so the boxes are
		// final when they are read
		page.emulateMedia(new Page.EmulateMediaOptions().setReducedMotion(ReducedMotion.REDUCE));
		tapToThePlan();
		assertThat(Widget.chat(page).locator("ol.sl-plan li")).hasCount(5);
		// the host page brings the widget's frame into view; the chat fills the frame
		page.locator(Widget.FRAME).evaluate("el => el.scrollIntoView({ block: 'start' })");
		Locator plan = Widget.chat(page).locator("ol.sl-plan");
		Locator intro = plan.locator("xpath=preceding-sibling::div[1]");
		Locator more = plan.locator("xpath=following-sibling::div[1]");
		assertThat(intro).containsText("Schuld hat die Person");
		assertThat(more).containsText("Mehr: wie Löschen funktioniert, die Polizei, was du deinen Eltern sagst");
		BoundingBox log = Widget.chat(page).locator("#scoutline-log").boundingBox();
		BoundingBox choices = Widget.chat(page).locator("#scoutline-choices").boundingBox();
		List<Locator> firstScreen = new ArrayList<>(List.of(intro, more));
		for (int i = 0; i < 5; i++) {
			firstScreen.add(plan.locator("li").nth(i));
		}
		for (Locator part : firstScreen) {
			BoundingBox box = part.boundingBox();
			String what = part.innerText().lines().findFirst().orElse("") + " at " + box.y + "–" + (box.y + box.height)
					+ ", log " + log.y + "–" + (log.y + log.height) + ", buttons from " + choices.y;
			assertThat(box.y).as(what).isGreaterThanOrEqualTo(log.y - 1).isGreaterThanOrEqualTo(0);
			assertThat(box.y + box.height).as(what)
				.isLessThanOrEqualTo(log.y + log.height + 1)
				.isLessThanOrEqualTo(choices.y + 1)
				.isLessThanOrEqualTo(844);
		}
		page.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshot("widget-plan-phone")));
	}

	@Test
	void theSectionsAreFoldedButtonsThatOpenInPlaceAndThePlanCopiesAsPlainText() {
		context.grantPermissions(List.of("clipboard-read", "clipboard-write"));
		tapToThePlan();
		Locator removal = Widget.chat(page)
			.getByRole(AriaRole.BUTTON,
					new FrameLocator.GetByRoleOptions().setName("Löschen: so geht's").setExact(true));
		assertThat(removal).hasAttribute("aria-expanded", "false");
		Locator panel = Widget.chat(page).locator("#" + removal.getAttribute("aria-controls"));
		assertThat(panel).isHidden();
		removal.click();
		assertThat(removal).hasAttribute("aria-expanded", "true");
		assertThat(panel).isVisible();
		assertThat(panel).containsText("Take It Down");
		assertThat(panel).not().containsText("StopNCII");
		assertThat(Widget.chat(page).locator("#scoutline-choices button")).hasCount(4);
		assertThat(Widget.chat(page).locator("#scoutline-choices button[data-choice^='plan_']")).hasCount(0);

		Widget.chat(page)
			.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Plan als Text kopieren"))
			.click();
		assertThat(Widget.chat(page).locator(".sl-copied")).containsText("Kopiert");
		String copied = (String) page.evaluate("() => navigator.clipboard.readText()");
		assertThat(copied).startsWith("Dein Plan von Scoutline")
			.contains("1. Zahl nichts")
			.contains("5. Erzähl es heute")
			.contains("Löschen: so geht's")
			.contains("Take It Down")
			.contains("Polizei")
			.contains("116 111");
		String token = (String) Widget.frame(page).evaluate("() => localStorage.getItem('scoutline.token')");
		assertThat(token).isNotBlank();
		assertThat(copied).doesNotContain(token).doesNotContain("plan_").doesNotContain("13_15");
	}

	@Test
	void everyChoiceIsAButtonNamedByItsLabelAndTheFieldHasALabel() {
		Locator choice = Widget.chat(page).locator("#scoutline-choices button.sl-choice").first();
		assertThat(choice).isVisible();
		String label = choice.innerText().strip();
		assertThat(Widget.chat(page)
			.locator("#scoutline-choices")
			.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(label).setExact(true))).hasCount(1);
		assertThat(Widget.chat(page).getByLabel("Nachricht")).isVisible();
		assertThat(Widget.chat(page)
			.getByRole(AriaRole.BUTTON,
					new FrameLocator.GetByRoleOptions().setName(Pattern.compile("exit", Pattern.CASE_INSENSITIVE))))
			.isVisible();
	}

	@Test
	void aCrisisMessageBringsTheCrisisLinesFirst() {
		tap("de");
		Widget.chat(page).getByLabel("Nachricht").fill("ich will nich mehr lebn");
		Widget.chat(page)
			.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Senden").setExact(true))
			.click();
		Locator alert = Widget.chat(page).getByRole(AriaRole.ALERT).first();
		assertThat(alert).isVisible();
		assertThat(alert).containsText("112");
	}

	@Test
	void aPastedPictureIsRefusedCalmlyAndNeverSent() {
		tap("de");
		Widget.chat(page).getByLabel("Nachricht").focus();
		Widget.frame(page)
			.evaluate("() => { const dt = new DataTransfer();"
					+ " dt.items.add(new File([new Uint8Array([255, 216, 255])], 'nude.jpg', { type: 'image/jpeg' }));"
					+ " const e = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true });"
					+ " document.querySelector('#scoutline-input').dispatchEvent(e); }");
		assertThat(Widget.chat(page).locator(".sl-msg--notice").last()).isVisible();
		assertThat(Widget.chat(page).getByLabel("Nachricht")).hasValue("");
		page.reload();
		assertThat(Widget.chat(page).getByRole(AriaRole.LOG)).containsText("[media removed]");
	}

	@Test
	void theQuickExitButtonLeavesForANeutralPageWithoutABackEntry() {
		assertThat(Widget.chat(page).getByRole(AriaRole.LOG)).containsText("anonym");
		Widget.chat(page)
			.getByRole(AriaRole.BUTTON,
					new FrameLocator.GetByRoleOptions().setName(Pattern.compile("exit", Pattern.CASE_INSENSITIVE)))
			.first()
			.click();
		page.waitForURL("**/neutral.html");
		page.goBack();
		assertThat(page.url()).doesNotEndWith(":" + port + "/");
	}

	@Test
	void pressingShiftThreeTimesIsAQuickExitToo() {
		assertThat(Widget.chat(page).getByRole(AriaRole.LOG)).containsText("anonym");
		page.keyboard().press("Shift");
		page.keyboard().press("Shift");
		page.keyboard().press("Shift");
		page.waitForURL("**/neutral.html");
		assertThat(page.url()).endsWith("/neutral.html");
	}

	private void tapToThePlan() {
		for (String choice : List.of("de", "a", "no", "no", "13_15", "money", "no", "yes", "instagram", "de")) {
			tap(choice);
		}
	}

	private void tap(String choiceId) {
		Locator button = Widget.chat(page)
			.locator("#scoutline-choices button.sl-choice[data-choice='" + choiceId + "']");
		assertThat(button).isEnabled();
		button.click();
	}

}
