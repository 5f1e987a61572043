package org.scoutline.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.scoutline.channel.common.ChannelMeters;
import org.scoutline.conversation.Conversation;
import org.scoutline.conversation.Conversations;
import org.scoutline.handover.ClaimOutcome;
import org.scoutline.platform.RefusedMessages;
import org.scoutline.safety.CrisisKind;
import org.scoutline.safety.Pseudonyms;
import org.scoutline.support.ChatClient;
import org.scoutline.support.ConsoleClient;
import org.scoutline.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

/**
 * The metrics an operations team reads, after real traffic on every channel: a widget
 * user in crisis queued, claimed and closed by a scout; Telegram and WhatsApp webhooks
 * rejected for every reason, a replayed update, WhatsApp replies failing at a Graph API
 * that answers 500. Then {@code /actuator/prometheus} is read with the token, and every
 * label value is checked: Scoutline's meters carry only their fixed tag values, no meter
 * carries an id, a pseudonym, a chat id, a phone number or a word that was sent. (Tests
 * export no metrics unless asked: {@link AutoConfigureObservability}.)
 */
@IntegrationTest
@AutoConfigureObservability(tracing = false)
class MetricsLabelsTests {

	static final String TOKEN = "metrics-token-for-tests";

	static final String TELEGRAM_SECRET = "tg-secret-for-metrics";

	static final String APP_SECRET = "wa-secret-for-metrics";

	static final long CHAT = 770_000_000_000L + System.nanoTime() % 1_000_000;

	static final String PHONE = "4915" + (10_000_000 + System.nanoTime() % 89_999_999);

	static final String CRISIS = "i keep cutting myself";

	static final String WORDS = "someone posted my photo metricsword";

	static final ObjectMapper json = new ObjectMapper();

	/** a Bot API that takes everything, and a Graph API that always fails */
	static final HttpServer platforms = platforms();

	@DynamicPropertySource
	static void channels(DynamicPropertyRegistry registry) {
		String url = "http://127.0.0.1:" + platforms.getAddress().getPort();
		registry.add("scoutline.metrics.token", () -> TOKEN);
		registry.add("scoutline.metrics.allowed-networks", () -> "10.255.255.0/24");
		registry.add("scoutline.metrics.gauge-refresh", () -> "200ms");
		registry.add("scoutline.handover.heartbeat", () -> "200ms");
		registry.add("scoutline.handover.sweep", () -> "1h");
		registry.add("scoutline.telegram.enabled", () -> "true");
		registry.add("scoutline.telegram.token", () -> "123456:METRICS-token");
		registry.add("scoutline.telegram.api-url", () -> url);
		registry.add("scoutline.telegram.mode", () -> "webhook");
		registry.add("scoutline.telegram.webhook-secret", () -> TELEGRAM_SECRET);
		registry.add("scoutline.whatsapp.enabled", () -> "true");
		registry.add("scoutline.whatsapp.api-url", () -> url);
		registry.add("scoutline.whatsapp.phone-number-id", () -> "1098765432");
		registry.add("scoutline.whatsapp.access-token", () -> "EAAG-metrics");
		registry.add("scoutline.whatsapp.app-secret", () -> APP_SECRET);
		registry.add("scoutline.whatsapp.verify-token", () -> "verify-metrics");
		registry.add("scoutline.whatsapp.backoff", () -> "5ms");
		registry.add("scoutline.whatsapp.max-attempts", () -> "2");
	}

	@Autowired
	Accounts accounts;

	@Autowired
	Conversations conversations;

	@Autowired
	Pseudonyms pseudonyms;

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	private final List<AutoCloseable> open = new ArrayList<>();

	@AfterEach
	void closeAll() throws Exception {
		for (AutoCloseable c : open) {
			c.close();
		}
		open.clear();
	}

	@AfterAll
	static void stopPlatforms() {
		platforms.stop(0);
	}

