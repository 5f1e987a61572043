package org.scoutline.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

/**
 * A Redis of the fault tests' own: {@code redis-server} (from the PATH, else the binary
 * the embedded-redis test dependency ships) on a free port, with its data in a temporary
 * directory and {@code appendonly yes}, {@code appendfsync always}, so that it can be
 * killed (SIGKILL, as a crash) and started again from its append-only file on the same
 * port. It never touches the Redis on 6379.
 */
final class TestRedis implements AutoCloseable {

	private final int port;

	private final Path dir;

	private final String binary;

	private Process process;

	private TestRedis(int port, Path dir, String binary) {
		this.port = port;
		this.dir = dir;
		this.binary = binary;
	}

	static TestRedis start() {
		try {
			TestRedis redis = new TestRedis(Ports.free(), Files.createTempDirectory("scoutline-faults-redis"),
					binary());
			redis.startProcess();
			return redis;
		}
		catch (IOException ex) {
			throw new IllegalStateException("the fault tests' Redis could not start", ex);
		}
	}

	int port() {
		return port;
	}

	/** Kills the server (SIGKILL), as a crash: only what the AOF holds survives. */
	synchronized void crash() {
		if (process != null) {
			process.destroyForcibly();
			waitFor(process);
			process = null;
		}
	}

	/** Starts the server again on the same port, from its append-only file. */
	synchronized void restart() {
		if (process == null) {
			startProcess();
		}
	}

	/**
	 * @return the number of keys (DBSIZE), -1 when Redis does not answer
	 */
	long keys() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			socket.setSoTimeout(2000);
			OutputStream out = socket.getOutputStream();
			out.write("DBSIZE\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			byte[] reply = new byte[32];
			int read = socket.getInputStream().read(reply);
			String line = read > 0 ? new String(reply, 0, read, StandardCharsets.US_ASCII).trim() : "";
			return line.startsWith(":") ? Long.parseLong(line.substring(1)) : -1;
		}
		catch (IOException | NumberFormatException ex) {
			return -1;
		}
	}

	boolean answers() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
			socket.setSoTimeout(500);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			byte[] reply = new byte[7];
			InputStream in = socket.getInputStream();
			int read = in.read(reply);
			return read > 0 && new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Override
	public synchronized void close() {
		if (process != null) {
			process.destroy();
			try {
				if (!process.waitFor(5, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					waitFor(process);
				}
			}
			catch (InterruptedException ex) {
				process.destroyForcibly();
				Thread.currentThread().interrupt();
			}
			process = null;
		}
		deleteQuietly(dir);
	}

	private void startProcess() {
		List<String> command = new ArrayList<>(List.of(binary, "--port", String.valueOf(port), "--bind", "127.0.0.1",
				"--dir", dir.toString(), "--appendonly", "yes", "--appendfsync", "always", "--save", "", "--daemonize",
				"no", "--protected-mode", "no", "--logfile", dir.resolve("redis.log").toString()));
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("redis-server could not start: " + ex.getMessage(), ex);
		}
		Processes.register(process);
		Awaitility.await("the fault tests' Redis answers on port " + port)
			.atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> {
				if (!process.isAlive()) {
					throw new IllegalStateException("redis-server exited with " + process.exitValue()
							+ "; see its log in " + dir.resolve("redis.log"));
				}
				return answers();
			});
	}

	/**
	 * @return {@code redis-server} from the PATH, else the one embedded-redis unpacks
	 */
	private static String binary() {
		for (String entry : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
			Path candidate = Path.of(entry, "redis-server");
			if (Files.isExecutable(candidate)) {
				return candidate.toString();
			}
		}
		try {
			return EmbeddedBinary.path();
		}
		catch (IOException ex) {
			throw new IllegalStateException("no redis-server on the PATH and the embedded one could not be unpacked",
					ex);
		}
	}

	private static void waitFor(Process process) {
		try {
			process.waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void deleteQuietly(Path root) {
		try (var paths = Files.walk(root)) {
			paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(path -> {
				try {
					Files.deleteIfExists(path);
				}
				catch (IOException ignored) {
					// a temporary directory; the OS cleans up what is left
				}
			});
		}
		catch (IOException ignored) {
			// nothing to delete
		}
	}

	/** The redis-server binary inside embedded-redis, unpacked to a temporary file. */
	private static final class EmbeddedBinary {

		static String path() throws IOException {
			redis.embedded.core.ExecutableProvider provider = redis.embedded.core.ExecutableProvider
				.newJarResourceProvider();
			return provider.get().getAbsolutePath();
		}

	}

}
