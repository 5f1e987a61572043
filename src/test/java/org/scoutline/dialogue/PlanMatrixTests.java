package org.scoutline.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scoutline.conversation.Choice;
import org.scoutline.directory.Directory;
import org.scoutline.directory.Platform;
import org.scoutline.directory.Resource;
import org.scoutline.directory.ShippedDirectory;

/**
 * The action plan over the whole matrix: every situation (and every helper role and what
 * happens to the person helped) × age band × age in the picture × country of the
 * directory × locale, each with a calm and a heavy set of answers (paid, online,
 * threatened with a fake, something sent, danger, thoughts of self-harm) and every
 * platform in turn. For each plan: the length budget, the route rule for the hash tools,
 * no adult-only or parents-only line for the wrong person, every string in the user's
 * language, and what messengers can carry.
 */
class PlanMatrixTests {

	static final int MAX_WORDS = 120;

	static final int MAX_STEPS = 5;

	static final int MAX_SECTIONS = 5;

	/**
	 * WhatsApp: a list has at most 10 rows; a row title at most 24 characters; Telegram
	 * and WhatsApp: 4,096
	 */
	static final int MAX_CHOICES = 10;

	static final int MAX_LABEL = 20;

	static final int MAX_MESSAGE = 4096;

	static final Directory directory = ShippedDirectory.load();

	static final Texts texts = TriageJourneyTests.texts;

	static final ActionPlan plan = new ActionPlan(ScriptLoader.load(TriageJourneyTests.settings.script()).plan(),
			directory, texts, new Advice(directory, texts));

	static final Triage triage = TriageJourneyTests.triage;

	static final List<String> AGES = List.of("u13", "13_15", "16_17", "18_25", "over25", "skipped");

	static final List<String> HELPED = List.of("A", "B", "C", "D", "unsure");

	/**
	 * German words that must never appear in an English plan (outside the names of
	 * services)
	 */
	static final Pattern GERMAN = Pattern
		.compile("\\b(und|der|die|das|bei|für|nicht|oder|mit|jeder|deines|deine|Polizei|Anzeige|Wache|Uhr|Meldestelle|"
				+ "Beratung|Hilfe|Telefon|rund um die Uhr|Kinder|Jugend\\w*|Eltern|melden|Löschen)\\b");

	/**
	 * English words that must never appear in a German plan (outside the names of
	 * services)
	 */
	static final Pattern ENGLISH = Pattern
		.compile("\\b(the|and|for|your|you|report|phone|police|helpline|online report|anonymous|any time|then)\\b");

	static List<String> platformChoices;

	record Case(String name, TriageState state) {
	}

	@BeforeAll
	static void readPlatformChoices() {
		platformChoices = ScriptLoader.load(TriageJourneyTests.settings.script())
			.state("platform")
			.choices()
			.stream()
			.map(TriageScript.ChoiceDef::id)
			.toList();
	}

	@Test
	void everyPlatformChoiceHasAnEntryWithAPathInEveryLanguageASourceAndADate() {
		assertThat(platformChoices).contains("instagram", "snapchat", "tiktok", "whatsapp", "telegram", "discord",
				"facebook", "x");
		for (String id : platformChoices) {
			if (id.equals("other")) {
				continue;
			}
			Platform platform = directory.platform(id).orElseThrow(() -> new AssertionError("no platform " + id));
			for (String locale : texts.locales()) {
				assertThat(platform.report()).as(id + " report." + locale).containsKey(locale);
			}
			assertThat(platform.helpUrl()).as(id).startsWith("https://");
			assertThat(platform.source()).as(id).isNotBlank();
			assertThat(platform.verifiedOn()).as(id).isNotNull();
		}
	}