	@Test
	void theEndpointIsClosedWithoutTheTokenOrTheNetworkAndOpenWithTheToken() throws Exception {
		HttpResponse<String> anonymous = scrape(null);
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		assertThat(anonymous.body()).doesNotContain("scoutline_");
		assertThat(scrape("Bearer " + TOKEN + "x").statusCode()).isEqualTo(401);
		assertThat(scrape("Basic " + TOKEN).statusCode()).isEqualTo(401);
		HttpResponse<String> scraped = scrape("Bearer " + TOKEN);
		assertThat(scraped.statusCode()).isEqualTo(200);
		assertThat(scraped.headers().firstValue("Set-Cookie")).as("no session for a scraper").isEmpty();
		assertThat(scraped.body()).contains("scoutline_turns_total");
		assertThat(get("/actuator/health", null).statusCode()).as("health stays public").isEqualTo(200);
	}

	@Test
	void afterRealTrafficEveryLabelIsAFixedValueAndNoneNamesAPersonAConversationOrTheirWords() throws Exception {
		accounts.run(null);
		ConsoleClient scout = Staff.account(port, "opsmetricscout", "scout").connect();
		open.add(scout);
		ChatClient user = ChatClient.connect(port);
		open.add(user);
		String token = user.hello(null, "en").next("ready").path("token").asText();
		user.next("bot");
		user.choice("en").next("bot");
		user.text(WORDS).next("bot");
		assertThat(ChatClient.texts(user.text(CRISIS).next("bot"))).contains("queue");
		await().atMost(Duration.ofSeconds(10)).until(() -> value(metrics(), "scoutline_queue_crisis", "") >= 1);
		Conversation conversation = conversations.find(pseudonyms.of("WEB", token), null).conversation();
		String id = conversation.id().value();
		assertThat(scout.post("/console/api/chats/" + id + "/claim", null).status()).isEqualTo(200);
		assertThat(scout.post("/console/api/chats/" + id + "/claim", null).status()).as("mine already").isEqualTo(200);
		assertThat(scout.post("/console/api/chats/" + id + "/close", Map.of("outcome", "helped")).status())
			.isEqualTo(200);

		String update = update(9001, "/start");
		assertThat(telegram(update, "wrong").statusCode()).isEqualTo(401);
		assertThat(telegram("x".repeat(1_100_000), TELEGRAM_SECRET).statusCode()).isEqualTo(413);
		assertThat(telegram("{not json", TELEGRAM_SECRET).statusCode()).isEqualTo(400);
		assertThat(telegram(update, TELEGRAM_SECRET).statusCode()).isEqualTo(200);
		assertThat(telegram(update, TELEGRAM_SECRET).statusCode()).as("a replay").isEqualTo(200);
		String whatsapp = whatsApp(WORDS);
		assertThat(whatsApp(whatsapp, "sha256=00").statusCode()).isEqualTo(401);
		assertThat(whatsApp("{\"object\":", sign("{\"object\":")).statusCode()).isEqualTo(400);
		assertThat(whatsApp(whatsapp, sign(whatsapp)).statusCode()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			String metrics = metrics();
			assertThat(value(metrics, "scoutline_channel_api_calls_total", "channel=\"whatsapp\",outcome=\"failed\""))
				.isPositive();
			assertThat(value(metrics, "scoutline_channel_api_calls_total", "channel=\"telegram\",outcome=\"ok\""))
				.isPositive();
			assertThat(value(metrics, "scoutline_turns_total", "channel=\"telegram\",outcome=\"answered\""))
				.isPositive();
			assertThat(value(metrics, "scoutline_queue_length", "")).isZero();
		});
		String metrics = metrics();
		assertThat(value(metrics, "scoutline_turns_total", "channel=\"web\",outcome=\"answered\"")).isGreaterThan(2);
		assertThat(value(metrics, "scoutline_turn_duration_seconds_count", "channel=\"web\"")).isGreaterThan(2);
		assertThat(value(metrics, "scoutline_turn_duration_seconds_bucket", "channel=\"web\",le=\"+Inf\""))
			.isGreaterThan(2);
		assertThat(value(metrics, "scoutline_turn_redis_roundtrips_sum", "channel=\"web\""))
			.as("the Redis commands of the turns were counted")
			.isGreaterThan(2);
		assertThat(value(metrics, "scoutline_crisis_signals_total", "kind=\"self_harm\",severity=\"concern\""))
			.isPositive();
		assertThat(value(metrics, "scoutline_handover_claims_total", "outcome=\"ok\"")).isEqualTo(1);
		assertThat(value(metrics, "scoutline_handover_claims_total", "outcome=\"mine\"")).isEqualTo(1);
		assertThat(value(metrics, "scoutline_handover_closes_total", "outcome=\"helped\"")).isEqualTo(1);
		assertThat(value(metrics, "scoutline_queue_wait_seconds_count", "")).isEqualTo(1);
		assertThat(value(metrics, "scoutline_scouts_on_duty", "")).isPositive();
		assertThat(value(metrics, "scoutline_sessions_open", "")).isPositive();
		for (String reason : List.of("bad_secret", "oversized", "malformed", "replay")) {
			assertThat(value(metrics, "scoutline_webhook_rejected_total",
					"channel=\"telegram\",reason=\"" + reason + "\""))
				.as(reason)
				.isPositive();
		}
		for (String reason : List.of("bad_signature", "malformed")) {
			assertThat(value(metrics, "scoutline_webhook_rejected_total",
					"channel=\"whatsapp\",reason=\"" + reason + "\""))
				.as(reason)
				.isPositive();
		}

