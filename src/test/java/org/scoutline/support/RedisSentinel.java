package org.scoutline.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A real Sentinel set-up of a test's own: a master, a replica and three sentinels on free
 * ports (quorum two, a master counted down after one second). {@link #killMaster} kills
 * the master's process, as a crash, and waits until the sentinels have promoted the
 * replica.
 */
public final class RedisSentinel implements AutoCloseable {

	public static final String MASTER_NAME = "scoutline";

	private final RedisServers servers = new RedisServers("sentinel");

	private final List<Integer> sentinels = new ArrayList<>();

	private int master;

	private int replica;

	private Process masterProcess;

	private RedisSentinel() {
	}

	public static RedisSentinel start() {
		RedisSentinel setUp = new RedisSentinel();
		Runtime.getRuntime().addShutdownHook(new Thread(setUp.servers::close, "redis-sentinel-stop"));
		setUp.startAll();
		return setUp;
	}

	private void startAll() {
		master = RedisServers.freePort(0);
		masterProcess = servers.start(master, data(master));
		replica = RedisServers.freePort(0);
		List<String> replicaArgs = new ArrayList<>(List.of(data(replica)));
		replicaArgs.addAll(List.of("--replicaof", "127.0.0.1", Integer.toString(master)));
		servers.start(replica, replicaArgs.toArray(String[]::new));
		RedisServers.await("the replica in sync", Duration.ofSeconds(20),
				() -> RedisServers.cli(replica, "INFO", "replication").contains("master_link_status:up"));
		for (int i = 0; i < 3; i++) {
			int port = RedisServers.freePort(0);
			sentinels.add(port);
			servers.start(port, sentinelConfig(port).toString(), "--sentinel");
		}
		RedisServers.await("every sentinel sees the replica and the other sentinels", Duration.ofSeconds(30),
				() -> sentinels.stream().allMatch(port -> {
					String info = RedisServers.cli(port, "INFO", "sentinel");
					return info.contains("slaves=1") && info.contains("sentinels=3");
				}));
	}

	private String[] data(int port) {
		return new String[] { "--port", Integer.toString(port), "--bind", "127.0.0.1", "--dir",
				servers.dir().toString(), "--dbfilename", "dump-" + port + ".rdb", "--save", "", "--appendonly", "no" };
	}

	private Path sentinelConfig(int port) {
		Path file = servers.dir().resolve("sentinel-" + port + ".conf");
		String config = String.join("\n", "port " + port, "bind 127.0.0.1", "dir " + servers.dir(),
				"sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + master + " 2",
				"sentinel down-after-milliseconds " + MASTER_NAME + " 1000",
				"sentinel failover-timeout " + MASTER_NAME + " 5000", "sentinel parallel-syncs " + MASTER_NAME + " 1",
				"");
		try {
			Files.writeString(file, config);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

	/**
	 * @return {@code spring.data.redis.sentinel.nodes}
	 */
	public String nodes() {
		return sentinels.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
	}

	/**
	 * @return the port of the master the sentinels name now
	 */
	public int currentMaster() {
		String answer = RedisServers.cli(sentinels.get(0), "SENTINEL", "get-master-addr-by-name", MASTER_NAME);
		List<String> lines = answer.lines().map(String::trim).filter(line -> !line.isEmpty()).toList();
		return lines.size() < 2 ? -1 : Integer.parseInt(lines.get(1));
	}

	/** Waits until the replica has every write the master has acknowledged so far. */
	public void awaitReplicated() {
		// the app and the sentinels keep writing, so the two offsets are rarely equal at
		// one instant: wait until the replica has acknowledged everything written so far
		long written = field(RedisServers.cli(master, "INFO", "replication"), "master_repl_offset:");
		RedisServers.await("the replica has caught up", Duration.ofSeconds(20), () -> {
			String info = RedisServers.cli(master, "INFO", "replication");
			return info.lines()
				.filter(line -> line.startsWith("slave0:"))
				.anyMatch(line -> replicaOffset(line) >= written);
		});
	}

	private static long replicaOffset(String line) {
		for (String part : line.substring("slave0:".length()).split(",")) {
			if (part.startsWith("offset=")) {
				return Long.parseLong(part.substring("offset=".length()).trim());
			}
		}
		return -1;
	}

	private static long field(String info, String name) {
		return info.lines()
			.filter(line -> line.startsWith(name))
			.map(line -> Long.parseLong(line.substring(name.length()).trim()))
			.findFirst()
			.orElse(-1L);
	}

	/**
	 * Kills the master (SIGKILL) and waits until the sentinels have made the replica the
	 * master.
	 * @return how long the sentinels took
	 */
	public Duration killMaster() {
		long start = System.nanoTime();
		RedisServers.kill(masterProcess);
		RedisServers.await("the sentinels promoted the replica", Duration.ofSeconds(30),
				() -> currentMaster() == replica && RedisServers.cli(replica, "ROLE").startsWith("master"));
		return Duration.ofNanos(System.nanoTime() - start);
	}

	/**
	 * @return the number of keys matching the pattern on the current master
	 */
	public List<String> keys(String pattern) {
		return RedisServers.cli(currentMaster(), "--scan", "--pattern", pattern)
			.lines()
			.filter(line -> !line.isBlank())
			.toList();
	}

	@Override
	public void close() {
		servers.close();
	}

}
