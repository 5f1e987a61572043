package org.scoutline.support;

import java.lang.reflect.Type;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.messaging.converter.MappingJackson2MessageConverter;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A console user as a browser would be one: logs in through the form (with its CSRF
 * token), keeps the session cookie, calls the REST API with the CSRF header, and opens
 * the STOMP endpoint with a real {@link WebSocketStompClient} (the session cookie in the
 * handshake, the CSRF token in CONNECT).
 */
public final class ConsoleClient implements AutoCloseable {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final int port;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http;

	private String csrfHeader = "X-CSRF-TOKEN";

	private String csrfToken;

	private WebSocketStompClient stompClient;

	private StompSession stomp;

	/** ERROR frames and transport failures of the STOMP session */
	public final BlockingQueue<String> errors = new LinkedBlockingQueue<>();

	private ConsoleClient(int port) {
		this.port = port;
		this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/**
	 * @return a client without a login
	 */
	public static ConsoleClient anonymous(int port) {
		return new ConsoleClient(port);
	}

	/**
	 * @return a client logged in through the login form, or fails
	 */
	public static ConsoleClient login(int port, String username, String password) {
		ConsoleClient client = new ConsoleClient(port);
		int status = client.formLogin(username, password);
		if (status != 302) {
			throw new AssertionError("login answered " + status);
		}
		JsonNode me = client.get("/console/api/me").json();
		client.csrfHeader = me.path("csrfHeader").asText();
		client.csrfToken = me.path("csrfToken").asText();
		return client;
	}

	/**
	 * @return the status of the login POST (302 to /console on success, to /login?error
	 * otherwise)
	 */
	public int formLogin(String username, String password) {
		Response page = send(HttpRequest.newBuilder(uri("/login")).GET(), false);
		Matcher csrf = CSRF_FIELD.matcher(page.body());
		if (!csrf.find()) {
			throw new AssertionError("no CSRF field on the login page");
		}
		String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
		Response result = send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)), false);
		String location = result.headers().firstValue("Location").orElse("");
		return location.contains("error") ? 401 : result.status();
	}

	public record Response(int status, String body, java.net.http.HttpHeaders headers) {

		public JsonNode json() {
			try {
				return JSON.readTree(body);
			}
			catch (Exception ex) {
				throw new AssertionError("not JSON: " + body, ex);
			}
		}

	}

	/**
	 * Lets every claimant claim the chat at the same moment, each on its own thread.
	 * @return the HTTP status each claimant got, in the order given
	 */
	public static List<Integer> claimAtOnce(String chatId, List<ConsoleClient> claimants) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(claimants.size());
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> results = new ArrayList<>();
			for (ConsoleClient claimant : claimants) {
				results.add(pool.submit(() -> {
					start.await();
					return claimant.post("/console/api/chats/" + chatId + "/claim", null).status();
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> result : results) {
				statuses.add(result.get());
			}
			return statuses;
		}
		finally {
			pool.shutdown();
		}
	}

	/** GETs like the console page does: JSON from the API, HTML for pages */
	public Response get(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		if (path.startsWith("/console") && !path.startsWith("/console/api")) {
			request.header("Accept", "text/html");
		}
		return send(request, false);
	}

	public Response post(String path, Object body) {
		try {
			String json = body == null ? "" : JSON.writeValueAsString(body);
			return send(HttpRequest.newBuilder(uri(path))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json)), true);
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

	public Response put(String path, Object body) {
		try {
			return send(HttpRequest.newBuilder(uri(path))
				.header("Content-Type", "application/json")
				.PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), true);
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

	public Response delete(String path) {
		return send(HttpRequest.newBuilder(uri(path)).DELETE(), true);
	}

	private Response send(HttpRequest.Builder request, boolean withCsrf) {
		try {
			if (request.build().headers().firstValue("Accept").isEmpty()) {
				request.header("Accept", "application/json");
			}
			request.timeout(Duration.ofSeconds(10));
			if (withCsrf && csrfToken != null) {
				request.header(csrfHeader, csrfToken);
			}
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(), response.headers());
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

	/**
	 * Opens the STOMP session (with the CSRF token unless {@code withCsrf} is false). A
	 * test whose first frame is answered with an ERROR connects through
	 * {@link BrokerSubscriptions#connect}, which also waits until the server has finished
	 * writing CONNECTED.
	 */
	public ConsoleClient connect(boolean withCsrf) {
		stompClient = new WebSocketStompClient(new StandardWebSocketClient());
		stompClient.setMessageConverter(new MappingJackson2MessageConverter());
		WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
		String cookie = cookieHeader();
		if (!cookie.isEmpty()) {
			handshake.add("Cookie", cookie);
		}
		StompHeaders connect = new StompHeaders();
		if (withCsrf && csrfToken != null) {
			connect.add(csrfHeader, csrfToken);
		}
		try {
			stomp = stompClient.connectAsync(URI.create("ws://127.0.0.1:" + port + "/console/ws"), handshake, connect,
					new StompSessionHandlerAdapter() {
						@Override
						public void handleFrame(StompHeaders headers, Object payload) {
							errors.add(String.valueOf(headers.getFirst("message")));
						}

						@Override
						public void handleException(StompSession session, StompCommand command, StompHeaders headers,
								byte[] payload, Throwable exception) {
							String message = headers == null ? null : headers.getFirst("message");
							errors
								.add(message != null ? message : "exception: " + exception.getClass().getSimpleName());
						}

						@Override
						public void handleTransportError(StompSession session, Throwable exception) {
							errors.add("transport: " + exception.getClass().getSimpleName());
						}
					})
				.get(5, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("STOMP connect failed: " + ex.getClass().getSimpleName(), ex);
		}
		return this;
	}

	public ConsoleClient connect() {
		return connect(true);
	}

	/**
	 * @return whether a STOMP session could be opened; the reason for a refusal is in
	 * {@link #errors}
	 */
	public boolean tryConnect(boolean withCsrf) {
		try {
			connect(withCsrf);
			return true;
		}
		catch (IllegalStateException ex) {
			errors.add("refused: " + (ex.getCause() == null ? "" : ex.getCause().toString()));
			return false;
		}
	}

	/**
	 * @return a queue receiving every JSON body published to {@code destination}
	 */
	public BlockingQueue<JsonNode> subscribe(String destination) {
		BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
		subscribe(destination, received::add);
		return received;
	}

	/**
	 * Hands every JSON body published to {@code destination} to {@code onMessage}, on the
	 * client's receiving thread, the moment it arrives (for timing it).
	 */
	public void subscribe(String destination, Consumer<JsonNode> onMessage) {
		stomp.subscribe(destination, new StompFrameHandler() {
			@Override
			public Type getPayloadType(StompHeaders headers) {
				return JsonNode.class;
			}

			@Override
			public void handleFrame(StompHeaders headers, Object payload) {
				onMessage.accept((JsonNode) payload);
			}
		});
	}

	public void send(String destination, Object payload) {
		stomp.send(destination, payload);
	}

	public boolean connected() {
		return stomp != null && stomp.isConnected();
	}

	/**
	 * @return the next ERROR message within 5 seconds, or {@code null}
	 */
	public String nextError() throws InterruptedException {
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		String last = null;
		while (System.nanoTime() < end) {
			String error = errors.poll(100, TimeUnit.MILLISECONDS);
			if (error != null && !error.startsWith("transport:")) {
				return error;
			}
			last = error != null ? error : last;
		}
		return last;
	}

	/**
	 * @return the next element within 5 seconds, or fails
	 */
	public static JsonNode next(BlockingQueue<JsonNode> queue) throws InterruptedException {
		JsonNode node = queue.poll(5, TimeUnit.SECONDS);
		if (node == null) {
			throw new AssertionError("nothing arrived within 5 s");
		}
		return node;
	}

	/**
	 * @return the next element matching, skipping others, within 5 seconds
	 */
	public static JsonNode next(BlockingQueue<JsonNode> queue, java.util.function.Predicate<JsonNode> match)
			throws InterruptedException {
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (System.nanoTime() < end) {
			JsonNode node = queue.poll(100, TimeUnit.MILLISECONDS);
			if (node != null && match.test(node)) {
				return node;
			}
		}
		throw new AssertionError("nothing matching arrived within 5 s");
	}

	/** Drops the STOMP connection (like a closed tab). */
	public void disconnect() {
		if (stomp != null && stomp.isConnected()) {
			stomp.disconnect();
		}
		if (stompClient != null) {
			stompClient.stop();
		}
	}

	@Override
	public void close() {
		disconnect();
	}

	public Map<String, String> creds() {
		return Map.of(csrfHeader, csrfToken == null ? "" : csrfToken);
	}

	/**
	 * @return the session cookie(s) as a {@code Cookie} header value
	 */
	public String cookieHeader() {
		List<HttpCookie> all = cookies.getCookieStore().getCookies();
		StringBuilder out = new StringBuilder();
		for (HttpCookie cookie : all) {
			if (!out.isEmpty()) {
				out.append("; ");
			}
			out.append(cookie.getName()).append('=').append(cookie.getValue());
		}
		return out.toString();
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private static String enc(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
	}

}
