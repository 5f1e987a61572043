package org.scoutline.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scoutline.support.Axe;
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
 * A young person in the widget and a German-speaking scout in the console, in two real
 * browsers: our own login page in German, the empty console that says what to do and
 * plays a tone for a new chat, the summary in words, claiming, writing, closing with a
 * confirmation that names the chat, and the user's feedback question. A crisis chat shows
 * its banner with the country's lines and, honestly, whether a supervisor is online.
 * axe-core finds nothing serious on the login page, the open chat and the supervisor's
 * view, and the German console shows no raw key and none of its old English.
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
		userContext = german(390, 844);
		scoutContext = german(1280, 900);
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
		assertThat(scout.getByRole(AriaRole.HEADING)).hasText("Bei der Scoutline-Konsole anmelden");
		Axe.assertNoSeriousViolations(scout, "the login page");
		logIn(scout, "sam", "falsches-passwort");
		assertThat(scout.getByRole(AriaRole.ALERT)).hasText("Benutzername oder Passwort falsch.");
		logIn(scout, "sam", Staff.PASSWORD);
		assertThat(scout.locator("#status")).hasText("Im Dienst: verbunden");
		assertThat(scout.locator("#queue-empty")).hasText("Warte auf den ersten Chat: du hörst einen Ton.");
		scout.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ton für neue Chats einschalten")).click();
		assertThat(scout.locator("#status")).containsText("Der Ton ist an");
		// the tone plays once to show that it is on, then for every new waiting chat
		assertThat(scout.locator("body")).hasAttribute("data-tones", "1");

		Page user = userContext.newPage();
		user.navigate("/");
		Locator userLog = Widget.chat(user).getByRole(AriaRole.LOG);
		assertThat(userLog).containsText("anonym");
		Widget.chat(user).locator("#scoutline-choices button.sl-choice[data-choice='de']").click();
		Widget.chat(user).locator("#scoutline-choices button.sl-choice[data-choice='d']").click();
		Widget.chat(user).locator("#scoutline-choices button.sl-choice[data-choice='13_15']").click();
		Widget.chat(user)
			.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Mit einem Scout reden"))
			.click();
		assertThat(userLog).containsText("Warteschlange auf Platz 1");

		Locator entry = scout.locator("#queue li").first();
		assertThat(entry).containsText("13–15 J. · Soll Bilder schicken");
		assertThat(entry).containsText("wartet 0 Min.");
		assertThat(scout.locator("body")).hasAttribute("data-tones", "2");
		scout.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Chat \\d+ annehmen$")))
			.click();
		assertThat(userLog).containsText("Sam ist jetzt für dich da");
		assertThat(scout.locator("#chat-title")).hasText(Pattern.compile("^Chat \\d+$"));
		assertThat(scout.locator("#chats")).containsText(Pattern.compile("Chat \\d+, seit \\d\\d:\\d\\d"));
		assertThat(scout.locator("#chats")).not().containsText("sam");
		Locator summary = scout.locator("#summary");
		assertThat(summary).containsText("Worum es geht");
		assertThat(summary).containsText("Soll Bilder schicken");
		assertThat(summary).containsText("13 bis 15");
		assertThat(summary).not().containsText("13_15");
		assertThat(summary).not().containsText("situation");
		Locator scoutLog = scout.getByRole(AriaRole.LOG);
		assertThat(scoutLog).hasAttribute("tabindex", "0");
		assertThat(scoutLog).hasAttribute("aria-label", "Verlauf");
		assertThat(scoutLog).containsText("Junge Person: /scout");
		// the canned answers come from the directory, for a German chat whose country is
		// not known yet: the hash tools and the European child helplines
		Locator canned = scout.locator("#canned option");
		assertThat(canned.filter(new Locator.FilterOptions().setHasText("Take It Down (NCMEC) (unter 18)")))
			.hasAttribute("value", Pattern.compile("https://takeitdown\\.ncmec\\.org"));

		Locator message = scout.getByLabel("Nachricht an die junge Person");
		message.fill("Hi");
		assertThat(Widget.chat(user).locator("#scoutline-scout-typing")).hasText("Sam schreibt…");
		message.fill("x".repeat(2001));
		assertThat(scout.locator("#message-count")).containsText("2001 / 2000 Zeichen");
		send(scout);
		assertThat(scout.locator("#status")).containsText("Zu lang");
		message.fill("Hi, ich bin Sam. Was ist passiert?");
		send(scout);
		assertThat(userLog).containsText("Hi, ich bin Sam. Was ist passiert?");
		Widget.chat(user).getByLabel("Nachricht").fill("Jemand will Bilder von mir");
		assertThat(scout.locator("#chat-typing")).hasText("schreibt…");
		Widget.chat(user)
			.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Senden").setExact(true))
			.click();
		assertThat(scoutLog).containsText("Jemand will Bilder von mir");
		Axe.assertNoSeriousViolations(scout, "the scout's console with a chat open");
		GermanConsole.assertNoRawKeyNorOldEnglish(scout);
		GermanConsole.assertNothingClippedAt1280AndOnATablet(scout);

		Locator closeButton = scout.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chat schließen"));
		assertThat(scout.getByLabel("Ergebnis")).hasValue("");
		assertThat(closeButton).isDisabled();
		scout.getByLabel("Ergebnis").selectOption("helped");
		closeButton.click();
		Locator question = scout.locator("#close-question");
		assertThat(question).containsText(Pattern.compile("^Chat \\d+ schließen\\? Ergebnis: Geholfen\\."));
		scout.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Nein, offen lassen")).click();
		assertThat(question).isHidden();
		assertThat(scout.locator("#chat-section")).isVisible();
		closeButton.click();
		scout.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ja, schließen")).click();
		assertThat(userLog).containsText("Hat dir das Gespräch geholfen?");
		Locator yes = Widget.chat(user)
			.locator("#scoutline-choices")
			.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ja").setExact(true));
		yes.click();
		assertThat(userLog).containsText("Danke dir!");
		assertThat(scout.locator("#status")).containsText("geschlossen.");
		scout.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshot("console")).setFullPage(true));
	}

	@Test
	void aCrisisChatShowsItsBannerWithTheLinesAndWhetherASupervisorIsOnline() {
		Page user = userContext.newPage();
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
		logIn(scout, "sam", Staff.PASSWORD);
		assertThat(scout.locator("#status")).hasText("Im Dienst: verbunden");
		Widget.chat(user)
			.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Mit einem Scout reden"))
			.click();
		assertThat(userLog).containsText("Warteschlange auf Platz 1");

		Locator entry = scout.locator("#queue li").first();
		assertThat(entry).containsText("KRISE (Suizidgedanken, Sorge)");
		scout.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Chat \\d+ annehmen$")))
			.click();
		Locator banner = scout.getByRole(AriaRole.REGION,
				new Page.GetByRoleOptions().setName("Krisensignal in diesem Chat"));
		assertThat(banner).containsText(Pattern.compile("Geschrieben: Suizidgedanken, Sorge · \\S+ \\d\\d:\\d\\d"));
		assertThat(banner).containsText("Kein Supervisor online: bei Lebensgefahr 112");
		assertThat(banner.locator("li").first()).containsText(":");
		assertThat(scout.locator("#summary")).containsText("Gedanken, sich etwas anzutun");
		assertThat(scout.locator("#summary")).not().containsText("risk_thoughts");
		assertThat(scout.locator("#canned option").filter(new Locator.FilterOptions().setHasText("Krise")))
			.hasAttribute("value", Pattern.compile("ruf bitte .*112.*\\n• "));
		assertThat(scout.getByRole(AriaRole.LOG)).containsText("ich will nicht mehr leben");
		Axe.assertNoSeriousViolations(scout, "a crisis chat without a supervisor");

		try (ConsoleClient vera = Staff.account(port, "vera", "supervisor");
				BrowserContext supervisorContext = german(1280, 900)) {
			Page supervisor = supervisorContext.newPage();
			supervisor.navigate("/console");
			logIn(supervisor, "vera", Staff.PASSWORD);
			assertThat(supervisor.locator("#status")).hasText("Im Dienst: verbunden");
			assertThat(supervisor.locator("#chats")).containsText("KRISE");
			Axe.assertNoSeriousViolations(supervisor, "the supervisor's console");
			scout.locator("#chats button").first().click();
			assertThat(banner).containsText("Supervisor: Vera (online)");
			assertThat(banner).not().containsText("Kein Supervisor");

			// another young person in crisis while Vera is on duty: her alert names the
			// chat as every console does
			try (BrowserContext otherUser = german(1280, 900)) {
				Page second = otherUser.newPage();
				second.navigate("/");
				assertThat(Widget.chat(second).getByRole(AriaRole.LOG)).containsText("anonym");
				Widget.chat(second).getByLabel("Nachricht").fill("ich will mich umbringen");
				Widget.chat(second)
					.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Senden").setExact(true))
					.click();
				Widget.chat(second)
					.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Mit einem Scout reden"))
					.click();
				assertThat(supervisor.locator("#alert"))
					.containsText(Pattern.compile("Chat \\d+ braucht jetzt den Supervisor"));
				assertThat(supervisor.locator("#alert")).not().containsText(Pattern.compile("\\(\\w{6}\\)"));
				// the next test starts with an empty queue
				Widget.chat(second)
					.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Warteschlange verlassen"))
					.click();
				await().atMost(Duration.ofSeconds(5)).until(() -> vera.get("/console/api/queue").json().isEmpty());
			}
		}
		scout.screenshot(
				new Page.ScreenshotOptions().setPath(Browser.screenshot("console-crisis-banner")).setFullPage(true));
	}

	@Test
	void aCoordinatorSeesSessionsReportsAndAccountsInGerman() {
		Page coordinator = scoutContext.newPage();
		coordinator.navigate("/console");
		logIn(coordinator, Staff.ADMIN, Staff.ADMIN_PASSWORD);
		assertThat(coordinator.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Live-Sessions")))
			.isVisible();
		assertThat(coordinator.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Konten"))).isVisible();
		assertThat(coordinator.locator("#accounts")).containsText("Sam (sam) · Scout");
		coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Neue Session")).click();
		assertThat(coordinator.getByLabel("Titel")).isVisible();
		assertThat(coordinator.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("An diesen Tagen")))
			.isHidden();
		// the server's problems in German, by their codes, not its English sentences
		coordinator.getByLabel("Titel").fill("Abendchat");
		coordinator.locator("#s-start").fill("2026-12-10T19:00");
		coordinator.locator("#s-end").fill("2026-12-10T18:00");
		coordinator.locator("#s-save").click();
		Locator problems = coordinator.locator("#s-problems");
		assertThat(problems).containsText("Die Session wurde nicht gespeichert");
		assertThat(problems)
			.containsText("Endet: muss nach dem Beginn (2026-12-10 19:00) liegen, war 2026-12-10 18:00");
		assertThat(problems).containsText("Scouts im Dienst: mindestens ein Scout muss im Dienst sein");
		assertThat(problems).containsText("Supervisor im Dienst: ein Benutzername ist nötig");
		assertThat(coordinator.locator("#err-end")).containsText("Muss nach dem Beginn");
		for (String english : List.of("must be after the start", "roster at least one scout", "a username is required",
				"sessions.problem_code.")) {
			assertThat(problems).not().containsText(english);
			assertThat(coordinator.locator("#s-form")).not().containsText(english);
		}
		Axe.assertNoSeriousViolations(coordinator, "the coordinator's console in German");
		GermanConsole.assertNoRawKeyNorOldEnglish(coordinator);
		GermanConsole.assertNothingClippedAt1280AndOnATablet(coordinator);
	}

	private BrowserContext german(int width, int height) {
		return browser
			.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setBaseURL("http://localhost:" + port)
				.setViewportSize(width, height)
				.setLocale("de-DE")
				.setTimezoneId("Europe/Berlin"));
	}

	static void logIn(Page page, String username, String password) {
		page.getByLabel("Benutzername").fill(username);
		page.getByLabel("Passwort").fill(password);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Anmelden")).click();
	}

	private static void send(Page scout) {
		scout.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Senden").setExact(true)).click();
	}

}