	@Test
	void everyShownDirectoryStringHasEveryLanguage() {
		for (String country : directory.countryCodes()) {
			for (Resource resource : directory.resources(country)) {
				for (String locale : texts.locales()) {
					assertThat(resource.hours()).as(resource.id() + " hours." + locale).containsKey(locale);
					if (!resource.names().isEmpty()) {
						assertThat(resource.names()).as(resource.id() + " name." + locale).containsKey(locale);
					}
				}
				if (!resource.about().isEmpty()) {
					assertThat(resource.about()).as(resource.id() + " about.en").containsKey("en");
				}
				boolean englishSpeaking = Set.of("GB", "IE", "US", "CA", "AU", "INT").contains(country);
				if (!englishSpeaking && resource.names().isEmpty()) {
					assertThat(resource.about())
						.as(resource.id() + ": a name with no English version needs an English description (about.en)")
						.containsKey("en");
				}
			}
		}
	}

	@Test
	void theFirstScreenAndEverySectionFitTheBudget() {
		int[] most = new int[4];
		forEveryCase(c -> {
			PlanScreens.FirstScreen first = plan.firstScreen(c.state());
			assertThat(first.steps()).as(c.name() + ": steps").isNotEmpty().hasSizeLessThanOrEqualTo(MAX_STEPS);
			for (String step : first.steps()) {
				assertThat(step.split("\n")).as(c.name() + ": an action and at most one line of reason: " + step)
					.hasSizeBetween(1, 2);
				String action = step.split("\n")[0].replaceAll("„[^“]*“|“[^”]*”|«[^»]*»", "QUOTE");
				assertThat(action.split("(?<=[.!?])\\s+(?=\\p{Lu})")).as(c.name() + ": one sentence: " + step)
					.hasSize(1);
			}
			int words = words(first.texts());
			assertThat(words).as(c.name() + ": words on the first screen:\n" + String.join("\n", first.texts()))
				.isLessThanOrEqualTo(MAX_WORDS);
			most[0] = Math.max(most[0], words);
			for (String after : first.after()) {
				assertThat(words(List.of(after))).as(c.name() + ": " + after).isLessThanOrEqualTo(MAX_WORDS);
			}
			if ("yes".equals(c.state().facts().get("risk_thoughts"))) {
				assertThat(first.after()).as(c.name() + ": the check-in names lines open day and night")
					.singleElement()
					.satisfies(checkin -> assertThat(checkin).contains("\n• "));
			}
			List<PlanScreens.Section> sections = plan.sections(c.state());
			assertThat(sections).as(c.name() + ": sections").hasSizeLessThanOrEqualTo(MAX_SECTIONS);
			for (PlanScreens.Section section : sections) {
				int sectionWords = words(List.of(section.text()));
				assertThat(sectionWords).as(c.name() + ": words in " + section.id() + ":\n" + section.text())
					.isLessThanOrEqualTo(MAX_WORDS);
				most[1] = Math.max(most[1], sectionWords);
				assertThat(section.title().length()).as(section.title()).isLessThanOrEqualTo(MAX_LABEL);
			}
			List<Choice> choices = triage.choices(c.state());
			assertThat(choices).as(c.name() + ": buttons after the plan").hasSizeLessThanOrEqualTo(MAX_CHOICES);
			String summary = plan.summary(c.state());
			assertThat(summary.length()).as(c.name() + ": the plan as one message").isLessThanOrEqualTo(MAX_MESSAGE);
			most[2] = Math.max(most[2], summary.length());
			most[3]++;
		});
		System.out.printf("plan matrix: %d plans; most words on a first screen %d, in a section %d; longest plain"
				+ " text %d characters%n", most[3], most[0], most[1], most[2]);
	}

