package org.scoutline.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.scoutline.support.ChatClient;
import org.scoutline.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A connection that floods the server is slowed down, whatever it sends, and stays
 * usable.
 */
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
			// the bucket refills one token a second; a refused frame takes none, so
			// asking again is harmless
			JsonNode answer = await("the choice answered once a token is back").atMost(Duration.ofSeconds(5))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> chat.choice("en").next(), frame -> !"error".equals(frame.path("type").asText()));
			assertThat(answer.path("type").asText()).isEqualTo("bot");
		}
	}

	@Test
	void typingFramesCountAgainstTheLimitButAreNeverAnswered() throws Exception {
		try (ChatClient chat = ChatClient.connect(port)) {
			chat.hello(null, "en").next("ready");
			chat.next("bot");
			// the hello took one of the three tokens: of five typing frames at least one
			// passes, the rest are refused
			for (int i = 0; i < 5; i++) {
				chat.sendRaw("{\"type\":\"typing\"}");
			}
			List<JsonNode> frames = chat.drain(800);
			assertThat(frames).as("some refused, none answered").hasSizeBetween(1, 4).allSatisfy(frame -> {
				assertThat(frame.path("type").asText()).isEqualTo("error");
				assertThat(frame.path("code").asText()).isEqualTo("rate_limited");
			});
			assertThat(chat.isOpen()).isTrue();
		}
	}

}
