package org.scoutline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scoutline.support.ChatClient;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.LoggingSystemProperty;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What an operator gets without configuring anything for operations, on a Redis of this
 * test's own (a {@code redis-server} on a free port, stopped in the middle): the metrics
 * endpoint is closed, health is public, readiness follows Redis while liveness does not,
 * and with the profile {@code json-logs} every log line is an ECS JSON object carrying
 * only the fields Scoutline means to log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "scoutline.embedded-redis=never", "scoutline.key-prefix=sl-test-${random.uuid}:" })
@ActiveProfiles({ "test", "json-logs" })
@AutoConfigureObservability(tracing = false)
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsDefaultsTests {

	/** the fields an ECS line of ours may have; an MDC key would show up beside them */
	static final Set<String> ECS_FIELDS = Set.of("@timestamp", "log.level", "process.pid", "process.thread.name",
			"service.name", "log.logger", "message", "ecs.version", "error.type", "error.message", "error.stack_trace");

	static final ObjectMapper json = new ObjectMapper();

	static final int redisPort = freePort();

	static Process redis;

	static Path redisDir;

	final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void ownRedis(DynamicPropertyRegistry registry) throws Exception {
		startRedis();
		registry.add("spring.data.redis.host", () -> "127.0.0.1");
		registry.add("spring.data.redis.port", () -> redisPort);
	}

	/** the loggers' levels an earlier context of this JVM had set, put back afterwards */
	static List<LoggerConfiguration> levelsBefore = List.of();

	/** whether an earlier context of this JVM had set logging up */
	static boolean setUpBefore;

	/**
	 * Spring Boot sets logging up once per JVM: when an earlier test class's context
	 * (still cached) did it in plain text, this context would not log JSON. This runs
	 * before the context is made.
	 */
	@BeforeAll
	static void loggingNotSetUpYet() {
		LoggingSystem logging = LoggingSystem.get(OperationsDefaultsTests.class.getClassLoader());
		setUpBefore = ((LoggerContext) LoggerFactory.getILoggerFactory())
			.getObject(LoggingSystem.class.getName()) != null;
		levelsBefore = logging.getLoggerConfigurations();
		logging.cleanUp();
	}

	@AfterAll
	static void stopRedis() throws Exception {
		// Spring Boot keeps the format in a system property: the next test context of
		// this JVM would log JSON as well
		System.clearProperty(LoggingSystemProperty.CONSOLE_STRUCTURED_FORMAT.getEnvironmentVariableName());
		LoggingSystem logging = LoggingSystem.get(OperationsDefaultsTests.class.getClassLoader());
		logging.cleanUp();
		if (setUpBefore) {
			// cached contexts of later test classes: plain text again, at
			// the levels they had (a new context sets logging up itself)
			logging.beforeInitialize();
			logging.initialize(new LoggingInitializationContext(new StandardEnvironment()), null, null);
			levelsBefore.stream()
				.filter(level -> level.getConfiguredLevel() != null)
				.forEach(level -> logging.setLogLevel(level.getName(), level.getConfiguredLevel()));
		}
		if (redis != null) {
			redis.destroy();
			redis.waitFor();
		}
	}

	@Test
	@Order(1)
	void theMetricsAreClosedToEveryoneWhenNeitherATokenNorANetworkIsSetAndHealthStaysPublic() throws Exception {
		HttpResponse<String> closed = get("/actuator/prometheus", null);
		assertThat(closed.statusCode()).isEqualTo(404);
		assertThat(json.readTree(closed.body()).path("error").asText()).as("closed by us, not missing")
			.isEqualTo("not_found");
		assertThat(get("/actuator/prometheus", "Bearer ").statusCode()).isEqualTo(404);
		assertThat(get("/actuator/prometheus", "Bearer anything").body()).doesNotContain("scoutline_");
		HttpResponse<String> health = get("/actuator/health", null);
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(json.readTree(health.body()).path("status").asText()).isEqualTo("UP");
		assertThat(status("/actuator/health/readiness")).isEqualTo("UP");
		assertThat(status("/actuator/health/liveness")).isEqualTo("UP");
	}

	@Test
	@Order(2)
	void everyLogLineIsAnEcsJsonObjectWithOurFieldsOnlyAndNeverTheWordsOrTheToken(CapturedOutput output)
			throws Exception {
		String words = "my ex has my pictures ops-json-" + System.nanoTime();
		String token;
		try (ChatClient user = ChatClient.connect(port)) {
			token = user.hello(null, "en").next("ready").path("token").asText();
			user.next("bot");
			user.text(words).next("bot");
			user.command("delete").next("deleted");
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> output.getOut().contains("conversation erased on request"));
		List<Map<String, String>> lines = new ArrayList<>();
		for (String line : output.getOut().split("\\R")) {
			assertThat(line).as("no plain-text log line")
				.doesNotContainPattern("^\\d{4}-\\d\\d-\\d\\dT\\S+\\s+(INFO|WARN|ERROR)");
			if (line.startsWith("{")) {
				lines.add(flat(json.readTree(line)));
			}
		}
		Map<String, String> erased = lines.stream()
			.filter(l -> String.valueOf(l.get("message")).startsWith("conversation erased on request"))
			.findFirst()
			.orElseThrow();
		assertThat(erased).containsEntry("log.level", "INFO")
			.containsEntry("log.logger", "org.scoutline.hotline.Hotline")
			.containsEntry("service.name", "scoutline")
			.containsKeys("@timestamp", "ecs.version");
		for (Map<String, String> line : lines) {
			assertThat(ECS_FIELDS).as("the fields of " + line).containsAll(line.keySet());
		}
		assertThat(output.getAll()).doesNotContain(words).doesNotContain(token);
	}

	@Test
	@Order(3)
	void withRedisGoneTheInstanceIsNotReadyButAliveAndReadyAgainOnceRedisIsBack() throws Exception {
		redis.destroy();
		redis.waitFor();
		await().atMost(Duration.ofSeconds(20)).until(() -> "DOWN".equals(status("/actuator/health/readiness")));
		assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(503);
		HttpResponse<String> liveness = get("/actuator/health/liveness", null);
		assertThat(liveness.statusCode()).as("a restart would not bring Redis back").isEqualTo(200);
		assertThat(json.readTree(liveness.body()).path("status").asText()).isEqualTo("UP");

		startRedis();
		await().atMost(Duration.ofSeconds(30)).until(() -> "UP".equals(status("/actuator/health/readiness")));
	}

	/** the fields of an ECS line by their dotted names, nested or not */
	private static Map<String, String> flat(JsonNode node) {
		Map<String, String> fields = new LinkedHashMap<>();
		flat("", node, fields);
		return fields;
	}

	private static void flat(String prefix, JsonNode node, Map<String, String> into) {
		if (node.isObject()) {
			node.fields().forEachRemaining(field -> flat(prefix + field.getKey() + ".", field.getValue(), into));
		}
		else {
			into.put(prefix.substring(0, prefix.length() - 1), node.asText());
		}
	}

	private String status(String path) throws Exception {
		return json.readTree(get(path, null).body()).path("status").asText();
	}

	private HttpResponse<String> get(String path, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void startRedis() throws IOException {
		if (redisDir == null) {
			redisDir = Files.createTempDirectory("sl-ops-redis");
			redisDir.toFile().deleteOnExit();
		}
		redis = new ProcessBuilder("redis-server", "--port", Integer.toString(redisPort), "--bind", "127.0.0.1",
				"--save", "", "--appendonly", "no", "--dir", redisDir.toString())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		await().atMost(Duration.ofSeconds(10)).until(OperationsDefaultsTests::redisAnswers);
	}

	private static boolean redisAnswers() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", redisPort), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
