package org.scoutline.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.scoutline.directory.Directory;
import org.scoutline.directory.Platform;
import org.springframework.stereotype.Component;

/**
 * What the triage found out about a chat, in plain words in the scout's language, instead
 * of its codes: one short line for the queue ("13–15 J. · Erpressung um Geld · Instagram
 * · DE") and the facts as labelled lines ("Forderung: Geld, Gutscheine oder Krypto").
 * Labels and values are the console texts {@code fact.*} ({@link ConsoleTexts}); app and
 * country names come from the directory. Facts the console has no words for are left out,
 * never shown as codes.
 */
@Component
class ChatWording {

	/** one labelled line of the summary */
	record Fact(String label, String value) {
	}

	/** the facts shown as lines, in the order a scout reads them */
	static final List<String> SHOWN = List.of("situation", "helper_role", "helper_situation", "age", "image_age",
			"demand", "paid", "contact", "evidence", "platform", "online", "c_threat", "d_sent", "extortion", "country",
			"risk_thoughts", "risk_plan", "risk_means", "risk_soon", "danger");

	/** facts that are answers yes / no / don't know */
	static final Set<String> ANSWERS = Set.of("paid", "contact", "evidence", "c_threat", "d_sent", "extortion",
			"risk_thoughts", "risk_plan", "risk_means", "risk_soon", "danger");

	private final ConsoleTexts texts;

	private final Directory directory;

	ChatWording(ConsoleTexts texts, Directory directory) {
		this.texts = texts;
		this.directory = directory;
	}

	/**
	 * @return the queue's line: age, what it is about, the app, the country (what is
	 * known of these)
	 */
	String line(Map<String, String> facts, String language) {
		List<String> parts = new ArrayList<>();
		parts.add(word(language, "fact.age.short." + facts.get("age")));
		parts.add(about(facts, language));
		parts.add(platform(facts.get("platform"), language));
		String country = facts.get("country");
		parts.add(country == null ? null
				: Directory.INTERNATIONAL.equals(country) ? word(language, "fact.country.other") : country);
		return String.join(" · ", parts.stream().filter(Objects::nonNull).toList());
	}

	/**
	 * @param risk the triage's risk screen result ({@code low}, {@code high},
	 * {@code imminent}), or {@code null}
	 * @return the facts as labelled lines, then the risk screen's result
	 */
	List<Fact> facts(Map<String, String> facts, String risk, String language) {
		List<Fact> out = new ArrayList<>();
		for (String name : SHOWN) {
			String value = facts.get(name);
			if (value == null || "extortion".equals(name) && "A".equals(facts.get("situation"))) {
				continue;
			}
			String words = value(name, value, facts, language);
			if (words != null) {
				out.add(new Fact(texts.text(language, "fact." + name), words));
			}
		}
		if (facts.get("age") == null && "yes".equals(facts.get("age_skipped"))) {
			out.add(new Fact(texts.text(language, "fact.age"), texts.text(language, "fact.age.skipped")));
		}
		String level = word(language, "fact.risk." + risk);
		if (level != null) {
			out.add(new Fact(texts.text(language, "fact.risk"), level));
		}
		return out;
	}

	private String value(String name, String value, Map<String, String> facts, String language) {
		if (ANSWERS.contains(name)) {
			return word(language, "answer." + value);
		}
		return switch (name) {
			case "situation" -> about(facts, language);
			case "platform" -> platform(value, language);
			case "country" -> Directory.INTERNATIONAL.equals(value) ? word(language, "fact.country.other")
					: directory.country(value).nameIn(language);
			default -> word(language, "fact." + name + "." + value);
		};
	}

	/** "Erpressung um Geld", "Fake-Nacktbild", "hilft jemandem: wird erpresst" */
	private String about(Map<String, String> facts, String language) {
		String situation = facts.get("situation");
		if (situation == null) {
			return null;
		}
		if ("A".equals(situation) && facts.get("demand") != null) {
			String specific = word(language, "fact.situation.A." + facts.get("demand"));
			if (specific != null) {
				return specific;
			}
		}
		if ("C".equals(situation) && "yes".equals(facts.get("c_threat"))) {
			return word(language, "fact.situation.C.threat");
		}
		String about = word(language, "fact.situation." + situation);
		String helped = word(language, "fact.helper_situation." + facts.get("helper_situation"));
		return "E".equals(situation) && about != null && helped != null ? about + ": " + helped : about;
	}

	private String platform(String id, String language) {
		if (id == null) {
			return null;
		}
		return "other".equals(id) ? word(language, "fact.platform.other")
				: directory.platform(id).map(Platform::name).orElse(null);
	}

	/** the text of a key, or {@code null} when the console has none for it */
	private String word(String language, String key) {
		return texts.has(language, key) ? texts.text(language, key) : null;
	}

}