	@Test
	void aMinorInThePictureHearsOfTakeItDownOnlyAndAnAdultOfStopNcii() {
		forEveryCase(c -> {
			String all = everything(c.state());
			String minor = Facts.minorInImage(c.state().facts());
			boolean removal = plan.sections(c.state()).stream().anyMatch(s -> s.id().equals("removal"));
			if ("yes".equals(minor)) {
				assertThat(all).as(c.name()).doesNotContain("StopNCII");
				if (removal) {
					assertThat(all).as(c.name()).contains("Take It Down");
				}
			}
			else if ("no".equals(minor)) {
				assertThat(all).as(c.name() + ": Take It Down is not the route for an adult in the picture")
					.doesNotContain("Take It Down");
				if (removal) {
					assertThat(all).as(c.name()).contains("StopNCII");
				}
			}
			else {
				all.lines()
					.filter(line -> line.contains("Take It Down") || line.contains("StopNCII"))
					.forEach(line -> assertThat(line).as(c.name() + ": the age in the picture decides").contains("18"));
			}
		});
	}

	@Test
	void noLineForAdultsOnlyReachesAMinorAndParentsLinesOnlyReachParents() {
		forEveryCase(c -> {
			String all = everything(c.state());
			String age = c.state().facts().get(Facts.AGE);
			boolean mayBeMinor = !"no".equals(Facts.minorNow(c.state().facts()));
			boolean parent = "E".equals(c.state().facts().get(Facts.SITUATION))
					&& "parent".equals(c.state().facts().get(Facts.HELPER_ROLE));
			for (Resource resource : resourcesOf(c.state().country())) {
				String listed = "• " + resource.nameIn(c.state().locale());
				if (mayBeMinor && resource.adultsOnly()) {
					assertThat(all).as(c.name() + " (age " + age + "): adults-only " + resource.id())
						.doesNotContain(listed);
				}
				if (!parent && resource.audience() == Resource.Audience.PARENTS) {
					assertThat(all).as(c.name() + ": parents' line " + resource.id()).doesNotContain(listed);
				}
			}
		});
	}

	@Test
	void everyStringIsInTheUsersLanguage() {
		forEveryCase(c -> {
			String all = everything(c.state());
			List<String> names = new ArrayList<>(resourcesOf(c.state().country()).stream()
				.map(resource -> resource.nameIn(c.state().locale()))
				.toList());
			names.sort(java.util.Comparator.comparing(String::length).reversed());
			for (String name : names) {
				all = all.replace(name, "NAME");
			}
			all = all.replaceAll("https?://\\S+", "URL")
				.replace("Take It Down", "NAME")
				.replace("No Escape Room", "NAME");
			if (c.state().locale().equals("en")) {
				assertThat(GERMAN.matcher(all).results().map(r -> r.group()).toList()).as(c.name() + ":\n" + all)
					.isEmpty();
			}
			else {
				// "police" is French as well
				assertThat(ENGLISH.matcher(all)
					.results()
					.map(r -> r.group())
					.filter(word -> !(c.state().locale().equals("fr") && word.equals("police")))
					.toList()).as(c.name() + ":\n" + all).isEmpty();
			}
		});
	}

	@Test
	void theReportStepNamesThePlatformAndItsPathInTheUsersLanguage() {
		forEveryCase(c -> {
			Map<String, String> facts = c.state().facts();
			String situation = facts.get(Facts.SITUATION);
			if (situation.equals("E") || situation.equals("F") || situation.equals("unsure")) {
				return;
			}
			directory.platform(facts.get(Facts.PLATFORM)).ifPresent(platform -> {
				String first = String.join("\n", plan.firstScreen(c.state()).steps());
				assertThat(first).as(c.name()).contains(platform.name());
				if (!situation.equals("B") && !(situation.equals("C") && !"yes".equals(facts.get("extortion")))) {
					assertThat(first).as(c.name()).contains(platform.reportIn(c.state().locale()));
				}
			});
		});
	}

	/**
	 * @return every text a plan shows: first screen, what follows it, every section, the
	 * plain text
	 */
	private static String everything(TriageState state) {
		PlanScreens.FirstScreen first = plan.firstScreen(state);
		List<String> all = new ArrayList<>(first.texts());
		all.addAll(first.after());
		plan.sections(state).forEach(section -> all.add(section.text()));
		all.add(plan.summary(state));
		return String.join("\n", all);
	}

