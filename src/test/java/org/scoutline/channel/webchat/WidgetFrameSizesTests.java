package org.scoutline.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scoutline.support.ChatClient;
import org.scoutline.support.IntegrationTest;
import org.scoutline.support.RedisTestSupport.TestKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every socket keeps only a small text buffer (1,024 characters,
 * {@code scoutline.sockets.*}), yet every frame the widget may send is read whole, and a
 * larger one is refused precisely: a text frame of
 * {@code scoutline.webchat.max-frame-chars} characters is read, one character more closes
 * the socket with 1009; the same for binary frames at 1 KiB. The handshake agrees to no
 * compression, which browsers ask for.
 */
@IntegrationTest
class WidgetFrameSizesTests {

	@LocalServerPort
	int port;

	@Autowired
	WebChatSettings settings;

	@Autowired
	TestKeys keys;

	@BeforeEach
	void startClean() {
		keys.clear();
	}

	@Test
	void legalTextsLongerThanTheSocketBufferAreAnswered() {
		try (ChatClient chat = ChatClient.connect(port)) {
			chat.hello(null, "en").next("ready");
			chat.next("bot");
			// JSON doubles every quote: 4,000 characters of text in the frame
			assertThat(chat.text("\"".repeat(2000)).next().path("type").asText()).isEqualTo("bot");
			// three UTF-8 bytes a character: 6,000 bytes
			assertThat(chat.text("안".repeat(2000)).next().path("type").asText()).isEqualTo("bot");
			String frame = textFrame("y".repeat(1990));
			chat.sendPart(frame.substring(0, 700), false).sendPart(frame.substring(700), true);
			assertThat(chat.next().path("type").asText()).as("a message in two frames").isEqualTo("bot");
			assertThat(chat.isOpen()).isTrue();
		}
	}

	@Test
	void aTextFrameOfTheLargestSizeIsReadAndOneCharacterMoreClosesTheSocket() {
		int max = settings.maxFrameChars();
		try (ChatClient chat = ChatClient.connect(port)) {
			chat.hello(null, "en").next("ready");
			chat.next("bot");
			String largest = textFrame("x".repeat(max - textFrame("").length()));
			assertThat(largest).hasSize(max);
			JsonNode refused = chat.sendRaw(largest).next("error");
			assertThat(refused.path("code").asText()).as("read whole: the text is over 2,000").isEqualTo("too_long");
			chat.sendRaw(textFrame("x".repeat(max + 1 - textFrame("").length())));
			assertThat(chat.closeCode()).isEqualTo(1009);
		}
	}

	@Test
	void aBinaryFrameOfOneKibibyteIsAMediaNoticeAndOneByteMoreClosesTheSocket() {
		try (ChatClient chat = ChatClient.connect(port)) {
			chat.hello(null, "en").next("ready");
			chat.next("bot");
			JsonNode media = chat.sendBinary(new byte[WebChatConfiguration.BINARY_BUFFER_BYTES]).next("bot");
			assertThat(media.path("messages").get(0).path("kind").asText()).isEqualTo("notice");
			chat.sendBinary(new byte[WebChatConfiguration.BINARY_BUFFER_BYTES + 1]);
			assertThat(chat.closeCode()).isEqualTo(1009);
		}
	}

	@Test
	void theHandshakeAgreesToNoCompressionThoughTheBrowserAsksForIt() throws Exception {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(5_000);
			String key = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream()
				.write(("GET /chat/ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
						+ "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: " + key + "\r\n"
						+ "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n")
					.getBytes(StandardCharsets.ISO_8859_1));
			String response = headers(socket.getInputStream()).toLowerCase(Locale.ROOT);
			assertThat(response).startsWith("http/1.1 101").contains("upgrade: websocket");
			assertThat(response).doesNotContain("sec-websocket-extensions").doesNotContain("deflate");
		}
	}

	private static String textFrame(String text) {
		return "{\"type\":\"text\",\"id\":\"" + UUID.randomUUID() + "\",\"text\":\"" + text + "\"}";
	}

	private static String headers(InputStream in) throws Exception {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
			int b = in.read();
			assertThat(b).as("the server closed during the handshake").isNotNegative();
			head.write(b);
		}
		return head.toString(StandardCharsets.ISO_8859_1);
	}

}
