package org.scoutline.channel.telegram;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A Telegram Bot API server for tests, speaking the real wire format:
 * {@code POST /bot<token>/<method>} with a JSON body, answered
 * {@code {"ok":true,"result":...}} or {@code {"ok":false,"error_code":...}}. It queues
 * updates for getUpdates, records every call, and can be told to fail the next calls of a
 * method.
 */
final class FakeTelegramApi implements AutoCloseable {

	static final ObjectMapper json = new ObjectMapper();

	/** one recorded call */
	/**
	 * @param ok whether the call was answered as a success (not one of the failures the
	 * test asked for)
	 */
	record Call(String method, JsonNode body, Instant at, boolean ok) {

		String chatId() {
			return body.path("chat_id").asText();
		}

		String text() {
			return body.path("text").asText();
		}

		/**
		 * @return the callback data of the inline keyboard, in order
		 */
		List<String> buttons() {
			return body.path("reply_markup").path("inline_keyboard").findValuesAsText("callback_data");
		}

	}

	/**
	 * @param chat the only chat whose calls fail, or {@code null} for any
	 */
	private record Failure(int status, Integer retryAfter, String chat) {
	}

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool(work -> {
		Thread thread = new Thread(work, "fake-telegram");
		thread.setDaemon(true);
		return thread;
	});

	private final BlockingQueue<String> updates = new LinkedBlockingQueue<>();

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private final Map<String, Deque<Failure>> failures = new HashMap<>();

	private final AtomicInteger messageIds = new AtomicInteger(1000);

	FakeTelegramApi() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		server.createContext("/", this::handle);
		server.setExecutor(executor);
		server.start();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	/** Queues an update (JSON) for the next getUpdates. */
	void queue(String update) {
		updates.add(update);
	}

	/**
	 * The next {@code times} calls of {@code method} fail with {@code status} (and
	 * {@code retry_after} for 429).
	 */
	synchronized void fail(String method, int times, int status, Integer retryAfter) {
		Deque<Failure> queue = failures.computeIfAbsent(method.toLowerCase(), m -> new ArrayDeque<>());
		for (int i = 0; i < times; i++) {
			queue.add(new Failure(status, retryAfter, null));
		}
	}

	/**
	 * The next {@code times} calls of {@code method} to {@code chat} fail with
	 * {@code status}.
	 */
	synchronized void failFor(long chat, String method, int times, int status) {
		Deque<Failure> queue = failures.computeIfAbsent(method.toLowerCase(), m -> new ArrayDeque<>());
		for (int i = 0; i < times; i++) {
			queue.add(new Failure(status, null, String.valueOf(chat)));
		}
	}

	List<Call> calls() {
		return List.copyOf(calls);
	}

	List<Call> calls(String method) {
		return calls.stream().filter(call -> call.method().equals(method.toLowerCase())).toList();
	}

	/**
	 * @return the messages that reached a chat (the failed attempts left out), in order
	 */
	List<Call> delivered(long chat) {
		return sent(chat).stream().filter(Call::ok).toList();
	}

	/**
	 * @return the messages sent to a chat, in order
	 */
	List<Call> sent(long chat) {
		return calls("sendMessage").stream().filter(call -> call.chatId().equals(String.valueOf(chat))).toList();
	}

	void clear() {
		calls.clear();
		updates.clear();
		synchronized (this) {
			failures.clear();
		}
	}

	@Override
	public void close() {
		server.stop(0);
		executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String method = path.substring(path.lastIndexOf('/') + 1).toLowerCase();
		byte[] raw;
		try (InputStream in = exchange.getRequestBody()) {
			raw = in.readAllBytes();
		}
		String type = exchange.getRequestHeaders().getFirst("Content-Type");
		JsonNode body = raw.length == 0 ? json.createObjectNode()
				: type != null && type.startsWith("multipart/form-data") ? multipart(raw, type) : json.readTree(raw);
		Failure failure = nextFailure(method, body.path("chat_id").asText(""));
		if (!method.equals("getupdates")) {
			calls.add(new Call(method, body, Instant.now(), failure == null));
		}
		if (failure != null) {
			ObjectNode error = json.createObjectNode()
				.put("ok", false)
				.put("error_code", failure.status())
				.put("description", "fake failure " + failure.status());
			if (failure.retryAfter() != null) {
				error.putObject("parameters").put("retry_after", failure.retryAfter());
			}
			respond(exchange, failure.status(), error.toString());
			return;
		}
		respond(exchange, 200, "{\"ok\":true,\"result\":" + result(method, body) + "}");
	}

