package org.scoutline.channel.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The channel refuses to start half-configured and sends to the documented address. */
class WhatsAppSettingsTests {

	@Test
	void anEnabledChannelNeedsEverySecret() {
		assertThatIllegalArgumentException().isThrownBy(() -> settings(true, "123", "token", null, "verify"))
			.withMessageContaining("scoutline.whatsapp.app-secret");
		assertThatIllegalArgumentException().isThrownBy(() -> settings(true, null, "token", "secret", "verify"))
			.withMessageContaining("phone-number-id");
		assertThat(settings(false, null, null, null, null).enabled()).isFalse();
	}

	@Test
	void messagesGoToVersionAndPhoneNumberId() {
		assertThat(settings(true, "1098765432", "t", "s", "v").messagesUrl())
			.isEqualTo("https://graph.facebook.com/v21.0/1098765432/messages");
	}

	private static WhatsAppSettings settings(boolean enabled, String phoneNumberId, String token, String secret,
			String verify) {
		return new WhatsAppSettings(enabled, URI.create("https://graph.facebook.com/"), "v21.0", phoneNumberId, token,
				secret, verify, 8, 5, Duration.ofMillis(500), 1 << 20, null);
	}

}
