package org.scoutline.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.OptionalLong;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scoutline.ScoutlineApplication;
import org.scoutline.support.ConsoleClient;
import org.scoutline.support.IntegrationTest;
import org.scoutline.support.RedisTestSupport.TestKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Wrong console passwords over real HTTP: per username the next attempt waits 10 s after
 * the third failure, then 20 s, 40 s, and the sixth locks for 15 minutes; per address the
 * 12th locks. The clock is the app's, moved by the test (Bucket4j reads it too). Every
 * test has its own usernames and client address ({@code X-Forwarded-For}).
 */
@IntegrationTest
@Import(LoginThrottleTests.Time.class)
@TestPropertySource(
		properties = { "server.forward-headers-strategy=native", "scoutline.console.login.username.delay-after=3",
				"scoutline.console.login.username.lock-after=6", "scoutline.console.login.address.delay-after=8",
				"scoutline.console.login.address.lock-after=12", "scoutline.console.login.first-delay=10s",
				"scoutline.console.login.max-delay=1m", "scoutline.console.login.window=1h",
				"scoutline.console.login.lock-for=15m", "scoutline.pseudonym-key=" + LoginThrottleTests.PSEUDONYM_KEY,
				"scoutline.data-key=" + LoginThrottleTests.DATA_KEY })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottleTests {

	static final String PSEUDONYM_KEY = "login-throttle-test-pseudonym-secret";

	static final String DATA_KEY = "login-throttle-test-data-secret";

	static final String PASSWORD = "right-password-1";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	MovedClock clock;

	@Autowired
	TestKeys keys;

	@Autowired
	Environment environment;

	@BeforeAll
	void theCoordinator() {
		accounts.run(null);
	}

	@BeforeEach
	void realTime() {
		clock.offset = Duration.ZERO;
	}

	private String scout(String username) {
		accounts.create(username, PASSWORD, Staff.alias(username), Role.SCOUT);
		return username;
	}

	@Test
	void wrongPasswordsWaitLongerEachTimeThenLockEvenTheRightOne(CapturedOutput output) {
		String tia = scout("tia");
		LoginForm form = new LoginForm(port, "198.51.100.21", "en-GB,en;q=0.8,de;q=0.5");
		for (int i = 1; i <= 2; i++) {
			LoginForm.Attempt attempt = form.attempt(tia, "wrong-password-" + i);
			assertThat(attempt.accepted()).isFalse();
			assertThat(attempt.retryAfter()).as("failure %d: no wait yet", i).isEmpty();
		}
		LoginForm.Attempt third = form.attempt(tia, "wrong-password-3");
		assertThat(third.retryAfter()).hasValue(10);
		assertThat(third.message())
			.isEqualTo("Wrong username or password. Please wait 10 seconds before the next try.");

		LoginForm.Attempt tooEarly = form.attempt(tia, PASSWORD);
		assertThat(tooEarly.accepted()).as("the right password, too early").isFalse();
		assertThat(tooEarly.retryAfter().getAsLong()).isBetween(1L, 10L);
		assertThat(tooEarly.message()).matches("Too many attempts\\. Please wait (10|[1-9]) seconds?\\.");

		clock.advance(Duration.ofSeconds(10));
		assertThat(form.attempt(tia, "wrong-password-4").retryAfter()).as("twice as long").hasValue(20);
		clock.advance(Duration.ofSeconds(20));
		assertThat(form.attempt(tia, "wrong-password-5").retryAfter()).hasValue(40);
		clock.advance(Duration.ofSeconds(40));
		LoginForm.Attempt locking = form.attempt(tia, "wrong-password-6");
		assertThat(locking.retryAfter()).hasValue(15 * 60);
		assertThat(locking.message()).isEqualTo(
				"This account is locked for 15 minutes after too many wrong passwords. A coordinator can unlock it.");

		clock.advance(Duration.ofMinutes(5));
		LoginForm.Attempt locked = new LoginForm(port, "198.51.100.22", null).attempt(tia, PASSWORD);
		assertThat(locked.accepted()).as("the right password, from elsewhere, while locked").isFalse();
		assertThat(locked.message()).as("in German by default")
			.isEqualTo("Dieses Konto ist nach zu vielen falschen Passwörtern für 10 Minuten gesperrt. "
					+ "Eine Koordinatorin oder ein Koordinator kann es entsperren.");

		clock.advance(Duration.ofMinutes(10));
		assertThat(form.attempt(tia, PASSWORD).accepted()).as("after the lock").isTrue();

		assertThat(output.getAll()).containsOnlyOnce("console login locked")
			.contains("kind=username account=tia")
			.doesNotContain("wrong-password-", PASSWORD, "198.51.100.21", "198.51.100.22");
	}

	@Test
	void aHundredWrongPasswordsInARowAreMostlyRefusedUnchecked() {
		String hal = scout("hal");
		LoginForm form = new LoginForm(port, "198.51.100.31", "en");
		int checked = 0;
		for (int i = 0; i < 100; i++) {
			LoginForm.Attempt attempt = form.attempt(hal, "guess-" + i);
			assertThat(attempt.accepted()).isFalse();
			if (!attempt.message().startsWith("Too many attempts")) {
				checked++;
			}
		}
		assertThat(checked).as("attempts whose password was checked").isLessThanOrEqualTo(3);
	}

	@Test
	void aLoginForgetsTheUsernamesFailures() {
		String rex = scout("rex");
		LoginForm form = new LoginForm(port, "198.51.100.41", "en");
		form.attempt(rex, "wrong-password-1");
		form.attempt(rex, "wrong-password-2");
		assertThat(form.attempt(rex, PASSWORD).accepted()).isTrue();
		assertThat(form.attempt(rex, "wrong-password-3").retryAfter()).isEmpty();
		assertThat(form.attempt(rex, "wrong-password-4").retryAfter()).as("two failures since the login, not four")
			.isEmpty();
		assertThat(form.attempt(rex, "wrong-password-5").retryAfter()).as("the third since the login").hasValue(10);
	}

	@Test
	void manyUsernamesFromOneAddressLockTheAddress(CapturedOutput output) {
		String ivy = scout("ivy");
		String address = "203.0.113.77";
		LoginForm form = new LoginForm(port, address, "en");
		OptionalLong last = OptionalLong.empty();
		for (int i = 1; i <= 12; i++) {
			last = form.attempt("nobody-" + i, "wrong-password-" + i).retryAfter();
			assertThat(last.isPresent()).as("failure %d", i).isEqualTo(i >= 8);
			if (i < 12) {
				last.ifPresent(seconds -> clock.advance(Duration.ofSeconds(seconds)));
			}
		}
		assertThat(last).hasValue(15 * 60);
		LoginForm.Attempt locked = form.attempt(ivy, PASSWORD);
		assertThat(locked.accepted()).as("a right password from the locked address").isFalse();
		assertThat(locked.message())
			.isEqualTo("Too many wrong passwords from this network. Please try again in 15 minutes.");
		assertThat(new LoginForm(port, "203.0.113.78", "en").attempt(ivy, PASSWORD).accepted())
			.as("the same account from another address")
			.isTrue();
		assertThat(output.getAll()).containsOnlyOnce("kind=address")
			.doesNotContain(address, "wrong-password-", PASSWORD, "nobody-");
	}

	@Test
	void aCoordinatorSeesTheLockAndLiftsItAScoutMayNot() {
		String zoe = scout("zoe");
		lock(new LoginForm(port, "198.51.100.51", "en"), zoe);
		try (ConsoleClient admin = ConsoleClient.login(port, Staff.ADMIN, Staff.ADMIN_PASSWORD);
				ConsoleClient scout = ConsoleClient.login(port, scout("sam"), PASSWORD)) {
			Instant until = Instant.parse(listed(admin, zoe).path("lockedUntil").asText());
			assertThat(until).isBetween(clock.instant().plus(Duration.ofMinutes(14)),
					clock.instant().plus(Duration.ofMinutes(15)));
			assertThat(listed(admin, "sam").has("lockedUntil")).isFalse();

			assertThat(scout.post("/console/api/accounts/" + zoe + "/unlock", null).status()).isEqualTo(403);
			assertThat(new LoginForm(port, "198.51.100.52", "en").attempt(zoe, PASSWORD).accepted()).isFalse();
			assertThat(admin.post("/console/api/accounts/nobody/unlock", null).status()).isEqualTo(404);

			ConsoleClient.Response unlocked = admin.post("/console/api/accounts/" + zoe + "/unlock", null);
			assertThat(unlocked.status()).isEqualTo(200);
			assertThat(listed(admin, zoe).has("lockedUntil")).isFalse();
			assertThat(new LoginForm(port, "198.51.100.52", "en").attempt(zoe, PASSWORD).accepted()).isTrue();
		}
	}

	@Test
	void theCountsAndTheLockHoldOnEveryInstance() {
		String kai = scout("kai");
		try (ConfigurableApplicationContext b = secondInstance()) {
			int portB = ((WebServerApplicationContext) b).getWebServer().getPort();
			LoginForm onA = new LoginForm(port, "198.51.100.61", "en");
			LoginForm onB = new LoginForm(portB, "198.51.100.61", "en");
			onA.attempt(kai, "wrong-password-1");
			onB.attempt(kai, "wrong-password-2");
			assertThat(onA.attempt(kai, "wrong-password-3").retryAfter()).hasValue(10);
			assertThat(onB.attempt(kai, PASSWORD).message()).as("too early on B").startsWith("Too many attempts");
			clock.advance(Duration.ofSeconds(10));
			assertThat(onB.attempt(kai, "wrong-password-4").retryAfter()).hasValue(20);
			clock.advance(Duration.ofSeconds(20));
			onA.attempt(kai, "wrong-password-5");
			clock.advance(Duration.ofSeconds(40));
			assertThat(onB.attempt(kai, "wrong-password-6").message()).startsWith("This account is locked");
			assertThat(onA.attempt(kai, PASSWORD).accepted()).as("locked on A too").isFalse();
			try (ConsoleClient admin = ConsoleClient.login(portB, Staff.ADMIN, Staff.ADMIN_PASSWORD)) {
				assertThat(admin.post("/console/api/accounts/" + kai + "/unlock", null).status()).isEqualTo(200);
			}
			assertThat(onA.attempt(kai, PASSWORD).accepted()).as("unlocked on B, in on A").isTrue();
		}
	}

	/** six wrong passwords, waiting out each delay */
	private void lock(LoginForm form, String username) {
		for (int i = 1; i <= 6; i++) {
			OptionalLong wait = form.attempt(username, "wrong-password-" + i).retryAfter();
			if (i < 6) {
				wait.ifPresent(seconds -> clock.advance(Duration.ofSeconds(seconds)));
			}
			else {
				assertThat(wait).hasValue(15 * 60);
			}
		}
	}

	private static JsonNode listed(ConsoleClient admin, String username) {
		for (JsonNode account : admin.get("/console/api/accounts").json()) {
			if (account.path("username").asText().equals(username)) {
				return account;
			}
		}
		throw new AssertionError("no account " + username);
	}

	/** instance B on the same Redis, keys, secrets, settings and (moved) clock */
	private ConfigurableApplicationContext secondInstance() {
		return new SpringApplicationBuilder(ScoutlineApplication.class).profiles("test")
			.initializers(context -> ((GenericApplicationContext) context).registerBean("movedClock", Clock.class,
					() -> clock, definition -> definition.setPrimary(true)))
			.run("--server.port=0", "--scoutline.key-prefix=" + keys.prefix(),
					"--spring.data.redis.host=" + environment.getProperty("spring.data.redis.host", "localhost"),
					"--spring.data.redis.port=" + environment.getProperty("spring.data.redis.port", "6379"),
					"--scoutline.pseudonym-key=" + PSEUDONYM_KEY, "--scoutline.data-key=" + DATA_KEY,
					"--server.forward-headers-strategy=native", "--scoutline.console.login.username.delay-after=3",
					"--scoutline.console.login.username.lock-after=6",
					"--scoutline.console.login.address.delay-after=8",
					"--scoutline.console.login.address.lock-after=12", "--scoutline.console.login.first-delay=10s",
					"--scoutline.console.login.max-delay=1m", "--scoutline.console.login.window=1h",
					"--scoutline.console.login.lock-for=15m");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Time {

		@Bean
		@Primary
		MovedClock movedClock() {
			return new MovedClock();
		}

	}

	/** the real time, moved on by the test */
	static final class MovedClock extends Clock {

		volatile Duration offset = Duration.ZERO;

		void advance(Duration duration) {
			offset = offset.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Instant instant() {
			return Instant.now().plus(offset);
		}

	}

}
