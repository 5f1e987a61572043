package org.scoutline.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.StreamUtils;

class ScriptValidatorTests {

	static final Texts texts = new Texts(new DialogueSettings(new ClassPathResource("scripts/mini.yml"),
			"classpath:scripts/texts/", List.of("de", "en")));

	@Test
	void acceptsAValidScript() throws Exception {
		assertThatNoException().isThrownBy(() -> ScriptValidator.validate("mini.yml", load(mini()), texts));
	}

	@Test
	void refusesAnUnreachableState() throws Exception {
		String script = mini().replace("      - {to: two, when: \"answer == 'yes'\"}\n", "");
		assertThat(problems(script)).anySatisfy(
				p -> assertThat(p).isEqualTo("test.yml: states.two: unreachable: no path leads here from 'one'"));
	}

	@Test
	void refusesADeadEnd() throws Exception {
		String script = mini().replace("      - {to: done}\n  done:", "      - {to: two}\n  done:");
		assertThat(problems(script)).anySatisfy(p -> assertThat(p)
			.isEqualTo("test.yml: states.two: dead end: no path leads from here to an action plan"));
	}

	@Test
	void refusesATextKeyMissingInALocale() throws Exception {
		String script = mini().replace("ask: q.two", "ask: q.three");
		assertThat(problems(script)).contains(
				"test.yml: states.two.ask: text 'q.three' is missing in locale 'de' (config/texts/de.yml)",
				"test.yml: states.two.ask: text 'q.three' is missing in locale 'en' (config/texts/en.yml)");
	}

	@Test
	void refusesAGuardThatDoesNotParseOrDoesTooMuch() throws Exception {
		assertThat(problems(mini().replace("answer == 'yes'", "answer == "))).anySatisfy(
				p -> assertThat(p).startsWith("test.yml: states.one.next[0].when: guard 'answer == ' does not parse"));
		assertThat(problems(mini().replace("answer == 'yes'", "T(java.lang.Runtime).getRuntime() != null"))).anySatisfy(
				p -> assertThat(p).startsWith("test.yml: states.one.next[0].when: guard").contains("only fact names"));
	}

	@Test
	void refusesAGuardThatReadsAFactNoChoiceSets() throws Exception {
		assertThat(problems(mini().replace("answer == 'yes'", "answr == 'yes'")))
			.anySatisfy(p -> assertThat(p).startsWith(
					"test.yml: states.one.next[0].when: guard 'answr == 'yes'' reads 'answr', which no choice sets"));
	}

	@Test
	void refusesAnUnknownTargetAndAGuardedLastEntry() throws Exception {
		assertThat(problems(mini().replace("{to: two,", "{to: twoo,")))
			.contains("test.yml: states.one.next[0].to: unknown state 'twoo'");
		assertThat(problems(
				mini().replace("      - {to: done}\n  two:", "      - {to: done, when: \"answer == 'no'\"}\n  two:")))
			.contains(
					"test.yml: states.one.next[1].when: the last entry must have no 'when', or the conversation can get stuck here");
	}

	@Test
	void refusesDuplicateChoicesAndUnknownCommands() throws Exception {
		assertThat(problems(mini().replace("{id: no,", "{id: yes,")))
			.contains("test.yml: states.one.choices[1].id: duplicate choice id 'yes'");
		assertThat(problems(mini().replace("{id: yes, label: q.yes}", "{id: yes, label: q.yes, command: dance}")))
			.anySatisfy(
					p -> assertThat(p).startsWith("test.yml: states.two.choices[0].command: unknown command 'dance'"));
	}

	@Test
	void refusesMalformedYamlWithLineAndColumn() {
		InvalidScriptException ex = catchThrowableOfType(InvalidScriptException.class,
				() -> ScriptLoader.load(resource("start: one\nstates:\n  one: [unclosed\n")));
		assertThat(ex.getMessage()).contains("test.yml").contains("line");
		InvalidScriptException unknownField = catchThrowableOfType(InvalidScriptException.class,
				() -> ScriptLoader.load(resource("start: one\nstates:\n  one:\n    asks: q.one\n")));
		assertThat(unknownField.getMessage()).contains("test.yml: states.one.asks (near line")
			.contains("unknown field 'asks', expected one of");
	}

	@Test
	void theShippedScriptIsValidAndTheAppWouldStartWithIt() {
		Texts shipped = new Texts(new DialogueSettings(new ClassPathResource("config/triage.yml"),
				"classpath:config/texts/", ShippedTriage.LOCALES));
		TriageScript script = ScriptLoader.load(new ClassPathResource("config/triage.yml"));
		assertThatNoException().isThrownBy(() -> ScriptValidator.validate("config/triage.yml", script, shipped));
	}

	/** an organisation that offers two languages gets a script with just those two */
	@Test
	void theShippedScriptOffersOnlyTheConfiguredLanguages() {
		Texts two = new Texts(new DialogueSettings(new ClassPathResource("config/triage.yml"),
				"classpath:config/texts/", List.of("fr", "nl")));
		TriageScript script = ScriptLoader.load(new ClassPathResource("config/triage.yml")).offering(two.locales());
		assertThatNoException().isThrownBy(() -> ScriptValidator.validate("config/triage.yml", script, two));
		assertThat(script.state(script.start()).choices()).extracting(TriageScript.ChoiceDef::id)
			.containsExactly("nl", "fr");
	}

	private static List<String> problems(String yaml) {
		InvalidScriptException ex = catchThrowableOfType(InvalidScriptException.class,
				() -> ScriptValidator.validate("test.yml", load(yaml), texts));
		assertThat(ex).as("the script should have been refused").isNotNull();
		return ex.problems();
	}

	private static TriageScript load(String yaml) {
		return ScriptLoader.load(resource(yaml));
	}

	private static ByteArrayResource resource(String yaml) {
		return new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8), "test.yml") {
			@Override
			public String getDescription() {
				return "test.yml";
			}
		};
	}

	private static String mini() throws Exception {
		return StreamUtils.copyToString(new ClassPathResource("scripts/mini.yml").getInputStream(),
				StandardCharsets.UTF_8);
	}

}
