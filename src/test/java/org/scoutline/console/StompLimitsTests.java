package org.scoutline.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scoutline.support.ConsoleClient;
import org.scoutline.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * STOMP frames written raw on the console's socket, as a broken or hostile client would:
 * a frame over the limit gets an ERROR frame that says so before the socket closes; a
 * frame larger than the socket's buffer but under the limit still reaches the STOMP layer
 * (here: refused, "Access Denied"); each refusal is one WARN line without a stack trace
 * or the frame's content. (Its own context, so that no other class's refusals used up
 * this minute's log line.)
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "scoutline.console.max-note-length=1001")
class StompLimitsTests {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	ConsoleSettings settings;

	private ConsoleClient scout;

	private WebSocketSession socket;

	private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();

	private final BlockingQueue<CloseStatus> closed = new LinkedBlockingQueue<>();

	@BeforeEach
	void connect() throws Exception {
		// the bootstrap coordinator again, if an earlier class cleared the keys
		accounts.run(null);
		scout = Staff.account(port, "lia", "scout");
		WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
		handshake.add("Cookie", scout.cookieHeader());
		socket = new StandardWebSocketClient().execute(new TextWebSocketHandler() {
			@Override
			protected void handleTextMessage(WebSocketSession session, TextMessage message) {
				frames.add(message.getPayload());
			}

			@Override
			public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
				closed.add(status);
			}
		}, handshake, URI.create("ws://127.0.0.1:" + port + "/console/ws")).get(5, TimeUnit.SECONDS);
		Map.Entry<String, String> csrf = scout.creds().entrySet().iterator().next();
		socket.sendMessage(new TextMessage(
				"CONNECT\naccept-version:1.2\nhost:localhost\n" + csrf.getKey() + ":" + csrf.getValue() + "\n\n\0"));
		assertThat(next()).startsWith("CONNECTED\n");
	}

	@AfterEach
	void close() throws Exception {
		if (socket.isOpen()) {
			socket.close();
		}
		scout.close();
	}

	@Test
	void aFrameOverTheLimitGetsAnErrorFrameBeforeTheSocketCloses(CapturedOutput output) throws Exception {
		int limit = settings.stompFrameBytes();
		socket.sendMessage(new TextMessage(send("x".repeat(limit + 10))));
		String error = next();
		assertThat(error).startsWith("ERROR\n")
			.contains("message:Frame too large (at most " + limit + " bytes)")
			.as("the code the console shows in the scout's language")
			.contains("code:frame_too_large");
		assertThat(closed.poll(5, TimeUnit.SECONDS)).isNotNull();
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(output.getAll()).contains("STOMP frame refused: frame too large"));
		assertThat(output.getAll()).doesNotContain("\tat org.", "Failed to parse", "xxxxxxxx");
	}

	@Test
	void aFrameLargerThanTheSocketBufferButUnderTheLimitReachesTheStompLayer(CapturedOutput output) throws Exception {
		// Spring's STOMP support raises the socket's text buffer to 16,640 characters
		socket.sendMessage(new TextMessage(send("y".repeat(10_000))));
		String error = next();
		assertThat(error).startsWith("ERROR\n").contains("message:Access Denied", "code:access_denied");
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(output.getAll()).contains("STOMP SEND refused: access denied"));
		assertThat(output.getAll()).doesNotContain("\tat org.", "yyyyyyyy", "Failed to send");
	}

	/** a message into a chat that does not exist: refused by the chat rule */
	private static String send(String text) {
		return "SEND\ndestination:/app/chat/no-such-chat/send\ncontent-type:application/json\n\n{\"text\":\"" + text
				+ "\"}\0";
	}

	private String next() throws InterruptedException {
		String frame = frames.poll(5, TimeUnit.SECONDS);
		assertThat(frame).as("a frame within 5 s").isNotNull();
		return frame;
	}

}
