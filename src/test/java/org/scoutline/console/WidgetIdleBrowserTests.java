package org.scoutline.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
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
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * The widget in Chromium when the server drops its socket as idle (after two seconds
 * here; the properties are those of {@code webchat.IdleSocketsTests}, so both share one
 * application): with only the bot it stays quiet until the user writes, then reconnects,
 * resumes and answers; in the queue or with a scout it reconnects at once, so that the
 * scout's next message arrives. The page's sockets are counted, and their close codes
 * kept, by a wrapper around {@code WebSocket}.
 */
@IntegrationTest
@RequiresChromium
@TestPropertySource(
		properties = { "scoutline.webchat.idle-timeout=2s", "scoutline.webchat.limits.sockets-per-minute=1000" })
class WidgetIdleBrowserTests {

	private static final String COUNTED_SOCKETS = """
			(() => {
			  const Native = window.WebSocket;
			  window.__sockets = [];
			  window.__closes = [];
			  function Counted(url, protocols) {
			    const socket = protocols === undefined ? new Native(url) : new Native(url, protocols);
			    socket.addEventListener('close', e => window.__closes.push(e.code));
			    window.__sockets.push(socket);
			    return socket;
			  }
			  Counted.prototype = Native.prototype;
			  Counted.CONNECTING = 0; Counted.OPEN = 1; Counted.CLOSING = 2; Counted.CLOSED = 3;
			  window.WebSocket = Counted;
			})();
			""";

	final com.microsoft.playwright.Browser browser = Browser.shared();

	@Autowired
	Accounts accounts;

	@LocalServerPort
	int port;

	BrowserContext userContext;

	Page user;

	@BeforeEach
	void open() {
		userContext = browser
			.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setBaseURL("http://localhost:" + port)
				.setViewportSize(390, 844));
		userContext.addInitScript(COUNTED_SOCKETS);
		user = userContext.newPage();
	}

	@AfterEach
	void close() {
		userContext.close();
	}

	private int sockets() {
		return ((Number) Widget.frame(user).evaluate("() => window.__sockets.length")).intValue();
	}

	private long idleCloses() {
		return ((Number) Widget.frame(user).evaluate("() => window.__closes.filter(c => c === 4000).length"))
			.longValue();
	}

	/** the text of every line in the log, in order */
	@SuppressWarnings("unchecked")
	private List<String> lines() {
		return (List<String>) Widget.frame(user)
			.evaluate(
					"() => [...document.querySelectorAll('#scoutline-log .sl-msg .sl-text')].map(n => n.textContent)");
	}

	@Test
	void aBotOnlyChatDroppedAsIdleStaysQuietAndTheNextMessageReconnectsResumesAndIsAnswered() {
		List<String> hellos = new CopyOnWriteArrayList<>();
		user.onWebSocket(socket -> socket.onFrameSent(frame -> {
			if (frame.text() != null && frame.text().contains("\"hello\"")) {
				hellos.add(frame.text());
			}
		}));
		user.navigate("/");
		FrameLocator chat = Widget.chat(user);
		Locator log = chat.getByRole(AriaRole.LOG);
		assertThat(log).containsText("anonym");
		chat.locator("#scoutline-choices button.sl-choice[data-choice='de']").click();
		assertThat(log).containsText("Was ist los?");

		await("the idle close").atMost(Duration.ofSeconds(8)).until(() -> idleCloses() == 1);
		// nothing alarming, and no socket until the user acts
		await("still disconnected").during(Duration.ofMillis(1500))
			.atMost(Duration.ofSeconds(3))
			.until(() -> sockets() == 1);
		assertThat(chat.locator("#scoutline-status")).hasText("");
		assertThat(chat.locator(".sl-msg--notice")).hasCount(0);
		Locator send = chat.getByRole(AriaRole.BUTTON,
				new FrameLocator.GetByRoleOptions().setName("Senden").setExact(true));
		assertThat(send).isEnabled();
		int before = lines().size();

		chat.getByLabel("Nachricht").fill("Jemand erpresst mich mit einem Foto");
		send.click();
		assertThat(chat.locator(".sl-msg--user").last()).containsText("Jemand erpresst mich mit einem Foto");
		await("the answer").atMost(Duration.ofSeconds(8)).until(() -> lines().size() >= before + 2);
		assertThat(sockets()).isEqualTo(2);
		assertThat(hellos).hasSize(2);
		assertThat(hellos.get(1)).contains("\"seq\":");
		assertThat(log.getByText("Jemand erpresst mich mit einem Foto")).hasCount(1);

		// dropped again: a tapped button reconnects first, then counts
		await("the second idle close").atMost(Duration.ofSeconds(8)).until(() -> idleCloses() == 2);
		Locator first = chat.locator("#scoutline-choices button.sl-choice").first();
		assertThat(first).isEnabled();
		String label = first.textContent();
		int beforeTap = lines().size();
		first.click();
		await("the answer to the tap").atMost(Duration.ofSeconds(8)).until(() -> lines().size() >= beforeTap + 2);
		assertThat(lines().get(beforeTap)).isEqualTo(label);
		assertThat(sockets()).isEqualTo(3);

		// what the page shows is what the server has: the same lines, each once, after a
		// reload
		List<String> shown = lines();
		user.reload();
		assertThat(Widget.chat(user).getByRole(AriaRole.LOG)).containsText("Jemand erpresst mich mit einem Foto");
		await("the history").atMost(Duration.ofSeconds(5)).until(() -> lines().size() >= shown.size());
		assertThat(lines()).isEqualTo(shown);
	}

	@Test
	void aChatInTheQueueOrWithAScoutDroppedAsIdleReconnectsAtOnceAndTheScoutsNextMessageArrives() {
		accounts.run(null);
		ConsoleClient sam = Staff.account(port, "sam", "scout").connect();
		try {
			user.navigate("/");
			FrameLocator chat = Widget.chat(user);
			Locator log = chat.getByRole(AriaRole.LOG);
			assertThat(log).containsText("anonym");
			chat.locator("#scoutline-choices button.sl-choice[data-choice='de']").click();
			chat.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Mit einem Scout reden"))
				.click();
			assertThat(log).containsText("Warteschlange auf Platz 1");

			// waiting in the queue: dropped as idle, back without any action of the user
			await("back after the idle close in the queue").atMost(Duration.ofSeconds(8))
				.until(() -> idleCloses() >= 1 && sockets() == idleCloses() + 1);
			assertThat(chat.locator("#scoutline-status")).hasText("");

			JsonNode queue = sam.get("/console/api/queue").json();
			String id = queue.get(queue.size() - 1).path("id").asText();
			assertThat(sam.post("/console/api/chats/" + id + "/claim", null).status()).isEqualTo(200);
			assertThat(log).containsText("Sam ist jetzt für dich da");

			// with the scout: dropped again, back at once, and what the scout writes then
			// arrives
			long closes = idleCloses();
			await("back after the idle close with the scout").atMost(Duration.ofSeconds(8))
				.until(() -> idleCloses() > closes && sockets() == idleCloses() + 1);
			sam.send("/app/chat/" + id + "/send", Map.of("text", "Bist du noch da?"));
			Locator fromScout = chat.locator(".sl-msg--scout");
			assertThat(fromScout).hasCount(1);
			assertThat(fromScout.first()).containsText("Bist du noch da?");
			assertThat(log.getByText("Sam ist jetzt für dich da")).hasCount(1);
			assertThat(chat.locator("#scoutline-status")).hasText("");
		}
		finally {
			sam.close();
		}
	}

}