		List<String> forbidden = List.of(id, token, conversation.pseudonym(), Long.toString(CHAT), PHONE, CRISIS, WORDS,
				"metricsword", "opsmetricscout", TOKEN, TELEGRAM_SECRET, APP_SECRET);
		Map<String, Set<String>> allowed = allowedValues();
		Pattern plain = Pattern.compile("[A-Za-z0-9_ .,:;'/\\-+()\\[\\]{}*#]{0,120}");
		for (Label label : labels(metrics)) {
			assertThat(label.value()).as(label.toString()).matches(plain);
			for (String secret : forbidden) {
				assertThat(label.value()).as(label.toString()).doesNotContainIgnoringCase(secret);
			}
			if (label.meter().startsWith("scoutline_")) {
				assertThat(allowed).as(label.toString()).containsKey(label.name());
				assertThat(allowed.get(label.name())).as(label.toString()).contains(label.value());
			}
		}
	}

	/** every tag of a Scoutline meter with every value it may take */
	private static Map<String, Set<String>> allowedValues() {
		return Map.of("application", Set.of("scoutline"), "channel", Set.of("web", "telegram", "whatsapp", "other"),
				"outcome",
				union(names(ClaimOutcome.values()), names(ChannelMeters.Call.values()),
						Set.of("answered", "too_long", "unavailable", "duplicate", "ignored", "erased", "failed"),
						Set.copyOf(ConsoleApi.OUTCOMES)),
				"reason", union(names(ChannelMeters.Rejection.values()), names(RefusedMessages.Reason.values())),
				"kind", names(CrisisKind.values()), "severity", Set.of("concern", "imminent"), "le", Set.of("*"));
	}

	private static Set<String> names(Enum<?>[] values) {
		return Arrays.stream(values).map(v -> v.name().toLowerCase()).collect(Collectors.toSet());
	}

	@SafeVarargs
	private static Set<String> union(Set<String>... sets) {
		return Arrays.stream(sets).flatMap(Set::stream).collect(Collectors.toSet());
	}

	record Label(String meter, String name, String value) {
	}

	static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)\\{(.*)\\}\\s+\\S+.*$");

	static final Pattern PAIR = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	/** the labels of every sample (histogram bounds as {@code *}) */
	private static List<Label> labels(String metrics) {
		List<Label> labels = new ArrayList<>();
		for (String line : metrics.split("\n")) {
			Matcher sample = SAMPLE.matcher(line);
			if (line.startsWith("#") || !sample.matches()) {
				continue;
			}
			Matcher pair = PAIR.matcher(sample.group(2));
			while (pair.find()) {
				String value = "le".equals(pair.group(1)) ? "*" : pair.group(2);
				labels.add(new Label(sample.group(1), pair.group(1), value));
			}
		}
		assertThat(labels).as("labels read").hasSizeGreaterThan(50);
		return labels;
	}

	/**
	 * the value of the first sample of {@code meter} whose labels contain {@code labels}
	 */
	private static double value(String metrics, String meter, String labels) {
		for (String line : metrics.split("\n")) {
			if (line.startsWith(meter + "{") && line.substring(0, line.indexOf('}') + 1).contains(labels)) {
				return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
			}
		}
		return -1;
	}

	private String metrics() throws Exception {
		HttpResponse<String> scraped = scrape("Bearer " + TOKEN);
		assertThat(scraped.statusCode()).isEqualTo(200);
		return scraped.body();
	}

	private HttpResponse<String> scrape(String authorization) throws Exception {
		return get("/actuator/prometheus", authorization);
	}

	private HttpResponse<String> get(String path, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> telegram(String body, String secret) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/telegram"))
			.header("Content-Type", "application/json")
			.header("X-Telegram-Bot-Api-Secret-Token", secret)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> whatsApp(String body, String signature) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/whatsapp"))
			.header("Content-Type", "application/json")
			.header("X-Hub-Signature-256", signature)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String update(int id, String text) {
		ObjectNode message = json.createObjectNode().put("message_id", id).put("date", Instant.now().getEpochSecond());
		message.putObject("chat").put("id", CHAT).put("type", "private").put("first_name", "A");
		message.putObject("from").put("id", CHAT).put("is_bot", false).put("first_name", "A");
		message.put("text", text);
		message.putArray("entities").addObject().put("type", "bot_command").put("offset", 0).put("length", 6);
		ObjectNode update = json.createObjectNode().put("update_id", id);
		update.set("message", message);
		return update.toString();
	}

	private static String whatsApp(String text) {
		ObjectNode root = json.createObjectNode().put("object", "whatsapp_business_account");
		ObjectNode value = root.putArray("entry")
			.addObject()
			.put("id", "WABA-ID")
			.putArray("changes")
			.addObject()
			.put("field", "messages")
			.putObject("value");
		value.put("messaging_product", "whatsapp");
		value.putObject("metadata").put("display_phone_number", "4930123456").put("phone_number_id", "1098765432");
		value.putArray("contacts").addObject().put("wa_id", PHONE).putObject("profile").put("name", "A");
		ObjectNode message = value.putArray("messages").addObject();
		message.put("from", PHONE)
			.put("id", "wamid.metrics" + System.nanoTime())
			.put("timestamp", String.valueOf(Instant.now().getEpochSecond()))
			.put("type", "text");
		message.putObject("text").put("body", text);
		return root.toString();
	}

	private static String sign(String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static HttpServer platforms() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/", exchange -> {
				exchange.getRequestBody().readAllBytes();
				String path = exchange.getRequestURI().getPath().toLowerCase();
				int status = path.contains("/bot") ? 200 : 500;
				String body = !path.contains("/bot") ? "{\"error\":{\"code\":2}}"
						: path.endsWith("/sendmessage") || path.endsWith("/editmessagetext")
								? "{\"ok\":true,\"result\":{\"message_id\":1,\"date\":1700000000,"
										+ "\"chat\":{\"id\":1,\"type\":\"private\"}}}"
								: "{\"ok\":true,\"result\":true}";
				byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(status, bytes.length);
				exchange.getResponseBody().write(bytes);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
