package org.scoutline.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scoutline.support.Browser;
import org.scoutline.support.ConsoleClient;
import org.scoutline.support.IntegrationTest;
import org.scoutline.support.LiveNow;
import org.scoutline.support.RequiresChromium;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * A coordinator's evening in German, in Chromium: disabling someone asks first and names
 * the account, disabling oneself is refused with a clear message, saving a session shows
 * a confirmation next to the form, and "Wer ist gerade im Dienst" shows the running
 * session with its scouts checked in.
 */
@IntegrationTest
@RequiresChromium
class CoordinatorConsoleBrowserTests {

	final com.microsoft.playwright.Browser browser = Browser.shared();

	@Autowired
	Accounts accounts;

	@LocalServerPort
	int port;

	BrowserContext context;

	Page console;

	@BeforeEach
	void logIn() {
		accounts.run(null);
		accounts.setEnabled(Staff.ADMIN, true);
		context = browser
			.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setBaseURL("http://localhost:" + port)
				.setLocale("de-DE")
				.setViewportSize(1280, 1000));
		console = context.newPage();
		console.navigate("/console");
		console.getByLabel("Benutzername").fill(Staff.ADMIN);
		console.getByLabel("Passwort").fill(Staff.ADMIN_PASSWORD);
		console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Anmelden")).click();
		assertThat(console.locator("#accounts-title")).hasText("Konten");
	}

	@AfterEach
	void close() {
		context.close();
	}

	@Test
	void disablingAScoutAsksFirstAndNamesTheAccount() {
		accounts.create("nora", Staff.PASSWORD, "Nora", Role.SCOUT);
		accounts.setEnabled("nora", true);
		console.reload();
		Locator nora = console.locator("#accounts li").filter(new Locator.FilterOptions().setHasText("(nora)"));
		nora.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("nora deaktivieren")).click();
		Locator ask = console.getByRole(AriaRole.GROUP,
				new Page.GetByRoleOptions().setName("Nora (nora) deaktivieren?"));
		assertThat(ask).isVisible();
		assertThat(ask).containsText("Nora (nora) deaktivieren? Die Person wird sofort abgemeldet");
		assertThat(accounts.find("nora").orElseThrow().enabled()).as("nothing happens before the answer").isTrue();

		ask.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Nein, aktiv lassen")).click();
		assertThat(ask).isHidden();
		assertThat(accounts.find("nora").orElseThrow().enabled()).isTrue();

		nora.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("nora deaktivieren")).click();
		ask.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ja, Nora deaktivieren")).click();
		assertThat(console.locator("#acc-result")).hasText("Nora (nora) ist jetzt deaktiviert.");
		assertThat(console.locator("#acc-result")).hasAttribute("role", "status");
		assertThat(accounts.find("nora").orElseThrow().enabled()).isFalse();
	}

	@Test
	void disablingOneselfIsRefusedWithAClearMessage() {
		Locator me = console.locator("#accounts li").filter(new Locator.FilterOptions().setHasText("(admin)"));
		me.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("admin deaktivieren")).click();
		console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ja, Coordinator deaktivieren")).click();
		Locator refusal = console.getByRole(AriaRole.ALERT)
			.filter(new Locator.FilterOptions().setHasText("Du kannst dein eigenes Konto nicht deaktivieren."));
		assertThat(refusal).isVisible();
		assertThat(accounts.find(Staff.ADMIN).orElseThrow().enabled()).isTrue();
	}

	@Test
	void savingASessionShowsAConfirmationNextToTheForm() {
		accounts.setEnabled("mia", true);
		try (ConsoleClient mia = Staff.account(port, "mia", "scout")) {
			// rostered in the live session
		}
		console.reload();
		console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bearbeiten " + LiveNow.TITLE)).click();
		console.locator("#s-topic").fill("Deepfakes");
		console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Änderungen speichern")).click();
		Locator saved = console.locator("#s-saved");
		assertThat(saved).isVisible();
		assertThat(saved).hasText("Session gespeichert: " + LiveNow.TITLE);
		assertThat(saved).hasAttribute("role", "status");
	}

	@Test
	void theOnDutyPanelShowsTheRunningSessionAndWhoIsCheckedIn() {
		accounts.setEnabled("lena", true);
		accounts.setEnabled("ben", true);
		try (ConsoleClient lena = Staff.account(port, "lena", "scout").connect();
				ConsoleClient ben = Staff.account(port, "ben", "scout")) {
			console.reload();
			assertThat(console.getByRole(AriaRole.HEADING,
					new Page.GetByRoleOptions().setName("Wer ist gerade im Dienst")))
				.isVisible();
			Locator duty = console.locator("#duty");
			assertThat(duty).containsText("Läuft jetzt: " + LiveNow.TITLE);
			assertThat(duty.locator("li").filter(new Locator.FilterOptions().setHasText("Lena (lena)")))
				.hasText("Lena (lena): eingecheckt · 0 Chats");
			assertThat(duty.locator("li").filter(new Locator.FilterOptions().setHasText("Ben (ben)")))
				.hasText("Ben (ben): nicht eingecheckt");
			assertThat(duty).containsText("Warteschlange: 0 warten · niemand wartet");
			assertThat(duty).containsText("Keine Supervision online.");
		}
	}

}