	private static List<Resource> resourcesOf(String country) {
		List<Resource> all = new ArrayList<>(directory.resources(country));
		all.addAll(directory.resources(Directory.INTERNATIONAL));
		return all;
	}

	/**
	 * @return the words: runs of letters or digits between spaces (a bullet or a dash is
	 * no word)
	 */
	static int words(List<String> texts) {
		int words = 0;
		for (String text : texts) {
			for (String token : text.split("\\s+")) {
				if (token.codePoints().anyMatch(Character::isLetterOrDigit)) {
					words++;
				}
			}
		}
		return words;
	}

	private static void forEveryCase(Consumer<Case> check) {
		List<String> platforms = new ArrayList<>(platformChoices);
		int[] next = { 0 };
		for (String locale : texts.locales()) {
			for (String country : directory.countryCodes()) {
				for (Map<String, String> who : situations()) {
					for (String age : AGES) {
						for (String imageAge : imageAges(who.get(Facts.SITUATION), age)) {
							for (String profile : List.of("calm", "heavy", "danger")) {
								Map<String, String> facts = new HashMap<>(who);
								facts.put(Facts.COUNTRY, country);
								if (age.equals("skipped")) {
									facts.put("age_skipped", "yes");
								}
								else {
									facts.put(Facts.AGE, age);
								}
								if (imageAge != null) {
									facts.put(Facts.IMAGE_AGE, imageAge);
								}
								answers(facts, profile, platforms.get(next[0]++ % platforms.size()));
								String name = locale + " " + country + " " + new LinkedHashMap<>(facts);
								check.accept(new Case(name, new TriageState("plan", facts, locale)));
							}
						}
					}
				}
			}
		}
	}

	private static List<Map<String, String>> situations() {
		List<Map<String, String>> all = new ArrayList<>();
		Stream.of("A", "B", "C", "D", "F", "unsure")
			.forEach(s -> all
				.add(s.equals("A") ? Map.of(Facts.SITUATION, s, "extortion", "yes") : Map.of(Facts.SITUATION, s)));
		for (String role : List.of("friend", "parent", "teacher", "other")) {
			for (String helped : HELPED) {
				all.add(Map.of(Facts.SITUATION, "E", Facts.HELPER_ROLE, role, "helper_situation", helped));
			}
		}
		return all;
	}

	/**
	 * @return the answers to "under 18 in the picture?" the triage can record for this
	 * person
	 */
	private static List<String> imageAges(String situation, String age) {
		boolean minor = Set.of("u13", "13_15", "16_17").contains(age);
		if (minor || situation.equals("F")) {
			return java.util.Collections.singletonList(null);
		}
		List<String> answers = new ArrayList<>(List.of("minor", "adult", "unsure"));
		answers.add(null);
		return answers;
	}

	private static void answers(Map<String, String> facts, String profile, String platform) {
		String situation = facts.get(Facts.SITUATION);
		boolean heavy = !profile.equals("calm");
		if (!situation.equals("F") && !situation.equals("unsure") && !situation.equals("E")) {
			facts.put(Facts.PLATFORM, platform);
		}
		if (situation.equals("A") || situation.equals("C") && heavy) {
			facts.put("extortion", "yes");
			facts.put("demand", "money");
			facts.put("paid", heavy ? "yes" : "no");
			facts.put("contact", heavy ? "yes" : "no");
			if (!heavy) {
				facts.put("evidence", "yes");
			}
		}
		if (situation.equals("B") || situation.equals("C")) {
			facts.put("online", heavy ? "links" : "no");
			facts.put("c_threat", situation.equals("C") && heavy ? "yes" : "no");
		}
		if (situation.equals("D")) {
			facts.put("d_sent", heavy ? "yes" : "no");
			facts.put("contact", "yes");
		}
		if (profile.equals("danger")) {
			facts.put("danger", "yes");
			facts.put("risk_thoughts", "yes");
			facts.put("risk", "high");
		}
	}

}
