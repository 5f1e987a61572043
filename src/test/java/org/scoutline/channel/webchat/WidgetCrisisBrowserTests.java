package org.scoutline.channel.webchat;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

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
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;

/**
 * A German-speaking teen on a phone (390×844, a browser in Berlin) writes a crisis line
 * before any triage: German lines first, named as Germany's, with the change of country;
 * the pinned card folds to one line with its numbers once seen, unfolds again, and never
 * pushes the message box or the answers out of the widget.
 */
@IntegrationTest
@RequiresChromium
class WidgetCrisisBrowserTests {

	static final int WIDTH = 390;

	static final int HEIGHT = 844;

	final com.microsoft.playwright.Browser browser = Browser.shared();

	@LocalServerPort
	int port;

	BrowserContext context;

	Page page;

	@BeforeEach
	void openPage() {
		context = browser
			.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setBaseURL("http://localhost:" + port)
				.setViewportSize(WIDTH, HEIGHT)
				.setLocale("de-DE")
				.setTimezoneId("Europe/Berlin"));
		page = context.newPage();
		page.navigate("/");
		assertThat(Widget.chat(page).getByRole(AriaRole.LOG)).containsText("anonym");
	}

	@AfterEach
	void closePage() {
		context.close();
	}

	@Test
	void germanLinesFirstWithTheChangeOfCountryAndTheFoldedCardLeavesRoomForTheMessageBoxAndTheAnswers() {
		write("ich will nicht mehr leben");
		Locator card = Widget.chat(page).locator("#scoutline-pinned .sl-crisis");
		assertThat(card).containsText("In Deutschland:");
		assertThat(card).containsText("TelefonSeelsorge");
		assertThat(card).containsText("116 111");
		assertThat(card).not().containsText("Rat auf Draht");
		Locator toggle = card.getByRole(AriaRole.BUTTON,
				new Locator.GetByRoleOptions().setName("Wichtig – sofort Hilfe"));
		assertThat(toggle).hasAttribute("aria-expanded", "true");
		assertThat(Widget.chat(page).locator("#scoutline-crisis-body")).isVisible();
		assertThat(choice("Nicht in Deutschland?")).isVisible();
		assertThat(Widget.chat(page).getByRole(AriaRole.LOG)).containsText("Denkst du daran");
		fitsOnThePhone();
		page.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshot("widget-crisis-open")));

		choice("Nein").click();
		assertThat(Widget.chat(page).getByRole(AriaRole.LOG)).containsText("Hat dir jemand gedroht");
		assertThat(toggle).hasAttribute("aria-expanded", "false");
		assertThat(Widget.chat(page).locator("#scoutline-crisis-body")).isHidden();
		Locator numbers = Widget.chat(page).locator("#scoutline-crisis-numbers");
		assertThat(numbers).isVisible();
		assertThat(numbers.locator("a[href='tel:112']")).isVisible();
		assertThat(numbers.locator("a[href='tel:08001110111']")).hasCount(1);
		assertThat(numbers.locator("a[href='tel:116111']")).hasCount(1);
		BoundingBox folded = card.boundingBox();
		assertThat(folded.height).as("one line").isLessThan(70);
		fitsOnThePhone();
		page.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshot("widget-crisis-folded")));

		toggle.click();
		assertThat(toggle).hasAttribute("aria-expanded", "true");
		assertThat(Widget.chat(page).locator("#scoutline-crisis-body")).isVisible();
		assertThat(Widget.chat(page).locator("#scoutline-crisis-body")).containsText("TelefonSeelsorge");
		fitsOnThePhone();
	}

	@Test
	void theChangeOfCountryAsksRightThereAndEvenThirteenCountriesAndTheOpenCardLeaveTheMessageBoxInside() {
		write("ich will nicht mehr leben");
		choice("Nicht in Deutschland?").click();
		assertThat(Widget.chat(page).getByRole(AriaRole.LOG)).containsText("In welchem Land lebst du?");
		assertThat(choice("Österreich")).isVisible();
		Locator toggle = Widget.chat(page).locator("#scoutline-crisis-toggle");
		assertThat(toggle).hasAttribute("aria-expanded", "false");
		toggle.click();
		assertThat(toggle).hasAttribute("aria-expanded", "true");
		fitsOnThePhone();
		page.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshot("widget-crisis-country")));

		choice("Österreich").click();
		Locator card = Widget.chat(page).locator("#scoutline-pinned .sl-crisis");
		assertThat(card).containsText("In Österreich:");
		assertThat(card).containsText("Rat auf Draht");
		assertThat(Widget.chat(page).locator("#scoutline-pinned .sl-crisis")).hasCount(1);
		assertThat(card).not().containsText("TelefonSeelsorge");
		assertThat(toggle).hasAttribute("aria-expanded", "true");
		assertThat(choice("Nein")).isVisible();
		fitsOnThePhone();
	}

	private void write(String text) {
		Widget.chat(page).getByLabel("Nachricht").fill(text);
		Widget.chat(page)
			.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Senden").setExact(true))
			.click();
	}

	private Locator choice(String label) {
		return Widget.chat(page)
			.locator("#scoutline-choices")
			.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(label).setExact(true));
	}

	/**
	 * The message box, the send button and the answers are inside the widget and on the
	 * screen.
	 */
	private void fitsOnThePhone() {
		Locator widget = Widget.chat(page).locator("#scoutline");
		page.locator(Widget.FRAME).evaluate("e => e.scrollIntoView({ block: 'start' })");
		BoundingBox outer = widget.boundingBox();
		assertThat(outer.height).isLessThanOrEqualTo(HEIGHT);
		Locator answers = Widget.chat(page).locator("#scoutline-choices");
		for (Locator part : new Locator[] { Widget.chat(page).locator("#scoutline-input"),
				Widget.chat(page).locator("#scoutline-send"), answers, answers.locator("button").first() }) {
			BoundingBox box = part.boundingBox();
			assertThat(box).as(part + " is laid out").isNotNull();
			String name = part.toString();
			assertThat(box.height).as(name + " has room").isGreaterThan(20);
			assertThat(box.y).as(name + " top inside the widget").isGreaterThanOrEqualTo(outer.y - 0.5);
			assertThat(box.y + box.height).as(name + " bottom inside the widget")
				.isLessThanOrEqualTo(outer.y + outer.height + 0.5);
			assertThat(box.x).as(name + " left inside the widget").isGreaterThanOrEqualTo(outer.x - 0.5);
			assertThat(box.x + box.width).as(name + " right inside the widget")
				.isLessThanOrEqualTo(outer.x + outer.width + 0.5);
			assertThat(box.y).as(name + " on the screen").isGreaterThanOrEqualTo(-0.5);
			assertThat(box.y + box.height).as(name + " on the screen").isLessThanOrEqualTo(HEIGHT + 0.5);
		}
	}

}
