package org.scoutline.platform;

import java.time.Duration;
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
import io.lettuce.core.codec.StringCodec;
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
		return call(script, ScriptOutputType.INTEGER, keys, args);
	}

	/**
	 * @return the script's array answer: strings, numbers ({@link Long}) and arrays
	 * ({@link List}), as the template gives them
	 */
	public List<Object> multi(RedisScript<?> script, List<String> keys, List<String> args) {
		return call(script, ScriptOutputType.MULTI, keys, args);
	}

	private <T> T call(RedisScript<?> script, ScriptOutputType type, List<String> keys, List<String> args) {
		Connected redis = connected();
		String[] keyArray = keys.toArray(String[]::new);
		String[] argArray = args.toArray(String[]::new);
		try {
			try {
				return redis.await(redis.commands.evalsha(script.getSha1(), type, keyArray, argArray));
			}
			catch (RedisNoScriptException ex) {
				// the first call on a fresh Redis (or after a restart or failover)
				return redis.await(redis.commands.eval(script.getScriptAsString(), type, keyArray, argArray));
			}
		}
		catch (RuntimeException ex) {
			DataAccessException translated = errors.convert(ex);
			throw translated != null ? translated : ex;
		}
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
			StatefulRedisClusterConnection<String, String> connection = cluster.connect(StringCodec.UTF8);
			return new Connected(connection, connection.async(), connection.getTimeout());
		}
		StatefulRedisConnection<String, String> connection = ((RedisClient) client).connect(StringCodec.UTF8);
		return new Connected(connection, connection.async(), connection.getTimeout());
	}

	@Override
	public void destroy() {
		Connected current = connected;
		if (current != null) {
			current.connection.close();
		}
	}

	private record Connected(StatefulConnection<String, String> connection,
			RedisScriptingAsyncCommands<String, String> commands, Duration timeout) {

		<T> T await(RedisFuture<T> future) {
			return LettuceFutures.awaitOrCancel(future, timeout.toNanos(), TimeUnit.NANOSECONDS);
		}

	}

}
