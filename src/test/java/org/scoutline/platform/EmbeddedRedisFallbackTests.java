package org.scoutline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class EmbeddedRedisFallbackTests {

	final EmbeddedRedisFallback fallback = new EmbeddedRedisFallback(new DeferredLogs());

	@Test
	void startsTheEmbeddedRedisWhenNoneIsConfiguredOrReachable() throws Exception {
		StandardEnvironment environment = new StandardEnvironment();
		fallback.apply(environment, "127.0.0.1", closedPort());
		assertThat(environment.getPropertySources().contains(EmbeddedRedisFallback.PROPERTY_SOURCE)).isTrue();
		int port = environment.getProperty("spring.data.redis.port", Integer.class);
		assertThat(ping(port)).isEqualTo("+PONG");
	}

	@Test
	void leavesAConfiguredRedisAlone() throws Exception {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test", Map.of("spring.data.redis.url", "redis://redis.example:6379")));
		fallback.apply(environment, "127.0.0.1", closedPort());
		assertThat(environment.getPropertySources().contains(EmbeddedRedisFallback.PROPERTY_SOURCE)).isFalse();
	}

	@Test
	void canBeSwitchedOff() throws Exception {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test", Map.of("scoutline.embedded-redis", "never")));
		fallback.apply(environment, "127.0.0.1", closedPort());
		assertThat(environment.getPropertySources().contains(EmbeddedRedisFallback.PROPERTY_SOURCE)).isFalse();
	}

	private static int closedPort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String ping(int port) throws Exception {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
				.readLine();
		}
	}

}
