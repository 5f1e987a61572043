package org.scoutline.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.scoutline.support.ChatClient;
import org.scoutline.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A widget socket whose client sends nothing for {@code scoutline.webchat.idle-timeout}
 * (two seconds here) is closed by the server with its own code, 4000 "idle"; one whose
 * client keeps sending stays open. The properties are those of
 * {@code console.WidgetIdleBrowserTests}, so both share one application.
 */
@IntegrationTest
@TestPropertySource(
		properties = { "scoutline.webchat.idle-timeout=2s", "scoutline.webchat.limits.sockets-per-minute=1000" })
class IdleSocketsTests {

	@LocalServerPort
	int port;

	@Test
	void aSocketWhoseClientSendsNothingIsClosedWithTheIdleCode() {
		try (ChatClient quiet = ChatClient.connect(port)) {
			quiet.hello(null, "de");
			assertThat(quiet.next("ready").path("token").asText()).isNotEmpty();
			await("the idle close").atMost(Duration.ofSeconds(8)).until(() -> quiet.closeStatus() != null);
			assertThat(quiet.closeStatus()).isEqualTo("4000 idle");
		}
	}

	@Test
	void framesFromTheClientKeepItsSocketOpenWhileASilentOneBesideItIsClosed() {
		try (ChatClient talking = ChatClient.connect(port); ChatClient silent = ChatClient.connect(port)) {
			talking.hello(null, "de");
			silent.hello(null, "de");
			talking.next("ready");
			silent.next("ready");
			var typing = new ObjectMapper().createObjectNode().put("type", "typing");
			// a frame every half second, for twice the timeout: never idle
			await("the talking socket stays open").during(Duration.ofSeconds(4))
				.atMost(Duration.ofSeconds(6))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> {
					talking.sendFrame(typing);
					return talking.closeStatus() == null;
				});
			assertThat(silent.closeStatus()).isEqualTo("4000 idle");
			assertThat(talking.isOpen()).isTrue();
		}
	}

	@Test
	void theTimeoutIsAtLeastASecondAndBelowTheContainersOwnThirtyMinutes() {
		assertThat(settings(Duration.ofMinutes(29)).idleTimeout()).isEqualTo(Duration.ofMinutes(29));
		assertThat(settings(Duration.ofSeconds(1)).idleTimeout()).isEqualTo(Duration.ofSeconds(1));
		assertThatThrownBy(() -> settings(Duration.ofMinutes(30))).hasMessageContaining("idle-timeout");
		assertThatThrownBy(() -> settings(Duration.ofMillis(999))).hasMessageContaining("idle-timeout");
	}

	private static WebChatSettings settings(Duration idleTimeout) {
		return new WebChatSettings(List.of("*"), List.of(), 20, 3, 8192, Duration.ofSeconds(15), idleTimeout);
	}

}
