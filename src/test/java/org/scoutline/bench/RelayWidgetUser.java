package org.scoutline.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One widget user of {@link RelayLatencyBenchmark}: a WebSocket of the JDK's client (the
 * benchmark's shared {@link HttpClient}) speaking the widget protocol. A frame with a
 * benchmark message a scout wrote goes to the current phase's timings the moment it
 * arrives; the live line is dropped; every other frame is kept for the set-up to read,
 * and error frames are counted.
 */
final class RelayWidgetUser implements WebSocket.Listener, AutoCloseable {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final int chat;

	private final Supplier<RelayTimings> timings;

	private final AtomicLong errors;

	private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();

	private final StringBuilder partial = new StringBuilder();

	private final WebSocket socket;

	/**
	 * @param timings the timings of the scout-to-user direction of the phase running now
	 * @param errors counts the error frames of all users
	 */
	RelayWidgetUser(HttpClient http, int port, int chat, Supplier<RelayTimings> timings, AtomicLong errors) {
		this.chat = chat;
		this.timings = timings;
		this.errors = errors;
		this.socket = http.newWebSocketBuilder()
			.connectTimeout(Duration.ofSeconds(10))
			.buildAsync(URI.create("ws://127.0.0.1:" + port + "/chat/ws"), this)
			.join();
	}

	/** Says hello as a new English-speaking user. */
	void hello() {
		send(JSON.createObjectNode().put("type", "hello").putNull("token").put("locale", "en"));
	}

	void choice(String choice) {
		send(JSON.createObjectNode()
			.put("type", "choice")
			.put("id", UUID.randomUUID().toString())
			.put("choice", choice));
	}

	void command(String command) {
		send(JSON.createObjectNode()
			.put("type", "command")
			.put("id", UUID.randomUUID().toString())
			.put("command", command));
	}

	private void send(ObjectNode frame) {
		socket.sendText(frame.toString(), true).join();
	}

	/**
	 * Sends typed text without waiting for the send to complete.
	 * @return the send
	 */
	CompletableFuture<WebSocket> text(String text) {
		return socket.sendText(JSON.createObjectNode()
			.put("type", "text")
			.put("id", UUID.randomUUID().toString())
			.put("text", text)
			.toString(), true);
	}

	/**
	 * @return the next frame kept, which must be of {@code type}; fails after 10 s
	 */
	JsonNode next(String type) {
		try {
			JsonNode frame = frames.poll(10, TimeUnit.SECONDS);
			if (frame == null || !type.equals(frame.path("type").asText())) {
				throw new AssertionError("user of chat " + chat + " expected a '" + type + "' frame, got " + frame);
			}
			return frame;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	/**
	 * @return the text of every bubble of a {@code bot} frame, joined
	 */
	static String texts(JsonNode bot) {
		StringBuilder out = new StringBuilder();
		bot.path("messages").forEach(m -> out.append(m.path("text").asText()).append('\n'));
		return out.toString();
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		long at = System.nanoTime();
		partial.append(data);
		if (last) {
			received(partial.toString(), at);
			partial.setLength(0);
		}
		webSocket.request(1);
		return null;
	}

	private void received(String text, long at) {
		JsonNode frame;
		try {
			frame = JSON.readTree(text);
		}
		catch (Exception ex) {
			errors.incrementAndGet();
			return;
		}
		String type = frame.path("type").asText();
		if (type.equals("schedule")) {
			return;
		}
		if (type.equals("error")) {
			errors.incrementAndGet();
		}
		boolean relayed = false;
		for (JsonNode message : frame.path("messages")) {
			String said = message.path("text").asText();
			if ("scout".equals(message.path("from").asText()) && RelayTimings.isRelayed(said)) {
				timings.get().arrived(said, at, chat);
				relayed = true;
			}
		}
		if (!relayed) {
			frames.add(frame);
		}
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		errors.incrementAndGet();
	}

	@Override
	public void close() {
		if (!socket.isOutputClosed()) {
			socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(ex -> null);
		}
	}

}
