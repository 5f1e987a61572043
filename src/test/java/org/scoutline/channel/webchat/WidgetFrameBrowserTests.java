package org.scoutline.channel.webchat;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scoutline.conversation.Bubble;
import org.scoutline.safety.Pseudonyms;
import org.scoutline.support.Browser;
import org.scoutline.support.IntegrationTest;
import org.scoutline.support.RequiresChromium;
import org.scoutline.support.Widget;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.FileSystemUtils;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import com.sun.net.httpserver.HttpServer;

/**
 * The widget on an organisation's page of another origin: a second small HTTP server
 * serves the host page at {@code http://127.0.0.1:<its port>/}, which loads
 * {@code widget.js} from Scoutline at {@code http://localhost:<app port>}. Only
 * {@code http://127.0.0.1:*} may embed the widget here.
 */
@IntegrationTest
@RequiresChromium
@TestPropertySource(properties = "scoutline.webchat.allowed-origins=http://127.0.0.1:[*]")
class WidgetFrameBrowserTests {

	static Playwright playwright;

	final com.microsoft.playwright.Browser browser = Browser.shared();

	Path profile;

	@LocalServerPort
	int port;

	@Autowired
	WebSessions sessions;

	@Autowired
	Pseudonyms pseudonyms;

	HttpServer host;

	BrowserContext context;

	Page page;

	@BeforeAll
	static void start() {
		playwright = Browser.playwright();
	}

	@AfterAll
	static void stop() {
		playwright.close();
	}

	@BeforeEach
	void hostPage() throws IOException {
		host = HttpServer.create(new InetSocketAddress(0), 0);
		String page = """
				<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Beratungsstelle</title></head>
				<body><h1>Beratungsstelle</h1><label>Suche <input id="host-field"></label>
				<div id="chat" style="height: 640px"></div>
				<script src="http://localhost:%d/widget.js" data-target="#chat" data-locale="de" data-country="AT"
				        data-exit-url="/away" defer></script></body></html>
				""".formatted(port);
		serve("/", page);
		serve("/panel", page.replace("data-target=\"#chat\" ", ""));
		serve("/away", "<!doctype html><title>Wetter</title><p>Sonnig</p>");
		host.start();
		// a regular profile, as most people have it, not the off-the-record kind of
		// Browser.shared() (that one blocks a frame's storage on another site: see
		// aBrowserThatBlocksTheFramesStorageKeepsTheTokenInTheFramesMemory)
		profile = Files.createTempDirectory("scoutline-profile");
		context = Browser.profile(playwright, profile, 1000, 900);
		// every frame counts the sockets it opens
		context.addInitScript("""
				(() => {
				  const Native = window.WebSocket;
				  window.__sockets = [];
				  function Counted(url, protocols) {
				    const socket = protocols === undefined ? new Native(url) : new Native(url, protocols);
				    window.__sockets.push(socket);
				    return socket;
				  }
				  Counted.prototype = Native.prototype;
				  Counted.CONNECTING = 0; Counted.OPEN = 1; Counted.CLOSING = 2; Counted.CLOSED = 3;
				  window.WebSocket = Counted;
				})();
				""");
		this.page = context.pages().isEmpty() ? context.newPage() : context.pages().get(0);
	}

