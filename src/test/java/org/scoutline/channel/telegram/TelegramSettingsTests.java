package org.scoutline.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.scoutline.channel.telegram.TelegramSettings.Mode;

/**
 * The bot refuses to start half-configured, and the API address becomes what the client
 * wants.
 */
class TelegramSettingsTests {

	@Test
	void anEnabledBotNeedsATokenAndAWebhookNeedsAValidSecret() {
		assertThatIllegalArgumentException().isThrownBy(() -> settings(true, null, Mode.POLLING, null))
			.withMessageContaining("scoutline.telegram.token");
		assertThatIllegalArgumentException().isThrownBy(() -> settings(true, "1:A", Mode.WEBHOOK, null))
			.withMessageContaining("webhook-secret");
		assertThatIllegalArgumentException().isThrownBy(() -> settings(true, "1:A", Mode.WEBHOOK, "has space"))
			.withMessageContaining("webhook-secret");
		assertThat(settings(false, null, Mode.WEBHOOK, null).enabled()).isFalse();
		assertThat(settings(true, "1:A", Mode.WEBHOOK, "ok_Secret-1").mode()).isEqualTo(Mode.WEBHOOK);
	}

	@Test
	void theApiUrlBecomesSchemeHostAndPort() {
		assertThat(settings(true, "1:A", Mode.POLLING, null).telegramUrl())
			.satisfies(url -> assertThat(url.getSchema() + "://" + url.getHost() + ":" + url.getPort())
				.isEqualTo("https://api.telegram.org:443"));
		TelegramSettings local = new TelegramSettings(true, "1:A", URI.create("http://127.0.0.1:8081"), Mode.POLLING,
				null, null, 8, 5, Duration.ofMillis(500), 1 << 20, Duration.ofSeconds(10));
		assertThat(local.telegramUrl().getPort()).isEqualTo(8081);
		assertThat(local.telegramUrl().getSchema()).isEqualTo("http");
	}

	private static TelegramSettings settings(boolean enabled, String token, Mode mode, String secret) {
		return new TelegramSettings(enabled, token, URI.create("https://api.telegram.org"), mode, secret, null, 8, 5,
				Duration.ofMillis(500), 1 << 20, Duration.ofSeconds(10));
	}

}
