package org.scoutline.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.scoutline.conversation.Channel;
import org.scoutline.schedule.SessionProblem;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every text the console shows exists in German and in English: the two files have the
 * same keys, none empty; every key the page's HTML (data-i18n, data-i18n-attr) and
 * scripts (t('...')) use is there; every key built from a prefix and a value (an outcome,
 * a role, an error code the APIs send, ...) is there for every value; and every key the
 * server side uses ({@link LoginPage}, {@link LoginRefused}, {@link ChatWording}) is
 * there.
 */
class ConsoleTextsTests {

	static final Path STATIC = Path.of("src/main/resources/static/console");

	static final Path MAIN = Path.of("src/main/java/org/scoutline");

	static final Pattern T_CALL = Pattern.compile("\\bt\\('([A-Za-z0-9_.]+)'");

	static final Pattern DATA_I18N = Pattern.compile("data-i18n=\"([^\"]+)\"");

	static final Pattern DATA_I18N_ATTR = Pattern.compile("data-i18n-attr=\"([^\"]+)\"");

	/**
	 * error codes the console's APIs send: new ApiProblem(status, "code", bad("code",
	 * json(.., "code")
	 */
	static final Pattern ERROR_CODE = Pattern.compile(
			"(?:ApiProblem\\([^,()]*,\\s*|\\bbad\\(|json\\([^,()]*,\\s*HttpStatus\\.\\w+,\\s*|body\\(HttpStatus\\.\\w+,\\s*|ConsoleErrors\\.body\\(|\\bbody\\(\")\"?([a-z_]+)\"");

	/** the codes of every problem of a submitted session the schedule's API can send */
	static final List<String> PROBLEM_CODES = Arrays.stream(SessionProblem.Code.values())
		.map(SessionProblem.Code::code)
		.toList();

