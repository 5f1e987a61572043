package org.scoutline.platform;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.api.async.RedisScriptingAsyncCommands;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceExceptionConverter;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Runs the Lua scripts of a bot turn straight on a Lettuce connection of their own, from
 * the connection factory's client (so a Cluster, a Sentinel set-up and the round-trip
 * listener are the same as for every other call). Through Spring Data Redis's template
 * every script call also went through a connection proxy, serializers and result
 * converters: 11% of a turn's CPU in a JFR profile, more than Lettuce's own work for the
 * call. Errors come out as Spring's {@link DataAccessException}s, as from the template.
 */
@Component
public final class ScriptCalls implements DisposableBean {

	private final LettuceConnectionFactory factory;

	private final LettuceExceptionConverter errors = new LettuceExceptionConverter();

	private volatile Connected connected;

	ScriptCalls(LettuceConnectionFactory factory) {
		this.factory = factory;
	}

	/**
	 * @return the script's integer answer, {@code null} for a Lua {@code nil}
	 */
	public Long integer(RedisScript<?> script, List<String> keys, List<String> args) {
		return (Long) call(script, ScriptOutputType.INTEGER, keys, args);
	}

	/**
	 * @return the script's array answer: strings, numbers ({@link Long}) and arrays
	 * ({@link List}), as the template gives them
	 */
	@SuppressWarnings("unchecked")
	public List<Object> multi(RedisScript<?> script, List<String> keys, List<String> args) {
		return (List<Object>) call(script, ScriptOutputType.MULTI, keys, args);
	}

	private Object call(RedisScript<?> script, ScriptOutputType type, List<String> keys, List<String> args) {
		// encoded here, on the calling thread: Lettuce would otherwise encode
		// every string on its one I/O thread, into a buffer of its own
		byte[][] keyBytes = bytes(keys);
		byte[][] argBytes = bytes(args);
		try {
			// inside: a Redis that is down at the first call is a DataAccessException too
			Connected redis = connected();
			Object answer;
			try {
				answer = redis.await(redis.commands.evalsha(script.getSha1(), type, keyBytes, argBytes));
			}
			catch (RedisNoScriptException ex) {
				// the first call on a fresh Redis (or after a restart or failover)
				answer = redis.await(redis.commands.eval(script.getScriptAsString(), type, keyBytes, argBytes));
			}
			return decoded(answer);
		}
		catch (RuntimeException ex) {
			DataAccessException translated = errors.convert(ex);
			throw translated != null ? translated : ex;
		}
	}

	private static byte[][] bytes(List<String> values) {
		byte[][] out = new byte[values.size()][];
		for (int i = 0; i < out.length; i++) {
			out[i] = values.get(i).getBytes(StandardCharsets.UTF_8);
		}
		return out;
	}

	private static Object decoded(Object answer) {
		if (answer instanceof byte[] bytes) {
			return new String(bytes, StandardCharsets.UTF_8);
		}
		if (answer instanceof List<?> list) {
			List<Object> out = new ArrayList<>(list.size());
			list.forEach(item -> out.add(decoded(item)));
			return out;
		}
		return answer;
	}

	private Connected connected() {
		Connected current = connected;
		if (current == null) {
			synchronized (this) {
				current = connected;
				if (current == null) {
					current = connect(factory.getRequiredNativeClient());
					connected = current;
				}
			}
		}
		return current;
	}

	private static Connected connect(AbstractRedisClient client) {
		if (client instanceof RedisClusterClient cluster) {
			StatefulRedisClusterConnection<byte[], byte[]> connection = cluster.connect(ByteArrayCodec.INSTANCE);
			return new Connected(connection, connection.async(), connection.getTimeout());
		}
		StatefulRedisConnection<byte[], byte[]> connection = ((RedisClient) client).connect(ByteArrayCodec.INSTANCE);
		return new Connected(connection, connection.async(), connection.getTimeout());
	}

	@Override
	public void destroy() {
		Connected current = connected;
		if (current != null) {
			current.connection.close();
		}
	}

	private record Connected(StatefulConnection<byte[], byte[]> connection,
			RedisScriptingAsyncCommands<byte[], byte[]> commands, Duration timeout) {

		<T> T await(RedisFuture<T> future) {
			return LettuceFutures.awaitOrCancel(future, timeout.toNanos(), TimeUnit.NANOSECONDS);
		}

	}

}
