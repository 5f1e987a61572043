package org.scoutline.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The client side of {@link IdleConnectionsBenchmark}, run as its own process so that its
 * memory does not count: opens the given number of widget sockets, says hello on each,
 * waits for the answers, prints {@code CONNECTED <n>} and holds the sockets open until
 * its standard input closes.
 */
public final class IdleWidgetClients {

	private IdleWidgetClients() {
	}

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		int count = Integer.parseInt(args[1]);
		HttpClient http = HttpClient.newHttpClient();
		CountDownLatch answered = new CountDownLatch(count);
		List<WebSocket> sockets = new ArrayList<>(count);
		for (int batch = 0; batch < count; batch += 250) {
			List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
			for (int i = batch; i < Math.min(count, batch + 250); i++) {
				opening.add(http.newWebSocketBuilder()
					.connectTimeout(Duration.ofSeconds(30))
					.buildAsync(URI.create("ws://127.0.0.1:" + port + "/chat/ws"), new Listener(answered)));
			}
			for (CompletableFuture<WebSocket> socket : opening) {
				WebSocket open = socket.get(60, TimeUnit.SECONDS);
				open.sendText("{\"type\":\"hello\",\"token\":null,\"locale\":\"de\"}", true);
				sockets.add(open);
			}
		}
		boolean all = answered.await(120, TimeUnit.SECONDS);
		System.out.println((all ? "CONNECTED " : "PARTIAL ") + (count - answered.getCount()));
		System.out.flush();
		new BufferedReader(new InputStreamReader(System.in)).readLine();
		sockets.forEach(WebSocket::abort);
	}

	static final class Listener implements WebSocket.Listener {

		private final CountDownLatch answered;

		private boolean counted;

		Listener(CountDownLatch answered) {
			this.answered = answered;
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			if (last && !counted) {
				counted = true;
				answered.countDown();
			}
			webSocket.request(1);
			return null;
		}

	}

}
