package org.scoutline.channel.common;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.scoutline.platform.ScoutlineSettings;
import org.scoutline.platform.Sealer;
import org.scoutline.platform.Secrets;
import org.scoutline.safety.Pseudonyms;
import org.scoutline.platform.LuaScripts;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisStreamCommands;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;

/**
 * The durable intake of the channels that deliver again what did not get a {@code 200}
 * (Telegram, WhatsApp): a webhook (or the poller) {@linkplain #offer offers} an arrival
 * and answers {@code 200} only when this returned, so the arrival is in Redis before the
 * platform forgets it; the channel's {@link IntakeWorkers} on every instance then handle
 * it. A Redis that does not answer makes {@link #offer} throw, and the webhook answers
 * {@code 503} so that the platform delivers it again.
 * <p>
 * In Redis: each chat has an inbox (a list, in order of arrival, every item sealed with
 * the data key, expiring after {@link IntakeSettings#keep()}); the channel's stream
 * ({@code {intake:<channel>}:stream}, consumer group {@code workers}) holds at most one
 * token per chat whose inbox has items. Whoever holds the token (one worker at a time)
 * works through that inbox in order; a token idle for {@link IntakeSettings#claimAfter()}
 * is taken over by another instance. Arrival ids are remembered for two days
 * ({@code {intake:<channel>}:seen:<pseudonym>}; every key of a channel shares that hash
 * tag, see {@link IntakeKeys}), so an arrival delivered again is taken once. Chats and
 * arrival ids appear only as keyed pseudonyms.
 */
@Component
public class Intake {

	static final String GROUP = "workers";

	private static final Duration REMEMBERED = Duration.ofDays(2);

	private static final RedisScript<Long> OFFER = LuaScripts.of("redis/intake-offer.lua", Long.class);

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> STEP = LuaScripts.of("redis/intake-step.lua", List.class);

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> CLAIM = LuaScripts.of("redis/intake-claim.lua", List.class);

	private final StringRedisTemplate redis;

	private final Pseudonyms pseudonyms;

	private final Sealer sealer;

	private final IntakeSettings settings;

	private final IntakeKeys keys;

	/** this instance's name among the consumers of every stream */
	private final String worker = "w-" + UUID.randomUUID();

	private final LettuceConnectionFactory connections;

	private final ChannelMeters meters;

	private final Map<String, Reader> readers = new ConcurrentHashMap<>();

	/** A connection of a reader that blocks, standalone (or Sentinel) or cluster. */
	private record Reader(StatefulConnection<String, String> connection, RedisStreamCommands<String, String> commands) {

		static Reader open(LettuceConnectionFactory factory) {
			AbstractRedisClient client = factory.getRequiredNativeClient();
			if (client instanceof RedisClusterClient cluster) {
				StatefulRedisClusterConnection<String, String> connection = cluster.connect();
				return new Reader(connection, connection.sync());
			}
			StatefulRedisConnection<String, String> connection = ((RedisClient) client).connect();
			return new Reader(connection, connection.sync());
		}

	}

	Intake(StringRedisTemplate redis, LettuceConnectionFactory connections, Pseudonyms pseudonyms, Secrets secrets,
			IntakeSettings settings, ScoutlineSettings scoutline, ChannelMeters meters) {
		this.connections = connections;
		this.meters = meters;
		this.redis = redis;
		this.pseudonyms = pseudonyms;
		this.sealer = new Sealer(secrets.dataKey());
		this.settings = settings;
		this.keys = new IntakeKeys(scoutline.keyPrefix());
	}

	/**
	 * Takes an arrival durably, in one round trip, unless it came before.
	 * @param channel the channel ({@code telegram})
	 * @param arrivalId the channel's id of the arrival (an update id, a message id)
	 * @param chat the chat it belongs to: its arrivals are handled in order, one at a
	 * time
	 * @param payload what the channel's handler needs to handle it (sealed at rest)
	 * @return {@code true} when taken, {@code false} for an arrival taken before
	 * @throws org.springframework.dao.DataAccessException when Redis does not answer
	 */
	public boolean offer(String channel, String arrivalId, String chat, String payload) {
		String chatKey = chatKey(channel, chat);
		String arrival = pseudonyms.of("seen:" + channel, arrivalId);
		String item = arrival + "|" + sealer.seal(payload, context(channel, chatKey));
		Long taken = redis.execute(OFFER, keys.offer(channel, arrival, chatKey), Long.toString(REMEMBERED.toSeconds()),
				item, Long.toString(settings.keep().toSeconds()), chatKey, Long.toString(settings.maxLength()));
		if (taken == null || taken != 1L) {
			meters.rejected(channel, ChannelMeters.Rejection.REPLAY);
			return false;
		}
		return true;
	}