	/**
	 * @return the text parts of a multipart body (setWebhook is sent that way) as fields
	 * of an object
	 */
	private static JsonNode multipart(byte[] raw, String type) {
		String boundary = "--" + type.substring(type.indexOf("boundary=") + 9).replace("\"", "");
		ObjectNode fields = json.createObjectNode();
		for (String part : new String(raw, StandardCharsets.UTF_8).split(java.util.regex.Pattern.quote(boundary))) {
			int name = part.indexOf("name=\"");
			int blank = part.indexOf("\r\n\r\n");
			if (name >= 0 && blank > name) {
				String field = part.substring(name + 6, part.indexOf('"', name + 6));
				fields.put(field, part.substring(blank + 4).replaceAll("\r\n$", ""));
			}
		}
		return fields;
	}

	private synchronized Failure nextFailure(String method, String chat) {
		Deque<Failure> queue = failures.get(method);
		if (queue == null) {
			return null;
		}
		for (java.util.Iterator<Failure> each = queue.iterator(); each.hasNext();) {
			Failure failure = each.next();
			if (failure.chat() == null || failure.chat().equals(chat)) {
				each.remove();
				return failure;
			}
		}
		return null;
	}

	private String result(String method, JsonNode body) {
		return switch (method) {
			case "getupdates" -> pendingUpdates();
			case "sendmessage" -> json.createObjectNode()
				.put("message_id", messageIds.incrementAndGet())
				.put("date", Instant.now().getEpochSecond())
				.set("chat", json.createObjectNode().put("id", body.path("chat_id").asLong()).put("type", "private"))
				.toString();
			case "getme" -> "{\"id\":42,\"is_bot\":true,\"first_name\":\"Scout\",\"username\":\"ScoutBot\"}";
			default -> "true";
		};
	}

	/**
	 * A long poll, as Telegram's: answers as soon as there is an update, and with none
	 * after a while (50 ms here, so that the poller's loop and shutdown stay quick).
	 */
	private String pendingUpdates() {
		List<String> batch = new ArrayList<>();
		try {
			String first = updates.poll(50, TimeUnit.MILLISECONDS);
			if (first != null) {
				batch.add(first);
				updates.drainTo(batch, 99);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return "[" + String.join(",", batch) + "]";
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	// ---------------------------------------------------------------- updates in the Bot
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

	/** a text from a user whose Telegram app is set to {@code languageCode} */
	static String text(int updateId, long chat, String text, String languageCode) {
		ObjectNode update = (ObjectNode) readTree(text(updateId, chat, text));
		((ObjectNode) update.path("message").path("from")).put("language_code", languageCode);
		return update.toString();
	}

	private static JsonNode readTree(String body) {
		try {
			return json.readTree(body);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String edited(int updateId, long chat, String text) {
		ObjectNode message = message(chat, updateId);
		message.put("text", text).put("edit_date", Instant.now().getEpochSecond());
		return update(updateId, "edited_message", message);
	}

	/**
	 * @param kind photo, video, document, voice, video_note, animation, sticker or audio
	 */
	static String media(int updateId, long chat, String kind, String caption) {
		ObjectNode message = message(chat, updateId);
		ObjectNode file = json.createObjectNode().put("file_id", "F" + updateId).put("file_unique_id", "U" + updateId);
		switch (kind) {
			case "photo" -> message.putArray("photo").add(file.put("width", 90).put("height", 90));
			case "sticker" -> message.set("sticker",
					file.put("type", "regular")
						.put("width", 512)
						.put("height", 512)
						.put("is_animated", false)
						.put("is_video", false));
			case "video", "animation" -> message.set(kind, file.put("width", 90).put("height", 90).put("duration", 3));
			case "video_note" -> message.set(kind, file.put("length", 90).put("duration", 3));
			case "voice", "audio" -> message.set(kind, file.put("duration", 3));
			default -> message.set(kind, file);
		}
		if (caption != null) {
			message.put("caption", caption);
		}
		return update(updateId, "message", message);
	}

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

	static String group(int updateId, long chat, String text) {
		ObjectNode message = message(chat, updateId);
		message.set("chat", json.createObjectNode().put("id", chat).put("type", "group").put("title", "Class 9b"));
		message.put("text", text);
		return update(updateId, "message", message);
	}

	static String blocked(int updateId, long chat) {
		ObjectNode change = json.createObjectNode().put("date", Instant.now().getEpochSecond());
		change.set("chat", json.createObjectNode().put("id", chat).put("type", "private"));
		change.set("from", user(chat));
		change.set("old_chat_member", json.createObjectNode().put("status", "member").set("user", user(42)));
		change.set("new_chat_member",
				json.createObjectNode().put("status", "kicked").put("until_date", 0).set("user", user(42)));
		return update(updateId, "my_chat_member", change);
	}

	static String unknown(int updateId) {
		return "{\"update_id\":" + updateId + ",\"future_thing\":{\"id\":1}}";
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
