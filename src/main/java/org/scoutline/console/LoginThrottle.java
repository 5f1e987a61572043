package org.scoutline.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.scoutline.platform.RedisBuckets;
import org.scoutline.safety.Pseudonyms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.BucketProxy;

/**
 * Counts failed console logins per username and per client address in Redis (Bucket4j, so
 * every instance sees the same counts) and says when the next attempt may come (see
 * {@link LoginSettings}). Per subject three buckets under
 * {@code limit:login:<kind>:<pseudonym>:}: {@code failures} (capacity {@code lock-after},
 * refilled over the window), {@code wait} (one token, refilled over the current delay)
 * and {@code lock} (one token, refilled over {@code lock-for}). Usernames and addresses
 * go into keys only as keyed pseudonyms; unknown usernames are counted like known ones,
 * so a lock tells nobody whether an account exists.
 */
@Component
class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	/** what failures are counted by */
	enum Kind {

		USERNAME("user"), ADDRESS("addr");

		private final String key;

		Kind(String key) {
			this.key = key;
		}

	}

	/**
	 * An attempt that must not be checked now.
	 *
	 * @param kind what the count that refused it was kept by
	 * @param locked a lock (else a delay between attempts)
	 * @param retryAfter how long until the next attempt may come
	 */
	record Refusal(Kind kind, boolean locked, Duration retryAfter) {

		/** the longer of two refusals; a username's when both are as long */
		Refusal or(Refusal other) {
			if (other == null) {
				return this;
			}
			if (locked != other.locked) {
				return locked ? this : other;
			}
			return other.retryAfter.compareTo(retryAfter) > 0 ? other : this;
		}

	}

	private final RedisBuckets buckets;

	private final Pseudonyms pseudonyms;

	private final Accounts accounts;

	private final LoginSettings settings;

	private final Clock clock;

	private final BucketConfiguration lock;

	LoginThrottle(RedisBuckets buckets, Pseudonyms pseudonyms, Accounts accounts, LoginSettings settings, Clock clock) {
		this.buckets = buckets;
		this.pseudonyms = pseudonyms;
		this.accounts = accounts;
		this.settings = settings;
		this.clock = clock;
		this.lock = oneTokenEvery(settings.lockFor());
	}

	/**
	 * Before the password is checked: whether this attempt must wait or is locked out.
	 * Four Redis round trips at most.
	 */
	Optional<Refusal> check(String username, String address) {
		Refusal refusal = check(Kind.USERNAME, name(username));
		refusal = refusal == null ? check(Kind.ADDRESS, address) : refusal.or(check(Kind.ADDRESS, address));
		return Optional.ofNullable(refusal);
	}

	private Refusal check(Kind kind, String value) {
		String subject = subject(kind, value);
		EstimationProbe locked = buckets.bucket(subject + "lock", lock).estimateAbilityToConsume(1);
		if (!locked.canBeConsumed()) {
			return new Refusal(kind, true, Duration.ofNanos(locked.getNanosToWaitForRefill()));
		}
		EstimationProbe paced = buckets.bucket(subject + "wait", oneTokenEvery(settings.firstDelay()))
			.estimateAbilityToConsume(1);
		if (!paced.canBeConsumed()) {
			return new Refusal(kind, false, Duration.ofNanos(paced.getNanosToWaitForRefill()));
		}
		return null;
	}

	/**
	 * A wrong password (or an unknown or disabled account): counts it for the username
	 * and the address.
	 * @return the wait this failure imposes on the next attempt, if any
	 */
	Optional<Refusal> failed(String username, String address) {
		Refusal refusal = failed(Kind.USERNAME, name(username));
		refusal = refusal == null ? failed(Kind.ADDRESS, address) : refusal.or(failed(Kind.ADDRESS, address));
		return Optional.ofNullable(refusal);
	}

	private Refusal failed(Kind kind, String value) {
		String subject = subject(kind, value);
		LoginSettings.Limit limit = limit(kind);
		ConsumptionProbe counted = buckets.bucket(subject + "failures", failures(limit))
			.tryConsumeAndReturnRemaining(1);
		int failures = counted.isConsumed() ? (int) (limit.lockAfter() - counted.getRemainingTokens())
				: limit.lockAfter();
		if (failures >= limit.lockAfter()) {
			if (buckets.bucket(subject + "lock", lock).tryConsume(1)) {
				log.warn("console login locked for {} after {} failures: kind={} {}", settings.lockFor(), failures,
						kind.name().toLowerCase(), who(kind, value));
			}
			return new Refusal(kind, true, settings.lockFor());
		}
		Duration delay = settings.delay(limit, failures);
		if (delay.isZero()) {
			return null;
		}
		BucketProxy wait = buckets.bucket(subject + "wait", oneTokenEvery(delay));
		wait.replaceConfiguration(oneTokenEvery(delay), TokensInheritanceStrategy.RESET);
		wait.tryConsume(1);
		return new Refusal(kind, false, delay);
	}

	/** a successful login forgets the username's failures (never the address's) */
	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken) {
			String subject = subject(Kind.USERNAME, event.getAuthentication().getName());
			buckets.remove(subject + "failures");
			buckets.remove(subject + "wait");
		}
	}

	/**
	 * @return until when this username is locked, if it is
	 */
	Optional<Instant> lockedUntil(String username) {
		EstimationProbe locked = buckets.bucket(subject(Kind.USERNAME, username) + "lock", lock)
			.estimateAbilityToConsume(1);
		if (locked.canBeConsumed()) {
			return Optional.empty();
		}
		return Optional.of(clock.instant().plusNanos(locked.getNanosToWaitForRefill()));
	}

	/** lifts a username's lock and forgets its failures */
	void unlock(String username) {
		String subject = subject(Kind.USERNAME, username);
		buckets.remove(subject + "lock");
		buckets.remove(subject + "failures");
		buckets.remove(subject + "wait");
	}

	private LoginSettings.Limit limit(Kind kind) {
		return kind == Kind.USERNAME ? settings.username() : settings.address();
	}

	private String subject(Kind kind, String value) {
		return "login:" + kind.key + ":" + pseudonym(kind, value) + ":";
	}

	private String pseudonym(Kind kind, String value) {
		return pseudonyms.of("console-login-" + kind.key, String.valueOf(value));
	}

	/**
	 * Staff usernames may be logged, but only those of accounts: a mistyped "username"
	 * may be a password. Others (and addresses) as the start of their pseudonym.
	 */
	private String who(Kind kind, String value) {
		if (kind == Kind.USERNAME && accounts.find(value).isPresent()) {
			return "account=" + value;
		}
		return "ref=" + pseudonym(kind, value).substring(0, 8);
	}

	private static String name(String username) {
		return username == null ? "" : username.trim();
	}

	private BucketConfiguration failures(LoginSettings.Limit limit) {
		return BucketConfiguration.builder()
			.addLimit(l -> l.capacity(limit.lockAfter()).refillGreedy(limit.lockAfter(), settings.window()))
			.build();
	}

	private static BucketConfiguration oneTokenEvery(Duration period) {
		return BucketConfiguration.builder().addLimit(l -> l.capacity(1).refillGreedy(1, period)).build();
	}

}
