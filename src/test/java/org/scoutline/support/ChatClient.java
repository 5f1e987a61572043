package org.scoutline.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A real WebSocket client (the JDK's) speaking the widget protocol, for end-to-end tests
 * and the benchmark. The server's {@code schedule} frames (the live line, pushed whenever
 * it changes) are kept aside, so that {@link #next()} sees the conversation only; read
 * them with {@link #nextSchedule()}, or call {@link #scheduleInline()} before
 * {@code hello} to see them in order among the others.
 */
public final class ChatClient implements AutoCloseable {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();

	private final BlockingQueue<JsonNode> schedules = new LinkedBlockingQueue<>();

	private volatile boolean scheduleAside = true;

	private final WebSocket socket;

	private volatile boolean closed;

	/** the server's close frame ("4000 idle"), {@code null} while none came */
	private volatile String closeStatus;

	/** the server's close code, once it closed the socket */
	private final CompletableFuture<Integer> closedWith = new CompletableFuture<>();

	private ChatClient(HttpClient http, URI uri) {
		this.socket = http.newWebSocketBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.buildAsync(uri, new Listener())
			.join();
	}

	public static ChatClient connect(int port) {
		return connect(HttpClient.newHttpClient(), port);
	}

	public static ChatClient connect(HttpClient http, int port) {
		return new ChatClient(http, URI.create("ws://127.0.0.1:" + port + "/chat/ws"));
	}

	/**
	 * From now on {@code schedule} frames arrive through {@link #next()} like any other
	 * frame.
	 */
	public ChatClient scheduleInline() {
		scheduleAside = false;
		return this;
	}

	/**
	 * @return the next {@code schedule} frame kept aside; fails after five seconds
	 */
	public JsonNode nextSchedule() {
		return poll(schedules, "schedule frame");
	}

	/**
	 * @return the {@code schedule} frames kept aside that arrive within {@code millis},
	 * possibly none
	 */
	public List<JsonNode> drainSchedules(long millis) throws InterruptedException {
		return drain(schedules, millis);
	}

	public ChatClient hello(String token, String locale) {
		ObjectNode frame = JSON.createObjectNode().put("type", "hello").put("locale", locale);
		frame.put("token", token);
		return sendFrame(frame);
	}

	/**
	 * A hello as the widget sends it when it comes back: with the {@code seq} of the last
	 * transcript line it shows.
	 */
	public ChatClient resume(String token, String locale, long seq) {
		ObjectNode frame = JSON.createObjectNode().put("type", "hello").put("locale", locale);
		frame.put("token", token).put("seq", seq);
		return sendFrame(frame);
	}

	/**
	 * A hello as the widget sends it from a browser: with its time zone and language (and
	 * the page's country).
	 */
	public ChatClient hello(String token, String locale, String timeZone, String language, String country) {
		ObjectNode frame = JSON.createObjectNode().put("type", "hello").put("locale", locale);
		frame.put("token", token).put("timeZone", timeZone).put("language", language).put("country", country);
		return sendFrame(frame);
	}

	public ChatClient text(String text) {
		return sendFrame(JSON.createObjectNode().put("type", "text").put("id", id()).put("text", text));
	}

	public ChatClient choice(String choice) {
		return sendFrame(JSON.createObjectNode().put("type", "choice").put("id", id()).put("choice", choice));
	}

	public ChatClient command(String command) {
		return sendFrame(JSON.createObjectNode().put("type", "command").put("id", id()).put("command", command));
	}

	public ChatClient sendFrame(JsonNode frame) {
		return sendRaw(frame.toString());
	}

	public ChatClient sendRaw(String text) {
		socket.sendText(text, true).join();
		return this;
	}

	/**
	 * One frame of a message that may go on in the next (a fragmented message).
	 */
	public ChatClient sendPart(String text, boolean last) {
		socket.sendText(text, last).join();
		return this;
	}

	public ChatClient sendBinary(byte[] bytes) {
		socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
		return this;
	}

	/**
	 * @return the next frame from the server; fails after five seconds
	 */
	public JsonNode next() {
		return poll(frames, "frame");
	}

	private JsonNode poll(BlockingQueue<JsonNode> queue, String what) {
		try {
			JsonNode frame = queue.poll(5, TimeUnit.SECONDS);
			if (frame == null) {
				throw new AssertionError(
						"no " + what + " from the server within 5 s" + (closed ? " (socket closed)" : ""));
			}
			return frame;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	/**
	 * @return the next frame of this type, skipping none: fails if another type comes
	 * first
	 */
	public JsonNode next(String type) {
		JsonNode frame = next();
		if (!type.equals(frame.path("type").asText())) {
			throw new AssertionError("expected a '" + type + "' frame but got " + frame);
		}
		return frame;
	}

	/**
	 * @return frames that arrive within {@code millis}, possibly none
	 */
	public List<JsonNode> drain(long millis) throws InterruptedException {
		return drain(frames, millis);
	}

	private static List<JsonNode> drain(BlockingQueue<JsonNode> queue, long millis) throws InterruptedException {
		List<JsonNode> out = new ArrayList<>();
		JsonNode frame;
		while ((frame = queue.poll(millis, TimeUnit.MILLISECONDS)) != null) {
			out.add(frame);
		}
		return out;
	}

	/**
	 * @return the code and reason of the server's close frame ({@code "4000 idle"}),
	 * {@code null} while the server has not closed the socket
	 */
	public String closeStatus() {
		return closeStatus;
	}

	/**
	 * @return the code the server closed the socket with; fails after five seconds
	 */
	public int closeCode() {
		try {
			return closedWith.get(5, TimeUnit.SECONDS);
		}
		catch (TimeoutException ex) {
			throw new AssertionError("the server did not close the socket within 5 s");
		}
		catch (InterruptedException | ExecutionException ex) {
			throw new AssertionError(ex);
		}
	}

	public boolean isOpen() {
		return !closed && !socket.isOutputClosed() && !socket.isInputClosed();
	}

	@Override
	public void close() {
		if (!socket.isOutputClosed()) {
			socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(ex -> null);
		}
	}

	private static String id() {
		return UUID.randomUUID().toString();
	}

	/** The text of every bubble in a {@code bot} frame, joined. */
	public static String texts(JsonNode botFrame) {
		StringBuilder out = new StringBuilder();
		botFrame.path("messages").forEach(m -> out.append(m.path("text").asText()).append('\n'));
		return out.toString();
	}

	/** The ids of the choices in a frame. */
	public static List<String> choiceIds(JsonNode frame) {
		List<String> ids = new ArrayList<>();
		frame.path("choices").forEach(c -> ids.add(c.path("id").asText()));
		return ids;
	}

	private final class Listener implements WebSocket.Listener {

		private final StringBuilder partial = new StringBuilder();

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			partial.append(data);
			if (last) {
				try {
					JsonNode frame = JSON.readTree(partial.toString());
					boolean aside = scheduleAside && "schedule".equals(frame.path("type").asText());
					(aside ? schedules : frames).add(frame);
				}
				catch (Exception ex) {
					frames.add(JSON.createObjectNode().put("type", "unparseable").put("raw", partial.toString()));
				}
				partial.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			closeStatus = statusCode + " " + reason;
			closed = true;
			closedWith.complete(statusCode);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			closed = true;
		}

	}

}
