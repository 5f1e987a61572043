package org.scoutline.platform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import redis.embedded.RedisServer;

/**
 * Makes {@code mvn spring-boot:run} work on a fresh machine: when no Redis is configured
 * and nothing answers on localhost:6379, starts the embedded Redis on a free port and
 * points the app at it, saying so in one log line. Switch it off with
 * {@code scoutline.embedded-redis=never}.
 */
class EmbeddedRedisFallback implements EnvironmentPostProcessor {

	static final String PROPERTY_SOURCE = "scoutlineEmbeddedRedis";

	private static volatile RedisServer server;

	private static volatile int serverPort;

	private final Log log;

	EmbeddedRedisFallback(DeferredLogFactory logFactory) {
		this.log = logFactory.getLog(EmbeddedRedisFallback.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		apply(environment, "localhost", 6379);
	}

	/**
	 * Starts the embedded Redis unless one is configured or answers at {@code host:port}.
	 */
	void apply(ConfigurableEnvironment environment, String host, int defaultPort) {
		if ("never".equalsIgnoreCase(environment.getProperty("scoutline.embedded-redis", "auto"))
				|| redisConfigured(environment) || answers(host, defaultPort)) {
			return;
		}
		int port = startOrReuse();
		environment.getPropertySources()
			.addFirst(new MapPropertySource(PROPERTY_SOURCE,
					Map.of("spring.data.redis.host", "127.0.0.1", "spring.data.redis.port", port)));
		log.warn("No Redis configured or reachable on " + host + ":" + defaultPort
				+ ": started the embedded Redis on 127.0.0.1:" + port
				+ " (data is lost when the app stops; set spring.data.redis.url for a real one)");
	}

	private static boolean redisConfigured(ConfigurableEnvironment environment) {
		return environment.containsProperty("spring.data.redis.url")
				|| environment.containsProperty("spring.data.redis.host")
				|| environment.containsProperty("spring.data.redis.port")
				|| environment.containsProperty("spring.data.redis.sentinel.master")
				|| environment.containsProperty("spring.data.redis.cluster.nodes");
	}

	static boolean answers(String host, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 300);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static synchronized int startOrReuse() {
		if (server != null && server.isActive()) {
			return serverPort;
		}
		try {
			int port = freePort();
			RedisServer started = RedisServer.newRedisServer()
				.port(port)
				.bind("127.0.0.1")
				.setting("save \"\"")
				.setting("appendonly no")
				.build();
			started.start();
			Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedRedisFallback::stopQuietly, "embedded-redis-stop"));
			server = started;
			serverPort = port;
			return port;
		}
		catch (IOException ex) {
			throw new IllegalStateException("No Redis is reachable and the embedded Redis could not start: "
					+ ex.getMessage() + ". Configure spring.data.redis.url.", ex);
		}
	}

	private static void stopQuietly() {
		try {
			if (server != null) {
				server.stop();
			}
		}
		catch (IOException ignored) {
			// the process is ending anyway
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
