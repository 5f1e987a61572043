package org.scoutline.faults;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.awaitility.Awaitility;

/**
 * One instance of the app as a separate JVM ({@code java -cp <test runtime classpath>
 * org.scoutline.ScoutlineApplication --name=value ...}), its output in
 * {@code target/faults/<name>.log}. Ready when {@code GET /actuator/health/readiness}
 * answers 200. {@link #kill()} is SIGKILL ({@link Process#destroyForcibly()} on Linux),
 * {@link #close()} a graceful SIGTERM.
 */
final class AppInstance implements AutoCloseable {

	static final String MAIN_CLASS = "org.scoutline.ScoutlineApplication";

	/**
	 * small heap, serial GC and the C1 compiler only: two instances start in seconds on a
	 * busy 2-core machine (C2 takes four to six times as long there); override with
	 * {@code -Dfaults.jvm-args=...}
	 */
	static final String DEFAULT_JVM_ARGS = "-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

	private static final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(1))
		.build();

	private final String name;

	private final int port;

	private final Process process;

	private final Path log;

	private AppInstance(String name, int port, Process process, Path log) {
		this.name = name;
		this.port = port;
		this.process = process;
		this.log = log;
	}

	/**
	 * Starts the JVM; {@link #awaitReady()} waits for it.
	 * @param properties Spring properties, passed as {@code --name=value}
	 */
	static AppInstance start(String name, int port, Map<String, String> properties) {
		Map<String, String> all = new LinkedHashMap<>(properties);
		all.put("server.port", String.valueOf(port));
		List<String> command = new ArrayList<>(List.of(javaBinary()));
		command.addAll(List.of(System.getProperty("faults.jvm-args", DEFAULT_JVM_ARGS).trim().split("\\s+")));
		command.addAll(List.of("-Dfile.encoding=UTF-8", "-cp", classpath(), MAIN_CLASS));
		all.forEach((key, value) -> command.add("--" + key + "=" + value));
		try {
			Path dir = Files.createDirectories(Path.of("target", "faults"));
			Path log = dir.resolve(name + ".log");
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			Processes.register(process);
			return new AppInstance(name, port, process, log);
		}
		catch (IOException ex) {
			throw new IllegalStateException("instance " + name + " could not start", ex);
		}
	}

	String name() {
		return name;
	}

	int port() {
		return port;
	}

	boolean alive() {
		return process.isAlive();
	}

	long pid() {
		return process.pid();
	}

	AppInstance awaitReady() {
		Awaitility.await("instance " + name + " ready (log: " + log + ")")
			.atMost(Duration.ofSeconds(150))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> {
				if (!process.isAlive()) {
					throw new IllegalStateException("instance " + name + " exited with " + process.exitValue()
							+ " before it was ready; see " + log);
				}
				return ready();
			});
		return this;
	}

	private boolean ready() {
		try {
			HttpResponse<Void> response = http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
					.timeout(Duration.ofSeconds(2))
					.build(), HttpResponse.BodyHandlers.discarding());
			return response.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Kills the JVM at once (SIGKILL: no shutdown hook, no graceful stop).
	 * @return its exit code (137 = 128 + SIGKILL)
	 */
	int kill() {
		process.destroyForcibly();
		try {
			if (!process.waitFor(20, TimeUnit.SECONDS)) {
				throw new IllegalStateException("instance " + name + " did not die");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return process.exitValue();
	}

	/** Asks the JVM to stop (SIGTERM); {@link #close()} waits for it. */
	void terminate() {
		process.destroy();
	}

	@Override
	public void close() {
		if (!process.isAlive()) {
			return;
		}
		process.destroy();
		try {
			if (!process.waitFor(20, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				process.waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	private static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/**
	 * @return the test runtime classpath: {@code java.class.path} (surefire sets it to
	 * the whole test classpath), or the Class-Path of surefire's manifest-only booter jar
	 * when that is all it holds
	 */
	static String classpath() {
		String classpath = System.getProperty("java.class.path");
		String[] entries = classpath.split(File.pathSeparator);
		if (entries.length == 1 && entries[0].endsWith(".jar")) {
			try (JarFile jar = new JarFile(entries[0])) {
				Manifest manifest = jar.getManifest();
				String listed = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
				if (listed != null && !listed.isBlank()) {
					List<String> files = new ArrayList<>();
					for (String url : listed.trim().split("\\s+")) {
						files.add(Path.of(URI.create(url)).toString());
					}
					return String.join(File.pathSeparator, files);
				}
			}
			catch (IOException | IllegalArgumentException ex) {
				// not a manifest-only jar: use the classpath as it is
			}
		}
		return classpath;
	}

}
