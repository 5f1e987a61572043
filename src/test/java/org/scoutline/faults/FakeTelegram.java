package org.scoutline.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Telegram for the fault tests, both directions:
 * <ul>
 * <li>the Bot API ({@code POST /bot<token>/<method>}), one listening port per instance
 * (its {@code api-url}) so that every call is known by the instance that made it; it
 * records every {@code sendMessage} per chat in an {@link Outbox};</li>
 * <li>webhook mode: updates POSTed to {@code /webhooks/telegram} with
 * {@code X-Telegram-Bot-Api-Secret-Token}, redelivered until a 200 ({@link Webhooks});
 * </li>
 * <li>polling mode: {@code getUpdates} as the real server: an update is kept until a
 * getUpdates with an {@code offset} greater than its id confirms it; a long poll returns
 * as soon as there is an update (here after at most 1 s without); a getUpdates while
 * another is waiting ends the waiting one with {@code 409 Conflict: terminated by other
 * getUpdates request}.</li>
 * </ul>
 */
final class FakeTelegram implements AutoCloseable {

	static final ObjectMapper json = new ObjectMapper();

	static final String TOKEN = "123456:FAULTS-token";

	static final String SECRET = "faults_Secret-7";

	/** One getUpdates answered with updates. */
	record Poll(String instance, Instant at, List<Integer> updateIds) {

	}

	private final List<HttpServer> servers = new CopyOnWriteArrayList<>();

	private final ExecutorService executor = Executors.newCachedThreadPool(Webhooks.daemon("fake-telegram"));

	private final Outbox outbox = new Outbox();

	private final AtomicInteger messageIds = new AtomicInteger(1000);

	private final AtomicInteger callbacksAnswered = new AtomicInteger();

	private final Map<String, Integer> lastKeyboard = new ConcurrentHashMap<>();

	// ------------------------------------------------------------ getUpdates state

	private final Object lock = new Object();

	/** unconfirmed updates by id */
	private final TreeMap<Integer, String> pending = new TreeMap<>();

	/** every update ever queued, by id */
	private final Map<Integer, Instant> queued = new ConcurrentHashMap<>();

	/** how often each update was handed out, and to whom */
	private final Map<Integer, List<String>> handedOut = new ConcurrentHashMap<>();

	private final List<Poll> polls = new CopyOnWriteArrayList<>();

	private final Map<String, AtomicInteger> getUpdatesCalls = new ConcurrentHashMap<>();

	private final AtomicInteger conflicts = new AtomicInteger();

	private Waiting waiting;

	private Webhooks webhooks;

	private static final class Waiting {

		final String instance;

		boolean terminated;

		Waiting(String instance) {
			this.instance = instance;
		}

	}

	/**
	 * @return the Bot API address for one instance ({@code scoutline.telegram.api-url})
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

	/** Webhook mode: the instances updates are POSTed to. */
	void webhookTo(Supplier<List<AppInstance>> instances) {
		webhooks = new Webhooks("/webhooks/telegram",
				(request, body) -> request.header("X-Telegram-Bot-Api-Secret-Token", SECRET), instances);
	}

	Webhooks webhooks() {
		return webhooks;
	}

	Outbox outbox() {
		return outbox;
	}

	int callbacksAnswered() {
		return callbacksAnswered.get();
	}

	/**
	 * @return the message id of the last message with a keyboard sent to a chat (what a
	 * tap refers to)
	 */
	int lastKeyboard(long chat) {
		return lastKeyboard.getOrDefault(String.valueOf(chat), 1);
	}

	// ------------------------------------------------------------ polling mode

	/** Polling mode: queues an update for getUpdates. */
	void queue(int updateId, String update) {
		synchronized (lock) {
			pending.put(updateId, update);
			queued.put(updateId, Instant.now());
			lock.notifyAll();
		}
	}

	List<Poll> polls() {
		return List.copyOf(polls);
	}

	Map<String, Integer> getUpdatesCalls() {
		Map<String, Integer> calls = new TreeMap<>();
		getUpdatesCalls.forEach((instance, count) -> calls.put(instance, count.get()));
		return calls;
	}

