package org.scoutline.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.data.redis.RedisConnectionDetails;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The two server secrets as 256-bit keys. In production both come from the configuration
 * ({@code scoutline.pseudonym-key}, {@code scoutline.data-key}) and
 * {@code scoutline.require-secrets=true} refuses to start without them. Only with a Redis
 * on this machine (embedded or loopback, that is development) is a random pair made once
 * and kept in Redis so that every local instance agrees; a warning says so. With a Redis
 * elsewhere and no secrets the app refuses to start.
 */
@Component
public class Secrets {

	private static final Logger log = LoggerFactory.getLogger(Secrets.class);

	private final byte[] pseudonymKey;

	private final byte[] dataKey;

	Secrets(ScoutlineSettings settings, StringRedisTemplate redis, RedisConnectionDetails connection) {
		boolean complete = StringUtils.hasText(settings.pseudonymKey()) && StringUtils.hasText(settings.dataKey());
		if (!complete && settings.requireSecrets()) {
			throw new IllegalStateException("scoutline.require-secrets is true but scoutline.pseudonym-key and/or "
					+ "scoutline.data-key are not set (SCOUTLINE_PSEUDONYM_KEY, SCOUTLINE_DATA_KEY)");
		}
		if (!complete && !onThisMachine(connection)) {
			throw new IllegalStateException("Redis is not on this machine, so this looks like a real deployment: set "
					+ "scoutline.pseudonym-key and scoutline.data-key (SCOUTLINE_PSEUDONYM_KEY, SCOUTLINE_DATA_KEY); "
					+ "development secrets are made only with a local or embedded Redis");
		}
		String pseudonym = settings.pseudonymKey();
		String data = settings.dataKey();
		if (!complete) {
			String key = settings.keyPrefix() + "dev-secrets";
			redis.opsForHash().putIfAbsent(key, "pseudonym", randomSecret());
			redis.opsForHash().putIfAbsent(key, "data", randomSecret());
			pseudonym = StringUtils.hasText(pseudonym) ? pseudonym : (String) redis.opsForHash().get(key, "pseudonym");
			data = StringUtils.hasText(data) ? data : (String) redis.opsForHash().get(key, "data");
			log.warn("Using development secrets kept in Redis; set scoutline.pseudonym-key, scoutline.data-key and "
					+ "scoutline.require-secrets=true in production");
		}
		this.pseudonymKey = derive("pseudonym", pseudonym);
		this.dataKey = derive("data", data);
	}

	private static boolean onThisMachine(RedisConnectionDetails connection) {
		RedisConnectionDetails.Standalone standalone = connection.getStandalone();
		if (standalone == null || standalone.getHost() == null) {
			return false;
		}
		String host = standalone.getHost();
		return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
	}

	/**
	 * @return a copy of the 256-bit key for pseudonyms
	 */
	public byte[] pseudonymKey() {
		return pseudonymKey.clone();
	}

	/**
	 * @return a copy of the 256-bit key for data at rest
	 */
	public byte[] dataKey() {
		return dataKey.clone();
	}

	private static byte[] derive(String purpose, String secret) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(("scoutline-" + purpose + ":").getBytes(StandardCharsets.UTF_8));
			return sha.digest(secret.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String randomSecret() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

}
