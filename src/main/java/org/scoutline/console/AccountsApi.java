package org.scoutline.console;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.scoutline.platform.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Account management for coordinators: list (with the login locks), create, disable,
 * re-enable, reset a password, unlock after too many wrong passwords.
 */
@RestController
class AccountsApi {

	private static final Logger log = LoggerFactory.getLogger(AccountsApi.class);

	private final Accounts accounts;

	private final StaffRevocations revocations;

	private final LoginThrottle logins;

	AccountsApi(Accounts accounts, StaffRevocations revocations, LoginThrottle logins) {
		this.revocations = revocations;
		this.accounts = accounts;
		this.logins = logins;
	}

	/**
	 * An account in the list: {@link Account}'s fields, {@code lockedUntil} while wrong
	 * passwords keep it locked, and the console language it chose ({@code null}: the
	 * browser's).
	 */
	record Listed(String username, String alias, Role role, boolean enabled, Instant lockedUntil, String language) {
	}

	@GetMapping("/console/api/accounts")
	List<Listed> all() {
		return accounts.all()
			.stream()
			.map(a -> new Listed(a.username(), a.alias(), a.role(), a.enabled(),
					logins.lockedUntil(a.username()).orElse(null), accounts.language(a.username()).orElse(null)))
			.toList();
	}

	record NewAccount(String username, String password, String alias, String role, String language) {
	}

	@PostMapping("/console/api/accounts")
	@ResponseStatus(HttpStatus.CREATED)
	Account create(@RequestBody NewAccount body) {
		if (body == null) {
			throw bad("bad_request", "Send username, password, alias and role.");
		}
		String problem = Accounts.problem(body.username(), body.password(), body.alias());
		if (problem != null) {
			throw bad("bad_account", problem);
		}
		Role role = role(body.role());
		String language = LanguageApi.checked(body.language());
		if (!accounts.create(body.username(), body.password(), body.alias(), role)) {
			throw new ApiProblem(HttpStatus.CONFLICT, "taken", "That username is taken.");
		}
		accounts.setLanguage(body.username(), language);
		return new Account(body.username(), body.alias(), role, true);
	}

	@PostMapping("/console/api/accounts/{username}/disable")
	Map<String, String> disable(@PathVariable String username) {
		return enabled(username, false);
	}

	@PostMapping("/console/api/accounts/{username}/enable")
	Map<String, String> enable(@PathVariable String username) {
		return enabled(username, true);
	}

	record Password(String password) {
	}

	@PostMapping("/console/api/accounts/{username}/password")
	Map<String, String> password(@PathVariable String username, @RequestBody Password body) {
		String password = body == null ? null : body.password();
		if (password == null || password.length() < Accounts.MIN_PASSWORD || password.length() > 128) {
			throw bad("bad_password", "The password must be 10 to 128 characters.");
		}
		if (!accounts.resetPassword(username, password)) {
			throw new ApiProblem(HttpStatus.NOT_FOUND, "no_such_account", "There is no account with that name.");
		}
		revocations.revoke(username); // the old password's sessions end too
		return Map.of("outcome", "password_reset");
	}

	/** lifts the lock of too many wrong passwords and forgets them (not the address's) */
	@PostMapping("/console/api/accounts/{username}/unlock")
	Map<String, String> unlock(@PathVariable String username) {
		if (accounts.find(username).isEmpty()) {
			throw new ApiProblem(HttpStatus.NOT_FOUND, "no_such_account", "There is no account with that name.");
		}
		logins.unlock(username);
		log.info("console login unlocked: account={}", username);
		return Map.of("outcome", "unlocked");
	}

	private Map<String, String> enabled(String username, boolean enabled) {
		if (!accounts.setEnabled(username, enabled)) {
			throw new ApiProblem(HttpStatus.NOT_FOUND, "no_such_account", "There is no account with that name.");
		}
		if (!enabled) {
			revocations.revoke(username);
		}
		return Map.of("outcome", enabled ? "enabled" : "disabled");
	}

	private static Role role(String value) {
		try {
			return Role.valueOf(String.valueOf(value).toUpperCase());
		}
		catch (IllegalArgumentException ex) {
			throw bad("bad_role", "The role must be scout, supervisor or coordinator.");
		}
	}

	private static ApiProblem bad(String code, String message) {
		return new ApiProblem(HttpStatus.BAD_REQUEST, code, message);
	}

}
