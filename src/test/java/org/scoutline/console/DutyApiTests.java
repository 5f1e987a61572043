package org.scoutline.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scoutline.support.ChatClient;
import org.scoutline.support.ConsoleClient;
import org.scoutline.support.LiveNow;
import org.scoutline.support.IntegrationTest;
import org.scoutline.support.RedisTestSupport.TestKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * "Who is on duty now" for coordinators and supervisors: the session running, its
 * rostered scouts checked in or not, the supervisors connected, the queue and the longest
 * wait; staff by username and alias only.
 */
@IntegrationTest
@TestPropertySource(properties = { "scoutline.handover.sweep=1h", "scoutline.handover.heartbeat=200ms" })
class DutyApiTests {

	@Autowired
	Accounts accounts;

	@Autowired
	TestKeys keys;

	@Autowired
	StringRedisTemplate redis;

	@LocalServerPort
	int port;

	private final List<AutoCloseable> open = new ArrayList<>();

	@BeforeEach
	void startClean() {
		accounts.run(null);
		List<String> stale = keys.all().stream().filter(k -> !k.contains(":acct")).toList();
		if (!stale.isEmpty()) {
			redis.delete(stale);
		}
	}

	@AfterEach
	void closeAll() throws Exception {
		for (AutoCloseable c : open) {
			c.close();
		}
		open.clear();
	}

	@Test
	void showsTheRunningSessionItsScoutsCheckedInTheSupervisorsAndTheQueue() {
		ConsoleClient sam = keep(Staff.account(port, "sam", "scout").connect());
		keep(Staff.account(port, "ben", "scout"));
		ConsoleClient sue = keep(Staff.account(port, "sue", "supervisor").connect());
		String first = waitingUser(sam);
		waitingUser(sam);
		assertThat(sam.post("/console/api/chats/" + first + "/claim", null).status()).isEqualTo(200);
		waitingUser(sam);

		ConsoleClient admin = keep(ConsoleClient.login(port, Staff.ADMIN, Staff.ADMIN_PASSWORD));
		ConsoleClient.Response response = admin.get("/console/api/duty");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode duty = response.json();
		assertThat(duty.path("sessions")).hasSize(1);
		JsonNode session = duty.path("sessions").get(0);
		assertThat(session.path("title").asText()).isEqualTo(LiveNow.TITLE);
		assertThat(session.path("start").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
		assertThat(session.path("escalationsStopped").asBoolean()).isFalse();
		assertThat(session.path("scouts"))
			.extracting(s -> s.path("username").asText() + ":" + s.path("alias").asText() + ":"
					+ s.path("checkedIn").asBoolean() + ":" + s.path("chats").asInt())
			.containsExactlyInAnyOrder("sam:Sam:true:1", "ben:Ben:false:0", "sue:Sue:true:0");
		assertThat(session.path("supervisor").path("username").asText()).isEqualTo(Staff.ADMIN);
		assertThat(duty.path("supervisors")).extracting(s -> s.path("username").asText()).containsExactly("sue");
		assertThat(duty.path("waiting").asInt()).isEqualTo(2);
		assertThat(duty.path("longestWaitSeconds").asLong()).isGreaterThanOrEqualTo(0);
		assertThat(response.body()).as("no conversation ids").doesNotContain(first);

		assertThat(sue.get("/console/api/duty").status()).as("a supervisor sees it too").isEqualTo(200);
		ConsoleClient.Response scout = sam.get("/console/api/duty");
		assertThat(scout.status()).isEqualTo(403);
		assertThat(scout.json().path("error").asText()).isEqualTo("forbidden");
	}

	@Test
	void aScoutWhoLeavesIsNoLongerCheckedIn() {
		ConsoleClient sam = keep(Staff.account(port, "sam", "scout").connect());
		ConsoleClient admin = keep(ConsoleClient.login(port, Staff.ADMIN, Staff.ADMIN_PASSWORD));
		assertThat(checkedIn(admin, "sam")).isTrue();
		assertThat(admin.post("/console/api/accounts/sam/disable", null).status()).isEqualTo(200);
		assertThat(checkedIn(admin, "sam")).as("a disabled account is off duty at once").isFalse();
		assertThat(sam.get("/console/api/duty").status()).isIn(401, 403);
	}

	@Test
	void nothingRunsAndNobodyWaits() {
		ConsoleClient admin = keep(ConsoleClient.login(port, Staff.ADMIN, Staff.ADMIN_PASSWORD));
		JsonNode duty = admin.get("/console/api/duty").json();
		assertThat(duty.path("sessions")).isEmpty();
		assertThat(duty.path("waiting").asInt()).isZero();
		assertThat(duty.hasNonNull("longestWaitSeconds")).isFalse();
	}

	private boolean checkedIn(ConsoleClient admin, String name) {
		for (JsonNode scout : admin.get("/console/api/duty").json().path("sessions").get(0).path("scouts")) {
			if (name.equals(scout.path("username").asText())) {
				return scout.path("checkedIn").asBoolean();
			}
		}
		throw new AssertionError(name + " not rostered");
	}

	/**
	 * @return the id of a new user now last in the queue, as {@code scout} sees it
	 */
	private String waitingUser(ConsoleClient scout) {
		ChatClient user = ChatClient.connect(port);
		open.add(user);
		user.hello(null, "en").next("ready");
		user.next("bot");
		user.choice("en").next("bot");
		user.command("scout").next("bot");
		JsonNode queue = scout.get("/console/api/queue").json();
		return queue.get(queue.size() - 1).path("id").asText();
	}

	private ConsoleClient keep(ConsoleClient client) {
		open.add(client);
		return client;
	}

}
