package org.scoutline.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A real Redis Cluster of the tests' own: three masters and three replicas
 * ({@code redis-server --cluster-enabled yes} on free ports, joined with
 * {@code redis-cli --cluster create --cluster-replicas 1}), ready once every node says
 * {@code cluster_state:ok}. One per JVM, started on first use and stopped when the JVM
 * ends; test contexts on it keep apart by their key prefix.
 */
public final class RedisCluster {

	private static RedisCluster shared;

	private final RedisServers servers = new RedisServers("cluster");

	private final List<Integer> ports = new ArrayList<>();

	private RedisCluster() {
	}

	/**
	 * @return the cluster of this JVM, started on first use
	 */
	public static synchronized RedisCluster shared() {
		if (shared == null) {
			RedisCluster cluster = new RedisCluster();
			Runtime.getRuntime().addShutdownHook(new Thread(cluster.servers::close, "redis-cluster-stop"));
			cluster.start();
			shared = cluster;
		}
		return shared;
	}

	private void start() {
		for (int i = 0; i < 6; i++) {
			int port = RedisServers.freePort(10000);
			ports.add(port);
			servers.start(port, "--port", Integer.toString(port), "--bind", "127.0.0.1", "--cluster-enabled", "yes",
					"--cluster-config-file", "nodes-" + port + ".conf", "--cluster-node-timeout", "3000", "--dir",
					servers.dir().toString(), "--save", "", "--appendonly", "no");
		}
		List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
		ports.forEach(port -> create.add("127.0.0.1:" + port));
		create.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
		String created = RedisServers.run(create, Duration.ofSeconds(60));
		if (!created.contains("All 16384 slots covered")) {
			throw new IllegalStateException("the cluster was not created: " + created);
		}
		RedisServers.await("cluster_state:ok on every node", Duration.ofSeconds(30), () -> ports.stream()
			.allMatch(port -> RedisServers.cli(port, "CLUSTER", "INFO").contains("cluster_state:ok")));
		RedisServers.await("three masters with a replica each", Duration.ofSeconds(30),
				() -> masters().size() == 3 && replicasReady());
	}

	private boolean replicasReady() {
		String nodes = RedisServers.cli(ports.get(0), "CLUSTER", "NODES");
		return nodes.lines().filter(line -> line.contains("slave") && line.contains("connected")).count() == 3;
	}

	/**
	 * @return {@code spring.data.redis.cluster.nodes} for this cluster
	 */
	public String nodes() {
		return ports.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
	}

	/**
	 * @return the ports of the masters (each serves a third of the slots)
	 */
	public List<Integer> masters() {
		return ports.stream().filter(port -> RedisServers.cli(port, "ROLE").startsWith("master")).toList();
	}

	/**
	 * @return every key matching {@code pattern} on every master (so on the whole
	 * cluster)
	 */
	public List<String> keys(String pattern) {
		List<String> keys = new ArrayList<>();
		for (int port : masters()) {
			RedisServers.cli(port, "--scan", "--pattern", pattern)
				.lines()
				.filter(line -> !line.isBlank())
				.forEach(keys::add);
		}
		return keys;
	}

	/**
	 * @return the hash slot Redis computes for a key ({@code CLUSTER KEYSLOT})
	 */
	public int slot(String key) {
		return Integer.parseInt(RedisServers.cli(ports.get(0), "CLUSTER", "KEYSLOT", key).trim());
	}

}
