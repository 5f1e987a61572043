package org.scoutline.channel.whatsapp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The Graph API's messages endpoint for tests: records every
 * {@code POST /<version>/<phone-number-id>/messages} with its bearer token and answers as
 * the Cloud API does, or fails the next calls as told.
 */
final class FakeGraphApi {

	static final ObjectMapper json = new ObjectMapper();

	record Post(String path, String authorization, JsonNode body, Instant at) {

		String to() {
			return body.path("to").asText();
		}

		String type() {
			return body.path("type").asText();
		}

		/**
		 * @return the text of a text message, or the body of an interactive one
		 */
		String text() {
			return "text".equals(type()) ? body.path("text").path("body").asText()
					: body.path("interactive").path("body").path("text").asText();
		}

		/**
		 * @return the ids of the buttons or list rows
		 */
		List<String> choices() {
			JsonNode action = body.path("interactive").path("action");
			return action.has("buttons") ? action.path("buttons").findValuesAsText("id")
					: action.path("sections").findValuesAsText("id");
		}

	}

	private record Failure(int status, String body) {
	}

	private final HttpServer server;

	private final List<Post> posts = new CopyOnWriteArrayList<>();

	private final Deque<Failure> failures = new ArrayDeque<>();

	private final AtomicInteger ids = new AtomicInteger();

	FakeGraphApi() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		server.createContext("/", this::handle);
		server.setExecutor(Executors.newCachedThreadPool(work -> {
			Thread thread = new Thread(work, "fake-graph");
			thread.setDaemon(true);
			return thread;
		}));
		server.start();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	/**
	 * The next {@code times} posts fail with {@code status} and a Graph API error body.
	 */
	synchronized void fail(int times, int status, int code) {
		for (int i = 0; i < times; i++) {
			failures.add(new Failure(status, "{\"error\":{\"message\":\"fake\",\"type\":\"OAuthException\",\"code\":"
					+ code + ",\"fbtrace_id\":\"T\"}}"));
		}
	}

	List<Post> posts() {
		return List.copyOf(posts);
	}

	List<Post> to(String phone) {
		return posts.stream().filter(post -> post.to().equals(phone)).toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		byte[] raw;
		try (InputStream in = exchange.getRequestBody()) {
			raw = in.readAllBytes();
		}
		posts.add(new Post(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Authorization"),
				json.readTree(raw), Instant.now()));
		Failure failure;
		synchronized (this) {
			failure = failures.poll();
		}
		if (failure != null) {
			respond(exchange, failure.status(), failure.body());
			return;
		}
		JsonNode body = json.readTree(raw);
		respond(exchange, 200,
				"{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + body.path("to").asText()
						+ "\",\"wa_id\":\"" + body.path("to").asText() + "\"}],\"messages\":[{\"id\":\"wamid.out"
						+ ids.incrementAndGet() + "\"}]}");
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
