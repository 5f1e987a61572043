package org.scoutline.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scoutline.support.ChatClient.texts;

import org.junit.jupiter.api.Test;
import org.scoutline.support.ChatClient;
import org.scoutline.support.ConsoleClient;
import org.scoutline.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A waiting user hears when their place in the queue changes (the interval shortened from
 * a minute).
 */
@IntegrationTest
@TestPropertySource(properties = { "scoutline.handover.sweep=100ms", "scoutline.handover.position-interval=500ms",
		"scoutline.handover.heartbeat=200ms" })
class QueuePositionTests {

	@Autowired
	Accounts accounts;

	@LocalServerPort
	int port;

	private ChatClient waiting() {
		ChatClient user = ChatClient.connect(port);
		user.hello(null, "en").next("ready");
		user.next("bot");
		user.choice("en").next("bot");
		user.command("scout").next("bot");
		return user;
	}

	@Test
	void theSecondInLineHearsTheyMovedUpWhenTheFirstLeaves() throws Exception {
		accounts.run(null);
		try (ConsoleClient sam = Staff.account(port, "sam", "scout").connect();
				ChatClient first = waiting();
				ChatClient second = waiting()) {
			assertThat(second.drain(700)).as("nothing changed, nothing said").isEmpty();
			first.choice("leave_queue").next("bot");
			JsonNode update = second.next("bot");
			assertThat(texts(update)).contains("you're now number 1");
			assertThat(update.path("choices").findValuesAsText("id")).containsExactly("leave_queue");
			assertThat(second.drain(1_000)).as("told once").isEmpty();
		}
	}

}
