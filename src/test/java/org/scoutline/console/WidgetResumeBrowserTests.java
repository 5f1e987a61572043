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
import org.scoutline.conversation.ConversationId;
import org.scoutline.conversation.Conversations;
import org.scoutline.support.Browser;
import org.scoutline.support.ConsoleClient;
import org.scoutline.support.IntegrationTest;
import org.scoutline.support.RequiresChromium;
import org.scoutline.support.Widget;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * The widget in Chromium loses its connection while a scout writes two messages; when it
 * is back, it shows them, each once, and then what the scout writes next. The page's
 * WebSocket is wrapped so that the test can cut it and keep it from reconnecting until it
 * lets it.
 */
@IntegrationTest
@RequiresChromium
class WidgetResumeBrowserTests {

	/**
	 * tracks the page's sockets; while {@code __offline}, no new one can open; with
	 * {@code __loseNextText}, the next text frame is lost with its socket
	 */
	private static final String CUTTABLE_SOCKETS = """
			(() => {
			  const Native = window.WebSocket;
			  window.__sockets = [];
			  window.__offline = false;
			  window.__loseNextText = false;
			  function Cuttable(url, protocols) {
			    if (window.__offline) throw new Error('offline');
			    const socket = protocols === undefined ? new Native(url) : new Native(url, protocols);
			    const send = socket.send.bind(socket);
			    socket.send = data => {
			      if (window.__loseNextText && String(data).includes('"type":"text"')) {
			        window.__loseNextText = false;
			        socket.close();
			        return;
			      }
			      send(data);
			    };
			    window.__sockets.push(socket);
			    return socket;
			  }
			  Cuttable.prototype = Native.prototype;
			  Cuttable.CONNECTING = 0; Cuttable.OPEN = 1; Cuttable.CLOSING = 2; Cuttable.CLOSED = 3;
			  window.WebSocket = Cuttable;
			})();
			""";

	final com.microsoft.playwright.Browser browser = Browser.shared();

	@Autowired
	Accounts accounts;

	@Autowired
	Conversations conversations;

	@LocalServerPort
	int port;

	BrowserContext userContext;

	ConsoleClient sam;

	@BeforeEach
	void contexts() {
		accounts.run(null);
		sam = Staff.account(port, "sam", "scout").connect();
		userContext = browser
			.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setBaseURL("http://localhost:" + port)
				.setViewportSize(390, 844));
		userContext.addInitScript(CUTTABLE_SOCKETS);
	}

	@AfterEach
	void close() {
		userContext.close();
		sam.close();
	}

	/**
	 * The scout writes and the line is stored: the console's frames from one connection
	 * are handled in parallel, so the next one waits for it.
	 */
	private void write(String id, String text, long lines) {
		sam.send("/app/chat/" + id + "/send", Map.of("text", text));
		await("stored").atMost(Duration.ofSeconds(5))
			.until(() -> conversations.get(new ConversationId(id)).orElseThrow().lines() == lines);
	}

	@Test
	void theWidgetShowsWhatTheScoutWroteWhileItWasDisconnectedOnce() {
		Page user = userContext.newPage();
		List<String> hellos = new CopyOnWriteArrayList<>();
		user.onWebSocket(socket -> socket.onFrameSent(frame -> {
			if (frame.text() != null && frame.text().contains("\"hello\"")) {
				hellos.add(frame.text());
			}
		}));
		user.navigate("/");
		Locator userLog = Widget.chat(user).getByRole(AriaRole.LOG);
		assertThat(userLog).containsText("anonym");
		Widget.chat(user).locator("#scoutline-choices button.sl-choice[data-choice='de']").click();
		Widget.chat(user)
			.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Mit einem Scout reden"))
			.click();
		assertThat(userLog).containsText("Warteschlange auf Platz 1");
		JsonNode queue = sam.get("/console/api/queue").json();
		String id = queue.get(queue.size() - 1).path("id").asText();
		assertThat(sam.post("/console/api/chats/" + id + "/claim", null).status()).isEqualTo(200);
		assertThat(userLog).containsText("Sam ist jetzt für dich da");

		// the chat and its socket are in the widget's frame
		Widget.frame(user).evaluate("() => { window.__offline = true; window.__sockets.forEach(s => s.close()); }");
		assertThat(Widget.chat(user).locator("#scoutline-status")).containsText("Verbinde");
		long before = conversations.get(new ConversationId(id)).orElseThrow().lines();
		write(id, "Bist du noch da?", before + 1);
		write(id, "Lass dir Zeit.", before + 2);
		Locator fromScout = Widget.chat(user).locator(".sl-msg--scout");
		assertThat(fromScout).hasCount(0);

		Widget.frame(user).evaluate("() => { window.__offline = false; window.dispatchEvent(new Event('online')); }");
		assertThat(fromScout).hasCount(2);
		assertThat(fromScout.nth(0)).containsText("Bist du noch da?");
		assertThat(fromScout.nth(1)).containsText("Lass dir Zeit.");
		// resumed, not drawn again from the stored history: what was shown stays
		assertThat(userLog).containsText("Warteschlange auf Platz 1");
		assertThat(hellos).last().asString().contains("\"seq\":" + before);

		sam.send("/app/chat/" + id + "/send", Map.of("text", "Was ist passiert?"));
		assertThat(fromScout).hasCount(3);
		assertThat(fromScout.nth(2)).containsText("Was ist passiert?");
		assertThat(userLog.getByText("Bist du noch da?")).hasCount(1);
		assertThat(userLog.getByText("Sam ist jetzt für dich da")).hasCount(1);
		user.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshot("widget-resumed")));
	}

	/**
	 * A message sent just before its socket went is sent again after the reconnect, with
	 * its id: it is answered, and shown once.
	 */
	@Test
	void aMessageLostWithItsSocketIsSentAgainAfterTheReconnectAndAnsweredOnce() {
		Page user = userContext.newPage();
		user.navigate("/");
		FrameLocator chat = Widget.chat(user);
		Locator userLog = chat.getByRole(AriaRole.LOG);
		assertThat(userLog).containsText("anonym");
		chat.locator("#scoutline-choices button.sl-choice[data-choice='de']").click();
		assertThat(userLog).containsText("Was ist los?");
		Locator lines = chat.locator("#scoutline-log .sl-msg");
		int before = lines.count();

		Widget.frame(user).evaluate("() => { window.__loseNextText = true; }");
		chat.getByLabel("Nachricht").fill("Jemand erpresst mich mit einem Foto");
		chat.getByLabel("Nachricht").press("Enter");
		await("the answer after the reconnect").atMost(Duration.ofSeconds(10)).until(() -> lines.count() >= before + 2);
		assertThat(Widget.frame(user).evaluate("() => window.__sockets.length")).isEqualTo(2);
		assertThat(userLog.getByText("Jemand erpresst mich mit einem Foto")).hasCount(1);
		assertThat(chat.locator("#scoutline-status")).hasText("");
	}

}
