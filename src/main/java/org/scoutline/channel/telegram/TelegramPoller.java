package org.scoutline.channel.telegram;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.scoutline.platform.LogGate;
import org.scoutline.platform.ScoutlineSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.scoutline.platform.LuaScripts;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Long polling with several instances: one instance at a time polls, the holder of a
 * Redis lease ({@code {telegram}:poller}, renewed on every poll, taken over by another
 * instance once it lapses). The offset lives in Redis ({@code {telegram}:offset}): it
 * moves on only after the updates before it are in the {@link TelegramArrivals intake},
 * so an instance that dies between the two leaves them to be fetched again by the next
 * holder, and the intake takes each update id once. Logs carry counts and exception
 * classes.
 */
class TelegramPoller implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TelegramPoller.class);

	private static final RedisScript<Long> LEASE = LuaScripts.of("redis/poller-lease.lua", Long.class);

	private static final RedisScript<Long> OFFSET = LuaScripts.of("redis/poller-offset.lua", Long.class);

	/** how long Telegram holds a getUpdates open when there is nothing new */
	private static final int LONG_POLL_SECONDS = 3;

	private static final Duration IDLE = Duration.ofSeconds(1);

	private final TelegramApi api;

	private final TelegramArrivals arrivals;

	private final StringRedisTemplate redis;

	private final Duration lease;

	private final String leaseKey;

	private final String offsetKey;

	private final String instance = UUID.randomUUID().toString();

	private final ObjectMapper json = new ObjectMapper();

	private final LogGate gate = new LogGate();

	private volatile boolean running;

	private boolean leading;

	private Thread thread;

	TelegramPoller(TelegramApi api, TelegramArrivals arrivals, StringRedisTemplate redis, TelegramSettings settings,
			ScoutlineSettings scoutline) {
		this.api = api;
		this.arrivals = arrivals;
		this.redis = redis;
		this.lease = settings.pollerLease();
		this.leaseKey = leaseKey(scoutline.keyPrefix());
		this.offsetKey = offsetKey(scoutline.keyPrefix());
	}

	@Override
	public void start() {
		running = true;
		thread = new Thread(this::run, "telegram-poller");
		thread.setDaemon(true);
		thread.start();
	}

	private void run() {
		while (running) {
			try {
				if (!holdLease()) {
					pause(IDLE);
					continue;
				}
				poll();
			}
			catch (DataAccessException | TelegramApiException | JsonProcessingException ex) {
				if (!running) {
					return;
				}
				if (gate.open(ex.getClass().getSimpleName())) {
					log.warn("telegram polling failed, trying again cause={} (logged once a minute)",
							ex.getClass().getSimpleName());
				}
				pause(IDLE);
			}
		}
	}

	private boolean holdLease() throws TelegramApiException {
		Long held = redis.execute(LEASE, List.of(leaseKey), instance, Long.toString(lease.toMillis()));
		boolean now = held != null && held == 1L;
		if (now && !leading) {
			log.info("telegram polling on this instance");
			// a webhook and getUpdates exclude each other
			api.call(new DeleteWebhook());
		}
		else if (!now && leading) {
			log.info("telegram polling handed to another instance");
		}
		leading = now;
		return now;
	}

	private void poll() throws TelegramApiException, JsonProcessingException {
		String stored = redis.opsForValue().get(offsetKey);
		int offset = stored == null ? 0 : Integer.parseInt(stored);
		List<Update> updates = api.call(GetUpdates.builder()
			.offset(offset)
			.limit(100)
			.timeout(LONG_POLL_SECONDS)
			.allowedUpdates(TelegramBot.UPDATE_TYPES)
			.build());
		if (updates == null || updates.isEmpty()) {
			return;
		}
		int next = offset;
		for (Update update : updates) {
			arrivals.accept(json.valueToTree(update));
			next = Math.max(next, update.getUpdateId() + 1);
		}
		Long still = redis.execute(OFFSET, List.of(leaseKey, offsetKey), instance, Integer.toString(next));
		if (still == null || still != 1L) {
			leading = false;
		}
	}

	private void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			running = false;
		}
	}

	@Override
	public void stop() {
		running = false;
		if (thread != null) {
			thread.interrupt();
			try {
				thread.join(Duration.ofSeconds(LONG_POLL_SECONDS + 2).toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		// let another instance take over at once
		try {
			if (instance.equals(redis.opsForValue().get(leaseKey))) {
				redis.delete(leaseKey);
			}
		}
		catch (DataAccessException ex) {
			log.debug("telegram polling lease not given back cause={}", ex.getClass().getSimpleName());
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	// one hash tag: the offset script checks the lease (one Redis Cluster slot)
	static String leaseKey(String prefix) {
		return prefix + "{telegram}:poller";
	}

	static String offsetKey(String prefix) {
		return prefix + "{telegram}:offset";
	}

}
