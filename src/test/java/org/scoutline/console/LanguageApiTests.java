package org.scoutline.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scoutline.support.ConsoleClient;
import org.scoutline.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console's language per account: a person sets their own, a coordinator anyone's,
 * "browser" clears it; anything but de or en is refused with a code the console words; a
 * scout may not set someone else's.
 */
@IntegrationTest
class LanguageApiTests {

	@Autowired
	Accounts accounts;

	@LocalServerPort
	int port;

	@BeforeEach
	void accounts() {
		accounts.run(null);
		accounts.create("lea", Staff.PASSWORD, "Lea", Role.SCOUT);
		accounts.create("max", Staff.PASSWORD, "Max", Role.SCOUT);
		accounts.setLanguage("lea", null);
	}

	@Test
	void everyoneSetsTheirOwnLanguageAndACoordinatorAnyones() {
		try (ConsoleClient lea = ConsoleClient.login(port, "lea", Staff.PASSWORD);
				ConsoleClient admin = ConsoleClient.login(port, Staff.ADMIN, Staff.ADMIN_PASSWORD)) {
			assertThat(!lea.get("/console/api/me").json().hasNonNull("language")).as("the browser's").isTrue();
			assertThat(lea.post("/console/api/me/language", Map.of("language", "en")).status()).isEqualTo(200);
			assertThat(lea.get("/console/api/me").json().path("language").asText()).isEqualTo("en");

			ConsoleClient.Response wrong = lea.post("/console/api/me/language", Map.of("language", "fr"));
			assertThat(wrong.status()).isEqualTo(400);
			assertThat(wrong.json().path("error").asText()).isEqualTo("bad_language");
			assertThat(lea.post("/console/api/accounts/max/language", Map.of("language", "en")).status())
				.isEqualTo(403);

			assertThat(admin.post("/console/api/accounts/lea/language", Map.of("language", "de")).status())
				.isEqualTo(200);
			assertThat(lea.get("/console/api/me").json().path("language").asText()).isEqualTo("de");
			assertThat(admin.get("/console/api/accounts").json().findValues("language").toString()).contains("\"de\"");
			assertThat(admin.post("/console/api/accounts/nobody/language", Map.of("language", "de")).status())
				.isEqualTo(404);
			assertThat(lea.post("/console/api/me/language", Map.of()).status()).as("back to the browser's")
				.isEqualTo(200);
			assertThat(!lea.get("/console/api/me").json().hasNonNull("language")).isTrue();
		}
	}

}
