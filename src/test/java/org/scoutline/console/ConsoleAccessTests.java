package org.scoutline.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scoutline.conversation.ConversationId;
import org.scoutline.conversation.Conversations;
import org.scoutline.support.BrokerSubscriptions;
import org.scoutline.support.ChatClient;
import org.scoutline.support.ConsoleClient;
import org.scoutline.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Who may do what in the console, as a matrix of roles against REST endpoints and STOMP
 * destinations. {@code mine} is a chat assigned to the scout {@code amy}, {@code other}
 * one assigned to {@code ben}.
 */
@IntegrationTest
@TestPropertySource(properties = "scoutline.handover.heartbeat=300ms")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleAccessTests {

	@Autowired
	Accounts accounts;

	@LocalServerPort
	int port;

	@Autowired
	Conversations conversations;

	@Autowired
	BrokerSubscriptions broker;

	private final Map<String, ConsoleClient> clients = new java.util.HashMap<>();

	private final List<AutoCloseable> open = new ArrayList<>();

	private String mine;

	private String other;

	@BeforeAll
	void accountsAndChats() {
		// the bootstrap coordinator again, if an earlier class cleared the keys
		accounts.run(null);
		clients.put("anonymous", ConsoleClient.anonymous(port));
		clients.put("scout", Staff.account(port, "amy", "scout").connect());
		clients.put("supervisor", Staff.account(port, "sue", "supervisor"));
		clients.put("coordinator", ConsoleClient.login(port, Staff.ADMIN, Staff.ADMIN_PASSWORD));
		ConsoleClient ben = Staff.account(port, "ben", "scout").connect();
		open.add(ben);
		mine = queuedChat(clients.get("scout"));
		assertThat(clients.get("scout").post("/console/api/chats/" + mine + "/claim", null).status()).isEqualTo(200);
		other = queuedChat(ben);
		assertThat(ben.post("/console/api/chats/" + other + "/claim", null).status()).isEqualTo(200);
	}

	private String queuedChat(ConsoleClient scout) {
		ChatClient user = ChatClient.connect(port);
		open.add(user);
		user.hello(null, "en").next("ready");
		user.next("bot");
		user.choice("en").next("bot");
		user.command("scout").next("bot");
		return scout.get("/console/api/queue").json().get(0).path("id").asText();
	}

	@AfterAll
	void closeAll() throws Exception {
		for (AutoCloseable c : open) {
			c.close();
		}
		clients.values().forEach(ConsoleClient::close);
	}

	private String path(String template) {
		return template.replace("{mine}", mine).replace("{other}", other);
	}

	@ParameterizedTest(name = "{0} GET {1} -> {2}")
	@CsvSource({ "anonymous,   /console/api/me,               401", "scout,       /console/api/me,               200",
			"supervisor,  /console/api/me,               200", "coordinator, /console/api/me,               200",
			"anonymous,   /console/api/queue,            401", "scout,       /console/api/queue,            200",
			"supervisor,  /console/api/queue,            200", "coordinator, /console/api/queue,            403",
			"anonymous,   /console/api/chats,            401", "scout,       /console/api/chats,            200",
			"supervisor,  /console/api/chats,            200", "coordinator, /console/api/chats,            403",
			"anonymous,   /console/api/chats/{mine},     401", "scout,       /console/api/chats/{mine},     200",
			"scout,       /console/api/chats/{other},    403", "supervisor,  /console/api/chats/{mine},     200",
			"supervisor,  /console/api/chats/{other},    200", "coordinator, /console/api/chats/{mine},     403",
			"anonymous,   /console/api/team,             401", "scout,       /console/api/team,             200",
			"coordinator, /console/api/team,             403", "anonymous,   /console/api/accounts,         401",
			"scout,       /console/api/accounts,         403", "supervisor,  /console/api/accounts,         403",
			"coordinator, /console/api/accounts,         200", "anonymous,   /console,                      302",
			"scout,       /console,                      200", "coordinator, /console,                      200",
			"anonymous,   /widget.js,                    200", "anonymous,   /actuator/health,              200",
			"anonymous,   /widget/frame.html,            200", "anonymous,   /widget/token,                 403",
			"anonymous,   /console/api/chats/{mine}/canned,  401", "scout,  /console/api/chats/{mine}/canned,  200",
			"scout,       /console/api/chats/{other}/canned, 403", "supervisor, /console/api/chats/{other}/canned, 200",
			"coordinator, /console/api/chats/{mine}/canned,  403",
			"scout,       /console/api/chats/{mine}/assist,  200", "scout,  /console/api/chats/{other}/assist,  403",
			"supervisor,  /console/api/chats/{other}/assist, 200", "coordinator, /console/api/chats/{mine}/assist, 403",
			"anonymous,   /console/api/chats/{mine}/assist,  401", "scout,       /console/api/offer,            200",
			"supervisor,  /console/api/offer,            200", "coordinator, /console/api/offer,            403",
			"anonymous,   /console/api/offer,            401" })
	void reads(String role, String template, int status) {
		assertThat(clients.get(role).get(path(template)).status()).isEqualTo(status);
	}

	@ParameterizedTest(name = "{0} POST {1} -> {2}")
	@CsvSource(delimiter = ';',
			value = { "anonymous;   /console/api/chats/{other}/notes;    403",
					"scout;       /console/api/chats/{other}/notes;    403",
					"scout;       /console/api/chats/{mine}/notes;     200",
					"supervisor;  /console/api/chats/{other}/notes;    200",
					"coordinator; /console/api/chats/{mine}/notes;     403",
					"scout;       /console/api/chats/{other}/close;    403",
					"coordinator; /console/api/chats/{other}/close;    403",
					"scout;       /console/api/chats/{other}/transfer; 403",
					"coordinator; /console/api/chats/{other}/claim;    403",
					"scout;       /console/api/chats/{mine}/step-in;   403",
					"scout;       /console/api/chats/{other}/step-in;  403",
					"scout;       /console/api/chats/{mine}/whispers;  403",
					"coordinator; /console/api/chats/{other}/whispers; 403",
					"anonymous;   /console/api/chats/{other}/step-in;  403",
					"supervisor;  /console/api/chats/{other}/whispers; 200",
					"coordinator; /console/api/offer/{other}/accept;   403",
					"scout;       /console/api/accounts;               403",
					"supervisor;  /console/api/accounts;               403",
					"anonymous;   /console/api/accounts;               403" })
	void writes(String role, String template, int status) {
		Map<String, String> body = Map.of("text", "a note", "outcome", "helped", "to", "amy", "username", "eve",
				"password", "eve-password-1", "alias", "Eve", "role", "scout");
		assertThat(clients.get(role).post(path(template), body).status()).isEqualTo(status);
		assertThat(conversations.get(new ConversationId(other)).orElseThrow().mode().name()).isEqualTo("WITH_SCOUT");
	}

	@ParameterizedTest(name = "{0} may not open the console socket")
	@CsvSource({ "anonymous", "coordinator" })
	void theSocketIsForScoutsAndSupervisorsOnly(String role) {
		assertThat(clients.get(role).tryConnect(true)).isFalse();
	}

	@ParameterizedTest(name = "a CONNECT without the CSRF token is refused ({0})")
	@CsvSource({ "scout", "supervisor" })
	void connectNeedsTheCsrfToken(String role) throws Exception {
		ConsoleClient client = ConsoleClient.login(port, role.equals("scout") ? "amy" : "sue", Staff.PASSWORD);
		open.add(client);
		assertThat(client.tryConnect(false)).isFalse();
	}

	@ParameterizedTest(name = "{0} SUBSCRIBE {1} -> {2}")
	@CsvSource({ "scout,      /topic/queue,         allowed", "scout,      /topic/chat/{mine},   allowed",
			"scout,      /user/queue/errors,   allowed", "scout,      /topic/chat/{other},  denied",
			"scout,      /topic/alerts,        denied", "scout,      /topic/chats,         denied",
			"scout,      /topic/anything,      denied", "supervisor, /topic/chat/{other},  allowed",
			"supervisor, /topic/alerts,        allowed", "supervisor, /topic/chats,         allowed",
			"supervisor, /app/chat/{other}/send, denied" })
	void subscriptions(String role, String destination, String expected) throws Exception {
		String username = role.equals("scout") ? "amy" : "sue";
		ConsoleClient client = broker.connect(ConsoleClient.login(port, username, Staff.PASSWORD), username);
		open.add(client);
		client.subscribe(path(destination));
		if (expected.equals("denied")) {
			assertThat(client.nextError()).isEqualTo("Access Denied");
		}
		else {
			assertThat(client.errors.poll(700, java.util.concurrent.TimeUnit.MILLISECONDS)).isNull();
			assertThat(client.connected()).isTrue();
		}
	}

	@ParameterizedTest(name = "{0} SEND {1} -> denied, nothing happens")
	@CsvSource({ "scout, /app/chat/{other}/send", "scout, /app/chat/{other}/note", "scout, /app/chat/{other}/typing",
			"scout, /app/chat/{other}/whisper", "scout, /app/elsewhere", "supervisor, /topic/queue" })
	void forbiddenSendsChangeNothing(String role, String destination) throws Exception {
		String username = role.equals("scout") ? "amy" : "sue";
		ConsoleClient client = broker.connect(ConsoleClient.login(port, username, Staff.PASSWORD), username);
		open.add(client);
		int before = conversations.transcript(new ConversationId(other), 500).size();
		client.send(path(destination), Map.of("text", "should never arrive"));
		assertThat(client.nextError()).isEqualTo("Access Denied");
		assertThat(conversations.transcript(new ConversationId(other), 500)).hasSize(before);
	}

}