	int conflicts() {
		return conflicts.get();
	}

	/**
	 * @return updates queued but never handed out by any getUpdates
	 */
	int neverHandedOut() {
		return (int) queued.keySet().stream().filter(id -> !handedOut.containsKey(id)).count();
	}

	/**
	 * @return updates handed out more than once (to one instance or several)
	 */
	int handedOutTwice() {
		return (int) handedOut.values().stream().filter(list -> list.size() > 1).count();
	}

	/**
	 * @return updates handed out to more than one instance
	 */
	int handedOutToSeveral() {
		return (int) handedOut.values().stream().filter(list -> Set.copyOf(list).size() > 1).count();
	}

	int unconfirmed() {
		synchronized (lock) {
			return pending.size();
		}
	}

	private String getUpdates(String instance, JsonNode body) throws Conflict {
		getUpdatesCalls.computeIfAbsent(instance, k -> new AtomicInteger()).incrementAndGet();
		long offset = body.path("offset").asLong(0);
		int limit = Math.max(1, Math.min(100, body.path("limit").asInt(100)));
		long timeout = Math.min(1000, Math.max(0, body.path("timeout").asLong(0)) * 1000);
		Waiting me = new Waiting(instance);
		List<Integer> batch = new ArrayList<>();
		StringBuilder result = new StringBuilder("[");
		synchronized (lock) {
			if (offset > 0) {
				pending.headMap((int) Math.min(Integer.MAX_VALUE, offset), false).clear();
			}
			if (waiting != null) {
				waiting.terminated = true;
				lock.notifyAll();
			}
			waiting = me;
			long deadline = System.nanoTime() + Duration.ofMillis(timeout).toNanos();
			try {
				while (!me.terminated && pending.isEmpty()) {
					long left = deadline - System.nanoTime();
					if (left <= 0) {
						break;
					}
					// a monitor wait of the long poll, woken by queue() or a newer poll
					lock.wait(Math.max(1, left / 1_000_000));
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			if (waiting == me) {
				waiting = null;
			}
			if (me.terminated) {
				conflicts.incrementAndGet();
				throw new Conflict();
			}
			for (Map.Entry<Integer, String> entry : pending.entrySet()) {
				if (batch.size() == limit) {
					break;
				}
				batch.add(entry.getKey());
				result.append(batch.size() > 1 ? "," : "").append(entry.getValue());
			}
		}
		for (Integer id : batch) {
			handedOut.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(instance);
		}
		if (!batch.isEmpty()) {
			polls.add(new Poll(instance, Instant.now(), List.copyOf(batch)));
		}
		return result.append("]").toString();
	}

	private static final class Conflict extends Exception {

		private static final long serialVersionUID = 1L;

		Conflict() {
			super(null, null, false, false);
		}

	}

	// ------------------------------------------------------------ the Bot API

	private void handle(String instance, HttpExchange exchange) {
		try {
			String path = exchange.getRequestURI().getPath();
			String method = path.substring(path.lastIndexOf('/') + 1).toLowerCase();
			byte[] raw;
			try (InputStream in = exchange.getRequestBody()) {
				raw = in.readAllBytes();
			}
			JsonNode body = parse(raw, exchange.getRequestHeaders().getFirst("Content-Type"));
			String result;
			try {
				result = switch (method) {
					case "getupdates" -> getUpdates(instance, body);
					case "sendmessage" -> sent(instance, body);
					case "answercallbackquery" -> {
						callbacksAnswered.incrementAndGet();
						yield "true";
					}
					case "getme" -> "{\"id\":42,\"is_bot\":true,\"first_name\":\"Scout\",\"username\":\"ScoutBot\"}";
					default -> "true";
				};
			}
			catch (Conflict ex) {
				respond(exchange, 409, "{\"ok\":false,\"error_code\":409,\"description\":"
						+ "\"Conflict: terminated by other getUpdates request; make sure that only one bot instance "
						+ "is running\"}");
				return;
			}
			respond(exchange, 200, "{\"ok\":true,\"result\":" + result + "}");
		}
		catch (IOException ex) {
			// the instance is gone (killed while it waited)
		}
		finally {
			exchange.close();
		}
	}

	private String sent(String instance, JsonNode body) {
		int id = messageIds.incrementAndGet();
		String chat = body.path("chat_id").asText();
		List<String> buttons = body.path("reply_markup").path("inline_keyboard").findValuesAsText("callback_data");
		outbox.add(new Outbox.Sent(chat, instance, body.path("text").asText(), buttons, Instant.now()));
		if (!buttons.isEmpty()) {
			lastKeyboard.put(chat, id);
		}
		return json.createObjectNode()
			.put("message_id", id)
			.put("date", Instant.now().getEpochSecond())
			.set("chat", json.createObjectNode().put("id", body.path("chat_id").asLong()).put("type", "private"))
			.toString();
	}

	/** JSON, a form or multipart (setWebhook may come as one): fields of an object. */
	private static JsonNode parse(byte[] raw, String type) throws IOException {
		if (raw.length == 0) {
			return json.createObjectNode();
		}
		String text = new String(raw, StandardCharsets.UTF_8);
		if (type != null && type.startsWith("multipart/form-data")) {
			String boundary = "--" + type.substring(type.indexOf("boundary=") + 9).replace("\"", "");
			ObjectNode fields = json.createObjectNode();
			for (String part : text.split(java.util.regex.Pattern.quote(boundary))) {
				int name = part.indexOf("name=\"");
				int blank = part.indexOf("\r\n\r\n");
				if (name >= 0 && blank > name) {
					fields.put(part.substring(name + 6, part.indexOf('"', name + 6)),
							part.substring(blank + 4).replaceAll("\r\n$", ""));
				}
			}
			return fields;
		}
		if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
			ObjectNode fields = json.createObjectNode();
			for (String pair : text.split("&")) {
				int eq = pair.indexOf('=');
				if (eq > 0) {
					fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
							URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
				}
			}
			return fields;
		}
		return json.readTree(raw);
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
		synchronized (lock) {
			if (waiting != null) {
				waiting.terminated = true;
			}
			lock.notifyAll();
		}
		servers.forEach(server -> server.stop(0));
		executor.shutdownNow();
	}

	// ------------------------------------------------------------ updates in the Bot
	// API's format

	static String text(int updateId, long chat, String text) {
		ObjectNode message = message(chat, updateId);
		message.put("text", text);
		if (text.startsWith("/")) {
			message.putArray("entities")
				.addObject()
				.put("type", "bot_command")
				.put("offset", 0)
				.put("length", text.split(" ")[0].length());
		}
		return update(updateId, "message", message);
	}

	/** A tap on a button of the message {@code messageId}. */
	static String callback(int updateId, long chat, int messageId, String data) {
		ObjectNode query = json.createObjectNode()
			.put("id", "cb" + updateId)
			.put("chat_instance", "ci" + chat)
			.put("data", data);
		query.set("from", user(chat));
		ObjectNode message = json.createObjectNode()
			.put("message_id", messageId)
			.put("date", Instant.now().getEpochSecond())
			.put("text", "question");
		message.set("chat", json.createObjectNode().put("id", chat).put("type", "private"));
		query.set("message", message);
		return update(updateId, "callback_query", query);
	}

	private static ObjectNode message(long chat, int updateId) {
		ObjectNode message = json.createObjectNode()
			.put("message_id", updateId)
			.put("date", Instant.now().getEpochSecond());
		message.set("chat", json.createObjectNode().put("id", chat).put("type", "private").put("first_name", "A"));
		message.set("from", user(chat));
		return message;
	}

	private static ObjectNode user(long id) {
		return json.createObjectNode()
			.put("id", id)
			.put("is_bot", false)
			.put("first_name", "A")
			.put("language_code", "de");
	}

	private static String update(int updateId, String field, JsonNode content) {
		ObjectNode update = json.createObjectNode().put("update_id", updateId);
		update.set(field, content);
		return update.toString();
	}

}
