package org.scoutline.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
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
 * A coordinator sees in the console's account list that a scout's login is locked after
 * too many wrong passwords, and lifts the lock with one click; the scout can log in
 * again.
 */
@IntegrationTest
@RequiresChromium
@TestPropertySource(properties = { "scoutline.console.login.username.delay-after=5",
		"scoutline.console.login.username.lock-after=2", "scoutline.console.login.address.delay-after=100",
		"scoutline.console.login.address.lock-after=200" })
class AccountLockBrowserTests {

	final com.microsoft.playwright.Browser browser = Browser.shared();

	@Autowired
	Accounts accounts;

	@LocalServerPort
	int port;

	BrowserContext coordinator;

	@AfterEach
	void close() {
		if (coordinator != null) {
			coordinator.close();
		}
	}

	@Test
	void aCoordinatorSeesTheLockAndLiftsItWithOneClick() {
		// the bootstrap coordinator again, if an earlier class cleared the keys
		accounts.run(null);
		try (ConsoleClient kim = Staff.account(port, "kim", "scout")) {
			// the account exists now
		}
		LoginForm form = new LoginForm(port, null, null);
		form.attempt("kim", "wrong-password-1");
		form.attempt("kim", "wrong-password-2");
		assertThat(form.attempt("kim", Staff.PASSWORD).accepted()).as("locked: even the right password").isFalse();

		coordinator = browser
			.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setBaseURL("http://localhost:" + port)
				.setViewportSize(1280, 1000));
		Page console = coordinator.newPage();
		console.navigate("/console");
		console.getByLabel("Username").fill(Staff.ADMIN);
		console.getByLabel("Password").fill(Staff.ADMIN_PASSWORD);
		console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		Locator kim = console.locator("#accounts li").filter(new Locator.FilterOptions().setHasText("kim"));
		assertThat(kim).containsText("locked until");
		kim.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Unlock kim")).click();
		assertThat(console.getByText("kim is unlocked.")).isVisible();
		assertThat(kim).not().containsText("locked until");
		assertThat(form.attempt("kim", Staff.PASSWORD).accepted()).as("the scout can log in again").isTrue();
	}

}