	private void serve(String path, String html) {
		host.createContext(path, exchange -> {
			byte[] body = (exchange.getRequestURI().getPath().equals(path) ? html : "")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(body.length == 0 ? 404 : 200, body.length == 0 ? -1 : body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
	}

	@AfterEach
	void close() {
		context.close();
		host.stop(0);
		FileSystemUtils.deleteRecursively(profile.toFile());
	}

	private String hostUrl(String name) {
		return "http://" + name + ":" + host.getAddress().getPort() + "/";
	}

	private FrameLocator openChat() {
		page.navigate(hostUrl("127.0.0.1"));
		FrameLocator chat = Widget.chat(page);
		assertThat(chat.getByRole(AriaRole.LOG)).containsText("anonym");
		return chat;
	}

	@Test
	void theChatWorksThroughTheFrameAndTheHostPageCantReadItsTokenOrItsTranscript() {
		FrameLocator chat = openChat();
		chat.locator("#scoutline-choices button.sl-choice[data-choice='de']").click();
		chat.getByLabel("Nachricht").fill("Jemand erpresst mich mit einem Foto");
		chat.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Senden").setExact(true)).click();
		Locator log = chat.getByRole(AriaRole.LOG);
		assertThat(log).containsText("Jemand erpresst mich mit einem Foto");
		assertThat(chat.locator(".sl-msg--bot")).not().hasCount(0);

		// inside the frame, on Scoutline's origin: the token
		String token = token();
		assertThat(token).hasSize(43);
		// from the host page's own scripts: nothing of it
		assertThat(page.evaluate("() => location.origin")).isEqualTo("http://127.0.0.1:" + host.getAddress().getPort());
		assertThat(page.evaluate("() => Object.keys(localStorage).join(',')")).isEqualTo("");
		assertThat(page.evaluate("() => document.getElementById('scoutline-frame').contentDocument")).isNull();
		assertThat(page.evaluate("() => { try { return frames[0].localStorage.getItem('scoutline.token'); }"
				+ " catch (e) { return e.name; } }"))
			.isEqualTo("SecurityError");
		assertThat(page
			.evaluate("() => { try { return frames[0].document.body.innerText; }" + " catch (e) { return e.name; } }"))
			.isEqualTo("SecurityError");
		assertThat((String) page.evaluate("() => document.body.innerText")).doesNotContain("erpresst")
			.doesNotContain(token);
		assertThat(page.evaluate("() => document.cookie")).isEqualTo("");

		// a message that pretends to come from the frame is ignored: the page stays
		page.evaluate("() => window.postMessage({ scoutline: 1, type: 'exit' }, '*')");
		chat.getByRole(AriaRole.TOOLBAR)
			.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Hilfe").setExact(true))
			.click();
		assertThat(chat.locator(".sl-msg--bot").last()).isVisible();
		assertThat(page).hasURL(hostUrl("127.0.0.1"));

		// a reload continues the chat inside the frame
		page.reload();
		assertThat(Widget.chat(page).getByRole(AriaRole.LOG)).containsText("Jemand erpresst mich mit einem Foto");
		page.screenshot(new Page.ScreenshotOptions().setPath(Browser.screenshot("widget-frame-host")));
	}

	/**
	 * @return the chat's token where the frame keeps it: its localStorage, or where the
	 * browser denies it that (as Chromium does for a frame on another site), the
	 * partitioned cookie for {@code /widget/token}
	 */
	private String token() {
		Object stored = Widget.frame(page)
			.evaluate("() => { try { return localStorage.getItem('scoutline.token'); } catch (e) { return null; } }");
		if (stored != null) {
			return (String) stored;
		}
		return context.cookies("http://localhost:" + port + "/widget/token")
			.stream()
			.filter(c -> c.name.equals("scoutline_token"))
			.map(c -> c.value)
			.findFirst()
			.orElse(null);
	}

	@Test
	void aBrowserThatBlocksTheFramesStorageKeepsTheTokenInTheFramesMemory() {
		BrowserContext offTheRecord = browser.newContext();
		try {
			Page incognito = offTheRecord.newPage();
			incognito.navigate(hostUrl("127.0.0.1"));
			FrameLocator chat = Widget.chat(incognito);
			assertThat(chat.getByRole(AriaRole.LOG)).containsText("anonym");
			assertThat(Widget.frame(incognito)
				.evaluate("() => { try { return localStorage.length; } catch (e) { return e.name; } }"))
				.isEqualTo("SecurityError");
			chat.locator("#scoutline-choices button.sl-choice[data-choice='de']").click();
			assertThat(chat.getByRole(AriaRole.LOG)).containsText("Was ist los?");
			assertThat(incognito.evaluate("() => Object.keys(localStorage).join(',')")).isEqualTo("");
		}
		finally {
			offTheRecord.close();
		}
	}

	@Test
	void withoutATargetThePanelOpensFromALauncherAndAFileDroppedOnTheHostPageIsRefusedInTheChat() {
		page.navigate(hostUrl("127.0.0.1") + "panel");
		FrameLocator chat = Widget.chat(page);
		Locator frame = page.locator(Widget.FRAME);
		Locator launcher = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chat öffnen"));
		assertThat(launcher).isVisible();
		assertThat(frame).isHidden();
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Schnell weg (Exit)")))
			.isVisible();
		launcher.click();
		assertThat(frame).isVisible();
		assertThat(chat.getByRole(AriaRole.LOG)).containsText("anonym");
		assertThat(chat.getByLabel("Nachricht")).isFocused();
		chat.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Chat minimieren")).click();
		assertThat(frame).isHidden();
		assertThat(launcher).isVisible();
		launcher.click();
		assertThat(frame).isVisible();
		assertThat(chat.getByLabel("Nachricht")).isFocused();

		page.evaluate("() => { const dt = new DataTransfer();"
				+ " dt.items.add(new File([new Uint8Array([255, 216, 255])], 'nude.jpg', { type: 'image/jpeg' }));"
				+ " document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true })); }");
		assertThat(chat.getByRole(AriaRole.LOG)).containsText("Ich habe das zu deinem Schutz entfernt");
		assertThat(page).hasURL(hostUrl("127.0.0.1") + "panel");
	}

	/**
	 * A new visitor's panel opens no socket until the launcher opens the chat; with a
	 * conversation (a token in the frame) the next page connects at once, panel closed,
	 * and a message pushed to the user meanwhile marks the launcher.
	 */
	@Test
	void aClosedPanelOpensNoSocketForANewVisitorButDoesForAConversation() {
		List<String> opened = new CopyOnWriteArrayList<>();
		page.onWebSocket(socket -> opened.add(socket.url()));
		page.navigate(hostUrl("127.0.0.1") + "panel");
		Locator launcher = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chat öffnen"));
		assertThat(launcher).isVisible();
		// the frame has started (and decided) once its chat is in its document
		assertThat(Widget.frame(page).evaluate("() => window.__sockets.length")).isEqualTo(0);
		assertThat(opened).isEmpty();

		launcher.click();
		assertThat(Widget.chat(page).getByRole(AriaRole.LOG)).containsText("anonym");
		assertThat(opened).hasSize(1);
		assertThat(Widget.frame(page).evaluate("() => window.__sockets.length")).isEqualTo(1);
		String pseudonym = pseudonyms.of("WEB", token());
		await("the server holds the chat's socket").atMost(Duration.ofSeconds(5))
			.until(() -> sessions.count(pseudonym) == 1);

		// the next page of the site: the panel is closed, the conversation connects
		page.reload();
		assertThat(launcher).isVisible();
		assertThat(page.locator(Widget.FRAME)).isHidden();
		await("a socket without a click").atMost(Duration.ofSeconds(5)).until(() -> opened.size() == 2);
		await("the server holds it").atMost(Duration.ofSeconds(5)).until(() -> sessions.count(pseudonym) == 1);
		sessions.publish(pseudonym,
				WebChatFrames.Bot.of("de", List.of(Bubble.text("Bist du noch da?")), List.of(), true, 0));
		Locator marked = page.getByRole(AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Chat öffnen (neue Nachricht)"));
		assertThat(marked).isVisible();
		marked.click();
		assertThat(Widget.chat(page).getByRole(AriaRole.LOG)).containsText("Bist du noch da?");
		assertThat(opened).hasSize(2);
		Widget.chat(page)
			.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Chat minimieren"))
			.click();
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chat öffnen").setExact(true)))
			.isVisible();
	}

	@Test
	void theQuickExitInTheFrameReplacesTheHostPage() {
		FrameLocator chat = openChat();
		chat.getByRole(AriaRole.BUTTON,
				new FrameLocator.GetByRoleOptions().setName(Pattern.compile("exit", Pattern.CASE_INSENSITIVE)))
			.click();
		page.waitForURL("**/away");
		assertThat(page).hasTitle("Wetter");
		page.goBack();
		assertThat(page.url()).isNotEqualTo(hostUrl("127.0.0.1"));
	}

	@Test
	void shiftThreeTimesInTheFrameLeavesTheHostPage() {
		FrameLocator chat = openChat();
		chat.getByLabel("Nachricht").focus();
		page.keyboard().press("Shift");
		page.keyboard().press("Shift");
		page.keyboard().press("Shift");
		page.waitForURL("**/away");
		assertThat(page.url()).isEqualTo(hostUrl("127.0.0.1") + "away");
	}

	@Test
	void shiftThreeTimesOnTheHostPageLeavesToo() {
		openChat();
		page.locator("#host-field").focus();
		page.keyboard().press("Shift");
		page.keyboard().press("Shift");
		page.keyboard().press("Shift");
		page.waitForURL("**/away");
		assertThat(page.url()).isEqualTo(hostUrl("127.0.0.1") + "away");
	}

	@Test
	void aPageThatMayNotEmbedTheWidgetGetsNoChat() {
		page.navigate(hostUrl("127.0.0.1"));
		page.waitForLoadState(LoadState.LOAD);
		assertThat(Widget.chat(page).locator("#scoutline")).hasCount(1);

		// the same host page from an origin outside allowed-origins: the browser refuses
		// the frame
		page.navigate(hostUrl("localhost"));
		page.waitForLoadState(LoadState.LOAD);
		assertThat(page.locator(Widget.FRAME)).hasCount(1);
		assertThat(Widget.chat(page).locator("#scoutline")).hasCount(0);
	}

	@Test
	void theFramePageMayBeFramedByTheAllowedOriginsOnlyAndTheSocketTakesOnlyScoutlinesOwnOrigin() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> frame = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/widget/frame.html")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(frame.statusCode()).isEqualTo(200);
		assertThat(frame.headers().firstValue("X-Frame-Options")).isEmpty();
		assertThat(frame.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				csp -> assertThat(csp).contains("frame-ancestors http://127.0.0.1:*").contains("connect-src 'self'"));
		HttpResponse<String> console = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(console.headers().firstValue("X-Frame-Options")).hasValue("DENY");

		URI socket = URI.create("ws://localhost:" + port + "/chat/ws");
		WebSocket own = http.newWebSocketBuilder()
			.header("Origin", "http://localhost:" + port)
			.buildAsync(socket, new WebSocket.Listener() {
			})
			.get();
		own.abort();
		assertThatThrownBy(() -> http.newWebSocketBuilder()
			.header("Origin", hostUrl("127.0.0.1").replaceAll("/$", ""))
			.connectTimeout(Duration.ofSeconds(5))
			.buildAsync(socket, new WebSocket.Listener() {
			})
			.get()).hasCauseInstanceOf(java.net.http.WebSocketHandshakeException.class);
	}

}
