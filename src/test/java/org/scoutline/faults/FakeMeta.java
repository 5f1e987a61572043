package org.scoutline.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Meta for the fault tests, both directions: the Graph API's
 * {@code POST /<version>/<phone-number-id>/messages} (one listening port per instance,
 * its {@code api-url}), recorded per recipient in an {@link Outbox}; and webhook
 * notifications POSTed to {@code /webhooks/whatsapp}, signed as Meta signs them
 * ({@code X-Hub-Signature-256: sha256=<HMAC-SHA256 of the body with the app secret>}) and
 * redelivered until a 200 ({@link Webhooks}).
 */
final class FakeMeta implements AutoCloseable {

	static final ObjectMapper json = new ObjectMapper();

	static final String APP_SECRET = "faults-app-secret";

	static final String PHONE_NUMBER_ID = "1098765432";

	static final String ACCESS_TOKEN = "EAAG-faults-token";

	static final String VERIFY_TOKEN = "faults-verify";

	private final List<HttpServer> servers = new CopyOnWriteArrayList<>();

	private final ExecutorService executor = Executors.newCachedThreadPool(Webhooks.daemon("fake-graph"));

	private final Outbox outbox = new Outbox();

	private final AtomicInteger ids = new AtomicInteger();

	private Webhooks webhooks;

	/**
	 * @return the Graph API address for one instance ({@code scoutline.whatsapp.api-url})
	 */
	String front(String instance) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/", exchange -> handle(instance, exchange));
			server.setExecutor(executor);
			server.start();
			servers.add(server);
			return "http://127.0.0.1:" + server.getAddress().getPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	void webhookTo(Supplier<List<AppInstance>> instances) {
		webhooks = new Webhooks("/webhooks/whatsapp",
				(request, body) -> request.header("X-Hub-Signature-256", sign(body)), instances);
	}

	Webhooks webhooks() {
		return webhooks;
	}

	Outbox outbox() {
		return outbox;
	}

	private void handle(String instance, HttpExchange exchange) {
		try {
			byte[] raw;
			try (InputStream in = exchange.getRequestBody()) {
				raw = in.readAllBytes();
			}
			JsonNode body = raw.length == 0 ? json.createObjectNode() : json.readTree(raw);
			String to = body.path("to").asText("");
			if (!to.isEmpty()) {
				outbox.add(new Outbox.Sent(to, instance, text(body), choices(body), Instant.now()));
			}
			respond(exchange, 200,
					"{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + to + "\",\"wa_id\":\"" + to
							+ "\"}],\"messages\":[{\"id\":\"wamid.out" + ids.incrementAndGet() + "\"}]}");
		}
		catch (IOException ex) {
			// the instance went away
		}
		finally {
			exchange.close();
		}
	}

	private static String text(JsonNode body) {
		return "text".equals(body.path("type").asText()) ? body.path("text").path("body").asText()
				: body.path("interactive").path("body").path("text").asText();
	}

	private static List<String> choices(JsonNode body) {
		JsonNode action = body.path("interactive").path("action");
		return action.has("buttons") ? action.path("buttons").findValuesAsText("id")
				: action.path("sections").findValuesAsText("id");
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		if (webhooks != null) {
			webhooks.close();
		}
		servers.forEach(server -> server.stop(0));
		executor.shutdownNow();
	}

	// ------------------------------------------------------------ notifications in
	// Meta's format

	static String text(String from, String body) {
		ObjectNode message = message(from, "text");
		message.putObject("text").put("body", body);
		return payload(message);
	}

	/** A tap on a reply button ({@code de}, {@code en}) or a list row (the rest). */
	static String reply(String from, String id) {
		ObjectNode message = message(from, "interactive");
		ObjectNode interactive = message.putObject("interactive");
		boolean list = !List.of("de", "en").contains(id);
		interactive.put("type", list ? "list_reply" : "button_reply");
		interactive.putObject(list ? "list_reply" : "button_reply").put("id", id).put("title", "whatever");
		return payload(message);
	}

	private static ObjectNode message(String from, String type) {
		return json.createObjectNode()
			.put("from", from)
			.put("id", "wamid." + UUID.randomUUID())
			.put("timestamp", String.valueOf(Instant.now().getEpochSecond()))
			.put("type", type);
	}

	private static String payload(ObjectNode message) {
		ObjectNode root = json.createObjectNode().put("object", "whatsapp_business_account");
		ObjectNode value = root.putArray("entry")
			.addObject()
			.put("id", "WABA-ID")
			.putArray("changes")
			.addObject()
			.put("field", "messages")
			.putObject("value");
		value.put("messaging_product", "whatsapp");
		value.putObject("metadata").put("display_phone_number", "4930123456").put("phone_number_id", PHONE_NUMBER_ID);
		value.putArray("contacts")
			.addObject()
			.put("wa_id", message.path("from").asText())
			.putObject("profile")
			.put("name", "A");
		value.putArray("messages").add(message);
		return root.toString();
	}

	static String sign(String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