	/**
	 * @return the workers of a channel, to be run as a bean of the channel (they start
	 * and stop with the application)
	 */
	public IntakeWorkers workers(String channel, int lanes, IntakeHandler handler) {
		return new IntakeWorkers(this, channel, lanes, handler, settings, () -> meters.gaveUp(channel));
	}

	/** A chat's token, as read from the stream or claimed. */
	record Token(String id, String chat) {
	}

	/** What a worker does next with a token. */
	record Step(String itemId, String payload, int attempt) {

		static final Step DONE = new Step(null, null, 0);

		boolean done() {
			return itemId == null;
		}

	}

	/**
	 * Waits up to {@link IntakeSettings#poll()} for new tokens, on a connection of its
	 * own: a blocking read would hold up everybody on the shared one (and Spring would
	 * open and close a connection for each).
	 */
	List<Token> read(String channel) {
		List<StreamMessage<String, String>> records = readers.computeIfAbsent(channel, c -> Reader.open(connections))
			.commands()
			.xreadgroup(io.lettuce.core.Consumer.from(GROUP, worker),
					XReadArgs.Builder.block(settings.poll()).count(settings.batch()),
					XReadArgs.StreamOffset.lastConsumed(stream(channel)));
		List<Token> tokens = new ArrayList<>();
		for (StreamMessage<String, String> record : records) {
			String chat = record.getBody().get("c");
			if (chat != null) {
				tokens.add(new Token(record.getId(), chat));
			}
		}
		return tokens;
	}

	/** Closes the connection the channel's reader used. */
	void stopReading(String channel) {
		Reader reader = readers.remove(channel);
		if (reader != null) {
			reader.connection().close();
		}
	}

	/**
	 * Takes over tokens idle for too long; creates the group when the stream exists and
	 * has none.
	 * @return the tokens taken over, {@code null} when there is no stream yet
	 */
	List<Token> claim(String channel) {
		List<?> found = redis.execute(CLAIM, keys.claim(channel), GROUP, worker,
				Long.toString(settings.claimAfter().toMillis()), Integer.toString(settings.batch()));
		List<Token> tokens = new ArrayList<>();
		if (found == null || found.isEmpty()) {
			return null;
		}
		for (int i = 1; i + 1 < found.size(); i += 2) {
			tokens.add(new Token(found.get(i).toString(), found.get(i + 1).toString()));
		}
		return tokens;
	}

	/**
	 * Drops {@code finished} from the head of the token's inbox, then gives the next
	 * item.
	 * @return the next item, or {@link Step#DONE} when the inbox is empty (the token is
	 * given back) or the token is no longer this worker's
	 */
	Step step(String channel, Token token, String finished) {
		List<?> result = redis.execute(STEP, keys.step(channel, token.chat()), GROUP, worker, token.id(),
				finished == null ? "" : finished, Long.toString(settings.keep().toSeconds()));
		if (result == null || result.size() < 3 || !"next".equals(String.valueOf(result.get(0)))) {
			return Step.DONE;
		}
		String item = String.valueOf(result.get(1));
		int bar = item.indexOf('|');
		String payload = sealer.open(item.substring(bar + 1), context(channel, token.chat()));
		return new Step(item.substring(0, bar), payload, ((Number) result.get(2)).intValue());
	}

	/** Trims the stream to {@link IntakeSettings#keep()}. */
	void trim(String channel, long nowMillis) {
		long oldest = nowMillis - settings.keep().toMillis();
		redis.execute((RedisCallback<Object>) connection -> connection.execute("XTRIM", bytes(stream(channel)),
				bytes("MINID"), bytes("~"), bytes(oldest + "-0")));
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

	private String chatKey(String channel, String chat) {
		return pseudonyms.of("inbox:" + channel, chat);
	}

	String stream(String channel) {
		return keys.stream(channel);
	}

	private static String context(String channel, String chatKey) {
		return "intake|" + channel + "|" + chatKey;
	}

}
