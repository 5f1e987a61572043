package org.scoutline.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.scoutline.platform.ScoutlineSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Console accounts in Redis: {@code acct:<username>} hashes (BCrypt hash, role, alias,
 * enabled) and the set {@code accts} of names. Staff accounts do not expire; coordinators
 * disable them instead. On an empty store the bootstrap coordinator from
 * {@code scoutline.console.bootstrap-admin} is created (once, even with several instances
 * starting together).
 */
@Component
class Accounts implements UserDetailsService, ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(Accounts.class);

	static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");

	static final Pattern ALIAS = Pattern.compile("[\\p{L}][\\p{L} .'-]{0,29}");

	static final int MIN_PASSWORD = 10;

	private final StringRedisTemplate redis;

	private final PasswordEncoder encoder;

	private final ConsoleSettings settings;

	private final String prefix;

	Accounts(StringRedisTemplate redis, PasswordEncoder encoder, ConsoleSettings settings,
			ScoutlineSettings scoutline) {
		this.redis = redis;
		this.encoder = encoder;
		this.settings = settings;
		this.prefix = scoutline.keyPrefix();
	}

	@Override
	public void run(ApplicationArguments args) {
		ConsoleSettings.BootstrapAdmin admin = settings.bootstrapAdmin();
		Long count = redis.opsForSet().size(prefix + "accts");
		if (count != null && count > 0) {
			return;
		}
		if (admin == null || admin.username() == null || admin.username().isBlank()) {
			log.warn("No console accounts yet: set scoutline.console.bootstrap-admin.username and .password "
					+ "(SCOUTLINE_CONSOLE_BOOTSTRAP_ADMIN_USERNAME, _PASSWORD) to create the first coordinator");
			return;
		}
		String problem = problem(admin.username(), admin.password(), "Coordinator");
		if (problem != null) {
			throw new IllegalStateException("scoutline.console.bootstrap-admin: " + problem);
		}
		if (create(admin.username(), admin.password(), "Coordinator", Role.COORDINATOR)) {
			log.info("bootstrap coordinator account created");
		}
	}

	/**
	 * @return a problem with these values in plain words, or {@code null} when they are
	 * fine
	 */
	static String problem(String username, String password, String alias) {
		if (username == null || !USERNAME.matcher(username).matches()) {
			return "the username must be 3 to 32 characters: a-z, 0-9, dot, dash, underscore";
		}
		if (password == null || password.length() < MIN_PASSWORD || password.length() > 128) {
			return "the password must be 10 to 128 characters";
		}
		if (alias == null || !ALIAS.matcher(alias).matches()) {
			return "the alias must be a first name or nickname of at most 30 letters";
		}
		return null;
	}

	/**
	 * @return whether the account was created (false: the name is taken)
	 */
	boolean create(String username, String password, String alias, Role role) {
		String key = key(username);
		Boolean fresh = redis.opsForHash().putIfAbsent(key, "pw", encoder.encode(password));
		if (!Boolean.TRUE.equals(fresh)) {
			return false;
		}
		redis.opsForHash().putAll(key, Map.of("role", role.name(), "alias", alias, "enabled", "1"));
		redis.opsForSet().add(prefix + "accts", username);
		log.info("account created role={}", role);
		return true;
	}

	Optional<Account> find(String username) {
		if (username == null || !USERNAME.matcher(username).matches()) {
			return Optional.empty();
		}
		Map<Object, Object> hash = redis.opsForHash().entries(key(username));
		if (hash.isEmpty() || hash.get("role") == null) {
			return Optional.empty();
		}
		return Optional.of(new Account(username, (String) hash.get("alias"), Role.valueOf((String) hash.get("role")),
				"1".equals(hash.get("enabled"))));
	}

	List<Account> all() {
		Set<String> names = redis.opsForSet().members(prefix + "accts");
		List<Account> accounts = new ArrayList<>();
		if (names != null) {
			names.forEach(name -> find(name).ifPresent(accounts::add));
		}
		accounts.sort(Comparator.comparing(Account::username));
		return accounts;
	}

	/**
	 * @return whether the account exists
	 */
	boolean setEnabled(String username, boolean enabled) {
		if (find(username).isEmpty()) {
			return false;
		}
		redis.opsForHash().put(key(username), "enabled", enabled ? "1" : "0");
		log.info("account {}", enabled ? "enabled" : "disabled");
		return true;
	}

	/**
	 * @return whether the account exists
	 */
	boolean resetPassword(String username, String password) {
		if (find(username).isEmpty()) {
			return false;
		}
		redis.opsForHash().put(key(username), "pw", encoder.encode(password));
		log.info("account password reset");
		return true;
	}

	/**
	 * @return the console language the account chose ({@code de}, {@code en}), empty when
	 * it follows the browser
	 */
	Optional<String> language(String username) {
		if (username == null || !USERNAME.matcher(username).matches()) {
			return Optional.empty();
		}
		Object value = redis.opsForHash().get(key(username), "lang");
		return Optional.ofNullable(value).map(Object::toString).filter(ConsoleTexts.LANGUAGES::contains);
	}

	/**
	 * @param language {@code de}, {@code en}, or {@code null} to follow the browser
	 * @return whether the account exists
	 */
	boolean setLanguage(String username, String language) {
		if (find(username).isEmpty()) {
			return false;
		}
		if (language == null) {
			redis.opsForHash().delete(key(username), "lang");
		}
		else {
			redis.opsForHash().put(key(username), "lang", language);
		}
		return true;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		Optional<Account> account = find(username);
		Object hash = account.isEmpty() ? null : redis.opsForHash().get(key(username), "pw");
		if (hash == null) {
			throw new UsernameNotFoundException("no such account");
		}
		return User.withUsername(username)
			.password(hash.toString())
			.disabled(!account.get().enabled())
			.authorities(List.of(new SimpleGrantedAuthority(account.get().role().authority())))
			.build();
	}

	private String key(String username) {
		return prefix + "acct:" + username;
	}

}