	/** the dynamic keys of the scripts: prefix -> every value it is used with */
	static final Map<String, List<String>> DYNAMIC = Map.ofEntries(Map.entry("outcome.", ConsoleApi.OUTCOMES),
			Map.entry("role.", Arrays.stream(Role.values()).map(r -> r.name().toLowerCase()).toList()),
			Map.entry("channel.", Arrays.stream(Channel.values()).map(c -> c.name().toLowerCase()).toList()),
			Map.entry("lang.", List.of("de", "en")),
			Map.entry("crisis.kind.", List.of("suicide", "self_harm", "danger")),
			Map.entry("crisis.severity.", List.of("concern", "imminent")),
			Map.entry("from.", List.of("user", "bot", "scout", "note")),
			Map.entry("chat.event.", List.of("closed", "erased", "requeued")),
			Map.entry("day.", List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU")),
			Map.entry("reports.bar.", List.of("waited", "chats", "gaveUp", "unreached", "refused")),
			Map.entry("sessions.problem.",
					List.of("title", "topic", "languages", "channels", "timeZone", "start", "end", "scouts",
							"supervisor", "maxQueueLength", "escalationStopMinutes", "recurrence", "exceptions")),
			Map.entry("sessions.problem_code.", PROBLEM_CODES), Map.entry("sessions.state.", List.of("live", "over")),
			Map.entry("sessions.rule.every_", List.of("day", "week")),
			Map.entry("sessions.rule.every_n_", List.of("days", "weeks")), Map.entry("error.", List.of()),
			Map.entry("stomp.", StompErrors.CODES));

	final Map<String, String> de = read("de");

	final Map<String, String> en = read("en");

	@Test
	void bothLanguagesHaveTheSameKeysAndNoEmptyText() {
		assertThat(de.keySet()).as("keys in de.json and en.json").containsExactlyInAnyOrderElementsOf(en.keySet());
		assertThat(de).allSatisfy((key, text) -> assertThat(text).as("de " + key).isNotBlank());
		assertThat(en).allSatisfy((key, text) -> assertThat(text).as("en " + key).isNotBlank());
		assertThat(de.keySet()).allSatisfy(key -> assertThat(placeholders(de.get(key))).as("placeholders of " + key)
			.isEqualTo(placeholders(en.get(key))));
	}

	@Test
	void everyKeyThePageUsesIsInBothLanguages() throws IOException {
		Set<String> used = new TreeSet<>();
		String html = Files.readString(STATIC.resolve("index.html"));
		all(DATA_I18N, html).forEach(used::add);
		all(DATA_I18N_ATTR, html).forEach(pairs -> Arrays.stream(pairs.split(";"))
			.forEach(pair -> used.add(pair.substring(pair.indexOf('=') + 1).trim())));
		try (Stream<Path> scripts = Files.list(STATIC)
			.filter(p -> p.toString().endsWith(".js") && !p.endsWith("i18n.js"))) {
			for (Path script : scripts.toList()) {
				all(T_CALL, Files.readString(script)).forEach(used::add);
			}
		}
		assertThat(used).as("keys used").hasSizeGreaterThan(150);
		for (String key : used) {
			if (key.endsWith(".") || key.endsWith("_")) {
				assertThat(DYNAMIC).as("a key built at run time needs its values listed here: " + key).containsKey(key);
				DYNAMIC.get(key).forEach(value -> present(key + value));
			}
			else {
				present(key);
			}
		}
	}

	@Test
	void everyErrorCodeTheApisSendHasItsWords() throws IOException {
		Set<String> codes = new TreeSet<>(List.of("session_expired"));
		for (String module : List.of("console", "schedule", "report")) {
			try (Stream<Path> sources = Files.list(MAIN.resolve(module))) {
				for (Path source : sources.toList()) {
					all(ERROR_CODE, Files.readString(source)).forEach(codes::add);
				}
			}
		}
		codes.removeAll(List.of("claimed", "closed", "crisis", "erased", "joined", "left", "message", "offered",
				"queued", "requeued", "transferred", "typing", "whisper")); // chat
																			// events, not
																			// errors
		assertThat(codes).contains("gone", "taken", "not_yours", "bad_account", "unauthenticated", "invalid_session",
				"too_long", "bad_language");
		codes.forEach(code -> present("error." + code));
	}

	@Test
	void everySessionProblemTheServerSendsHasItsWordsWithItsValues() {
		assertThat(PROBLEM_CODES).contains("end_before_start", "unknown_scout", "overlap_scouts")
			.doesNotHaveDuplicates();
		for (SessionProblem.Code code : SessionProblem.Code.values()) {
			String key = "sessions.problem_code." + code.code();
			present(key);
			assertThat(placeholders(de.get(key))).as("placeholders of " + key)
				.isSubsetOf(code.params())
				.isEqualTo(placeholders(en.get(key)));
		}
		assertThat(de.keySet()).filteredOn(key -> key.startsWith("sessions.problem_code."))
			.as("texts for codes the server no longer sends")
			.allSatisfy(key -> assertThat(PROBLEM_CODES).contains(key.substring("sessions.problem_code.".length())));
	}

	@Test
	void everyKeyTheServerUsesIsInBothLanguages() throws IOException {
		Set<String> used = new TreeSet<>();
		Pattern literal = Pattern.compile("\"((?:login|unit|fact|answer|lang)\\.[A-Za-z0-9_.]+)\"");
		for (String file : List.of("LoginPage", "LoginRefused", "ChatWording")) {
			all(literal, Files.readString(MAIN.resolve("console/" + file + ".java"))).forEach(used::add);
		}
		assertThat(used).contains("login.error", "login.locked_account", "fact.country.other");
		used.stream().filter(k -> !k.endsWith(".")).forEach(this::present);
		List.of("de", "en").forEach(l -> present("lang." + l + ".own"));
		List.of("minute", "minutes", "second", "seconds").forEach(u -> present("unit." + u));
		ChatWording.SHOWN.forEach(fact -> present("fact." + fact));
		List.of("yes", "no", "unsure").forEach(a -> present("answer." + a));
		List.of("u13", "13_15", "16_17", "18_25", "over25").forEach(a -> {
			present("fact.age." + a);
			present("fact.age.short." + a);
		});
		List.of("A", "B", "C", "D", "E", "F", "unsure").forEach(s -> present("fact.situation." + s));
		List.of("money", "images", "videocall", "other", "unsure").forEach(d -> present("fact.demand." + d));
		List.of("low", "high", "imminent").forEach(r -> present("fact.risk." + r));
	}

	private void present(String key) {
		assertThat(de.containsKey(key)).as("de.json has " + key).isTrue();
		assertThat(en.containsKey(key)).as("en.json has " + key).isTrue();
	}

	private static Set<String> placeholders(String text) {
		return new TreeSet<>(all(Pattern.compile("\\{(\\w+)}"), text));
	}

	private static List<String> all(Pattern pattern, String text) {
		Matcher m = pattern.matcher(text);
		List<String> found = new java.util.ArrayList<>();
		while (m.find()) {
			found.add(m.group(1));
		}
		return found;
	}

	private static Map<String, String> read(String language) {
		try {
			return new ObjectMapper().readValue(STATIC.resolve("i18n/" + language + ".json").toFile(),
					new TypeReference<Map<String, String>>() {
					});
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
	}

}
