package org.scoutline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.data.redis.RedisConnectionDetails;
import org.springframework.data.redis.core.StringRedisTemplate;

class SecretsTests {

	@Test
	void aRemoteRedisWithoutSecretsRefusesToStart() {
		ScoutlineSettings noSecrets = new ScoutlineSettings(Duration.ofDays(30), null, null, false, "sl-test-x:");
		assertThatThrownBy(() -> new Secrets(noSecrets, new StringRedisTemplate(), redisAt("redis.internal")))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("SCOUTLINE_PSEUDONYM_KEY");
	}

	@Test
	void requiredSecretsMustBeSetEvenWithALocalRedis() {
		ScoutlineSettings required = new ScoutlineSettings(Duration.ofDays(30), "only-one", null, true, "sl-test-x:");
		assertThatThrownBy(() -> new Secrets(required, new StringRedisTemplate(), redisAt("127.0.0.1")))
			.hasMessageContaining("scoutline.require-secrets is true");
	}

	@Test
	void configuredSecretsBecomeDistinct256BitKeys() {
		ScoutlineSettings settings = new ScoutlineSettings(Duration.ofDays(30), "same", "same", true, "sl-test-x:");
		Secrets secrets = new Secrets(settings, new StringRedisTemplate(), redisAt("redis.internal"));
		assertThat(secrets.pseudonymKey()).hasSize(32).isNotEqualTo(secrets.dataKey());
	}

	private static RedisConnectionDetails redisAt(String host) {
		return new RedisConnectionDetails() {
			@Override
			public Standalone getStandalone() {
				return Standalone.of(host, 6379);
			}
		};
	}

}
