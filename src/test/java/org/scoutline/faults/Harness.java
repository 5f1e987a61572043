package org.scoutline.faults;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One scenario's world: its own Redis (AOF, free port), the fake Telegram and the fake
 * Meta, and the app instances as separate JVMs on one Redis under one key prefix
 * ({@code sl-test-<uuid>:}). Closing it stops everything it started, in reverse order.
 */
final class Harness implements AutoCloseable {

	private final String scenario;

	private final String telegramMode;

	private final String prefix = "sl-test-" + UUID.randomUUID() + ":";

	private final String pseudonymKey = UUID.randomUUID().toString();

	private final String dataKey = UUID.randomUUID().toString();

	private final TestRedis redis;

	private final FakeTelegram telegram = new FakeTelegram();

	private final FakeMeta meta = new FakeMeta();

	private final List<AppInstance> instances = new CopyOnWriteArrayList<>();

	private final ScheduledExecutorService clock = Executors.newScheduledThreadPool(2, Webhooks.daemon("scenario"));

	private Harness(String scenario, String telegramMode) {
		this.scenario = scenario;
		this.telegramMode = telegramMode;
		this.redis = TestRedis.start();
	}

	/**
	 * Starts Redis, the fakes and {@code count} instances, and waits until every instance
	 * is ready.
	 * @param telegramMode {@code webhook} or {@code polling}
	 */
	static Harness start(String scenario, String telegramMode, int count) {
		Harness harness = new Harness(scenario, telegramMode);
		try {
			harness.telegram.webhookTo(() -> harness.instances);
			harness.meta.webhookTo(() -> harness.instances);
			for (int i = 0; i < count; i++) {
				String name = String.valueOf((char) ('a' + i));
				harness.instances.add(AppInstance.start(scenario + "-" + name, Ports.free(), harness.properties(name)));
			}
			for (AppInstance instance : harness.instances) {
				instance.awaitReady();
			}
			return harness;
		}
		catch (RuntimeException | Error ex) {
			harness.close();
			throw ex;
		}
	}

	/**
	 * The properties every instance gets (contract: see docs/testing.md, fault tests).
	 */
	private Map<String, String> properties(String name) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("spring.data.redis.host", "127.0.0.1");
		properties.put("spring.data.redis.port", String.valueOf(redis.port()));
		properties.put("scoutline.embedded-redis", "never");
		properties.put("scoutline.key-prefix", prefix);
		properties.put("scoutline.pseudonym-key", pseudonymKey);
		properties.put("scoutline.data-key", dataKey);
		properties.put("scoutline.telegram.enabled", "true");
		properties.put("scoutline.telegram.token", FakeTelegram.TOKEN);
		properties.put("scoutline.telegram.api-url", telegram.front(scenario + "-" + name));
		properties.put("scoutline.telegram.mode", telegramMode);
		properties.put("scoutline.telegram.webhook-secret", FakeTelegram.SECRET);
		properties.put("scoutline.whatsapp.enabled", "true");
		properties.put("scoutline.whatsapp.api-url", meta.front(scenario + "-" + name));
		properties.put("scoutline.whatsapp.api-version", "v21.0");
		properties.put("scoutline.whatsapp.phone-number-id", FakeMeta.PHONE_NUMBER_ID);
		properties.put("scoutline.whatsapp.access-token", FakeMeta.ACCESS_TOKEN);
		properties.put("scoutline.whatsapp.app-secret", FakeMeta.APP_SECRET);
		properties.put("scoutline.whatsapp.verify-token", FakeMeta.VERIFY_TOKEN);
		properties.put("spring.main.banner-mode", "off");
		properties.put("logging.level.root", "warn");
		properties.put("logging.level.org.scoutline", "info");
		return properties;
	}

	TestRedis redis() {
		return redis;
	}

	FakeTelegram telegram() {
		return telegram;
	}

	FakeMeta meta() {
		return meta;
	}

	List<AppInstance> instances() {
		return List.copyOf(instances);
	}

	AppInstance instance(String name) {
		return instances.stream()
			.filter(instance -> instance.name().equals(scenario + "-" + name) || instance.name().equals(name))
			.findFirst()
			.orElseThrow();
	}

	/** Takes the numbers as they are now: later replies are not counted. */
	void freeze() {
		telegram.outbox().freeze();
		meta.outbox().freeze();
	}

	/** Runs {@code work} after {@code delay} on the scenario's clock. */
	void at(Duration delay, Runnable work) {
		clock.schedule(work, delay.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void close() {
		clock.shutdownNow();
		telegram.close();
		meta.close();
		instances.forEach(AppInstance::terminate);
		instances.forEach(AppInstance::close);
		redis.close();
	}

}
