package org.scoutline.console;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import org.scoutline.platform.ApiProblem;
import org.scoutline.platform.ScoutlineSettings;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Keeps a coordinator from locking everyone out: nobody disables their own account, and
 * the last enabled coordinator stays enabled. Changes that could take a coordinator away
 * run one at a time across all instances under a short lease ({@code acct-guard}, a
 * {@code SET NX} that expires after {@link #LEASE}), so two coordinators disabling each
 * other at once cannot both succeed. Refusals are {@code 409} with a stable code.
 */
@Component
class CoordinatorGuard {

	/** a coordinator tried to disable their own account */
	static final String OWN_ACCOUNT = "own_account";

	/** the change would leave no enabled coordinator */
	static final String LAST_COORDINATOR = "last_coordinator";

	private static final Duration LEASE = Duration.ofSeconds(5);

	private static final int ATTEMPTS = 40;

	private final Accounts accounts;

	private final StringRedisTemplate redis;

	private final String lease;

	CoordinatorGuard(Accounts accounts, StringRedisTemplate redis, ScoutlineSettings settings) {
		this.accounts = accounts;
		this.redis = redis;
		this.lease = settings.keyPrefix() + "acct-guard";
	}

	/**
	 * Disables {@code username} for {@code by}, unless it is their own account or the
	 * last enabled coordinator.
	 * @return whether the account exists (and is disabled now)
	 * @throws ApiProblem 409 {@link #OWN_ACCOUNT} or {@link #LAST_COORDINATOR}
	 */
	boolean disable(String username, String by) {
		if (username.equals(by)) {
			throw new ApiProblem(HttpStatus.CONFLICT, OWN_ACCOUNT,
					"You can't disable your own account. Ask another coordinator if it must be disabled.");
		}
		return underLease(() -> {
			Account target = accounts.find(username).orElse(null);
			if (target == null) {
				return false;
			}
			if (target.enabled() && target.role() == Role.COORDINATOR && enabledCoordinators() <= 1) {
				throw new ApiProblem(HttpStatus.CONFLICT, LAST_COORDINATOR, target.alias() + " (" + username
						+ ") is the last coordinator with access. Create or enable another coordinator first.");
			}
			return accounts.setEnabled(username, false);
		});
	}

	private long enabledCoordinators() {
		return accounts.all().stream().filter(a -> a.enabled() && a.role() == Role.COORDINATOR).count();
	}

	private <T> T underLease(Supplier<T> change) {
		String holder = UUID.randomUUID().toString();
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			if (Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(lease, holder, LEASE))) {
				try {
					return change.get();
				}
				finally {
					if (holder.equals(redis.opsForValue().get(lease))) {
						redis.delete(lease);
					}
				}
			}
			pause();
		}
		throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "busy",
				"Another account change is running. Please try again in a moment.");
	}

	private static void pause() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "busy", "Please try again in a moment.");
		}
	}

}
