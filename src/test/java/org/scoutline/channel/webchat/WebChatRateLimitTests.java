package org.scoutline.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.scoutline.support.ChatClient;
import org.scoutline.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/** A connection that floods the server is slowed down, whatever it sends, and stays usable. */
@IntegrationTest
@TestPropertySource(properties = { "scoutline.webchat.burst=3", "scoutline.webchat.per-second=1" })
class WebChatRateLimitTests {

	@LocalServerPort
	int port;

	@Test
	void textsBinaryFramesAndHellosAllCountAgainstTheLimit() throws Exception {
		try (ChatClient chat = ChatClient.connect(port)) {
			chat.hello(null, "en").next("ready");
			chat.next("bot");
			chat.text("one");
			chat.sendBinary(new byte[] { 1, 2, 3 });
			chat.hello(null, "en");
			chat.text("four");
			chat.sendBinary(new byte[] { 4 });
			List<String> codes = new ArrayList<>();
			for (JsonNode frame : chat.drain(800)) {
				if ("error".equals(frame.path("type").asText())) {
					codes.add(frame.path("code").asText());
				}
			}
			assertThat(codes).contains("rate_limited");
			assertThat(chat.isOpen()).isTrue();
			Thread.sleep(1_500);
			assertThat(chat.choice("en").next("bot").path("type").asText()).isEqualTo("bot");
		}
	}

	@Test
	void typingFramesCountAgainstTheLimitButAreNeverAnswered() throws Exception {
		try (ChatClient chat = ChatClient.connect(port)) {
			chat.hello(null, "en").next("ready");
			chat.next("bot");
			Thread.sleep(3_100); // a full bucket again
			for (int i = 0; i < 5; i++) {
				chat.sendRaw("{\"type\":\"typing\"}");
			}
			List<JsonNode> frames = chat.drain(800);
			assertThat(frames).isNotEmpty().allSatisfy(frame -> {
				assertThat(frame.path("type").asText()).isEqualTo("error");
				assertThat(frame.path("code").asText()).isEqualTo("rate_limited");
			});
			assertThat(chat.isOpen()).isTrue();
		}
	}

}
