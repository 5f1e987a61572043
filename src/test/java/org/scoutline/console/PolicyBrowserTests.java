package org.scoutline.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

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

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * The Content-Security-Policy in a real browser: the demo page with the widget and the
 * console work under it without a single violation (the widget styled, the console's
 * socket connected), and it really holds: a script injected inline does not run.
 */
@IntegrationTest
@RequiresChromium
class PolicyBrowserTests {

	private static final String INJECT = "() => { const s = document.createElement('script');"
			+ " s.textContent = 'window.injected = true'; document.head.appendChild(s); return window.injected === true; }";

	final com.microsoft.playwright.Browser browser = Browser.shared();

	@Autowired
	Accounts accounts;

	@LocalServerPort
	int port;

	BrowserContext context;

	final List<String> violations = new CopyOnWriteArrayList<>();

	@BeforeEach
	void context() {
		context = browser.newContext(
				new com.microsoft.playwright.Browser.NewContextOptions().setBaseURL("http://localhost:" + port));
	}

	@AfterEach
	void close() {
		context.close();
	}

	@Test
	void theDemoPageAndTheWidgetRunWithoutAViolationAndAnInlineScriptDoesNot() {
		Page page = watched(context.newPage());
		page.navigate("/");
		// the chat runs in the widget's frame, under the frame's own policy
		assertThat(Widget.chat(page).getByRole(AriaRole.LOG)).containsText("anonym");
		Object radius = Widget.frame(page)
			.evaluate("() => getComputedStyle(document.querySelector('button.sl-choice')).borderRadius");
		assertThat(radius).as("the widget's own styles apply").isEqualTo("22px");
		assertThat(violations).isEmpty();
		assertThat(page.evaluate(INJECT)).isEqualTo(false);
		assertThat(violations).anyMatch(message -> message.contains("script-src"));
	}

	@Test
	void theConsoleRunsWithoutAViolationAndAnInlineScriptDoesNot() {
		accounts.run(null);
		try (ConsoleClient kim = Staff.account(port, "kim", "scout")) {
			// the account exists now
		}
		Page page = watched(context.newPage());
		page.navigate("/console");
		assertThat(page.getByLabel("Username")).isVisible();
		page.getByLabel("Username").fill("kim");
		page.getByLabel("Password").fill(Staff.PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		assertThat(page.locator("#status")).containsText("On duty");
		assertThat(violations).isEmpty();
		assertThat(page.evaluate(INJECT)).isEqualTo(false);
		assertThat(violations).anyMatch(message -> message.contains("script-src"));
	}

	private Page watched(Page page) {
		page.onConsoleMessage(message -> {
			if (message.text().contains("Content Security Policy")) {
				violations.add(message.text());
			}
		});
		return page;
	}

}
