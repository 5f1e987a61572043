package org.scoutline.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.awaitility.Awaitility;

/**
 * {@code redis-server} processes of a test's own (a cluster, a Sentinel set-up) on free
 * ports with their files in a temporary directory, and {@code redis-cli} to ask them
 * things. It never touches the Redis on 6379.
 */
final class RedisServers implements AutoCloseable {

	private final Path dir;

	private final List<Process> processes = new ArrayList<>();

	RedisServers(String name) {
		try {
			this.dir = Files.createTempDirectory("scoutline-" + name);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Path dir() {
		return dir;
	}

	/**
	 * @param busOffset also needs {@code port + busOffset} free (a cluster's bus), or 0
	 * @return a port nothing listens on (nor on its bus port), never 6379
	 */
	static int freePort(int busOffset) {
		for (int attempt = 0; attempt < 200; attempt++) {
			int port = ThreadLocalRandom.current().nextInt(20000, 30000);
			if (port != 6379 && free(port) && (busOffset == 0 || free(port + busOffset))) {
				return port;
			}
		}
		throw new IllegalStateException("no free port");
	}

	private static boolean free(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** Starts {@code redis-server} with these arguments and waits until it answers. */
	Process start(int port, String... arguments) {
		List<String> command = new ArrayList<>(List.of("redis-server"));
		command.addAll(List.of(arguments));
		try {
			Process process = new ProcessBuilder(command).directory(dir.toFile())
				.redirectErrorStream(true)
				.redirectOutput(dir.resolve("redis-" + port + ".log").toFile())
				.start();
			processes.add(process);
			await("redis on " + port + " answers", Duration.ofSeconds(10), () -> answers(port));
			return process;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("redis-server could not start (is it installed?)", ex);
		}
	}

	/** Kills a server at once (SIGKILL), as a crash. */
	static void kill(Process process) {
		process.destroyForcibly();
		try {
			process.waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static boolean answers(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
			return cli(port, "PING").contains("PONG");
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * @return what {@code redis-cli -p port arguments...} printed (empty when it fails)
	 */
	static String cli(int port, String... arguments) {
		List<String> command = new ArrayList<>(List.of("redis-cli", "-h", "127.0.0.1", "-p", Integer.toString(port)));
		command.addAll(List.of(arguments));
		return run(command, Duration.ofSeconds(30));
	}

	static String run(List<String> command, Duration timeout) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			byte[] out = process.getInputStream().readAllBytes();
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				return "";
			}
			return new String(out, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "";
		}
	}

	static void await(String what, Duration atMost, BooleanSupplier condition) {
		Awaitility.await(what).atMost(atMost).pollInterval(Duration.ofMillis(50)).until(condition::getAsBoolean);
	}

	@Override
	public void close() {
		processes.forEach(RedisServers::kill);
		processes.clear();
		try (Stream<Path> files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ignored) {
			// a temporary directory: the system clears it eventually
		}
	}

}
