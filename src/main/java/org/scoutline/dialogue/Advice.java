package org.scoutline.dialogue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.scoutline.conversation.Bubble;
import org.scoutline.directory.Country;
import org.scoutline.directory.Directory;
import org.scoutline.directory.Resource;

/**
 * Turns facts into advice: the crisis card, the texts with the user's emergency number, and directory entries as
 * lines in the user's language. The action plan itself is {@link ActionPlan}.
 */
final class Advice {

	private static final int CRISIS_LINES = 3;

	private final Directory directory;

	private final Texts texts;

	private final DialogueSettings settings;

	Advice(Directory directory, Texts texts, DialogueSettings settings) {
		this.directory = directory;
		this.texts = texts;
		this.settings = settings;
	}

	Bubble crisisCard(TriageState state) {
		StringBuilder card = new StringBuilder(say(state, "crisis.card"));
		for (Resource line : crisisLines(state)) {
			card.append('\n').append(format(line, state.locale()));
		}
		return new Bubble(card.toString(), Bubble.Kind.CRISIS);
	}

	/** @return the crisis lines for the user's country, or for the locale's usual countries when it is unknown */
	List<Resource> crisisLines(TriageState state) {
		Set<Resource.Kind> crisis = EnumSet.of(Resource.Kind.CRISIS);
		Resource.AgeRange age = Facts.ageRange(state.facts());
		if (state.country() != null && !Directory.INTERNATIONAL.equals(state.country())) {
			return directory.find(state.country(), crisis, age, null, CRISIS_LINES);
		}
		Set<Resource> lines = new LinkedHashSet<>();
		for (String country : settings.fallbackCountries(state.locale())) {
			directory.find(country, crisis, age, null, 1).forEach(lines::add);
		}
		if (lines.isEmpty()) {
			lines.addAll(directory.find(Directory.INTERNATIONAL, crisis, age, null, CRISIS_LINES));
		}
		return List.copyOf(lines);
	}

	String say(TriageState state, String key) {
		return texts.format(state.locale(), key, Map.of("emergency", emergency(state)));
	}

	/** @return the emergency number of the user's country; all regions' numbers while the country is unknown */
	private String emergency(TriageState state) {
		Country country = directory.country(state.country());
		return country.emergency();
	}

	/** @return one directory entry as a line in {@code locale}: its name (with what it is), how to reach it, when */
	String format(Resource resource, String locale) {
		StringBuilder line = new StringBuilder("• ").append(resource.nameIn(locale));
		String about = resource.aboutIn(locale);
		if (about != null) {
			line.append(resource.nameIn(locale).endsWith(")") ? " – " + about : " (" + about + ")");
		}
		List<String> ways = new ArrayList<>();
		if (resource.phone() != null) {
			ways.add(texts.get(locale, "directory.phone") + " " + resource.phone() + hours(resource, locale));
		}
		if (resource.sms() != null) {
			ways.add(texts.get(locale, "directory.sms") + " " + resource.sms());
		}
		if (resource.url() != null) {
			ways.add(resource.url() + (resource.phone() == null ? hours(resource, locale) : ""));
		}
		if (!ways.isEmpty()) {
			line.append(": ").append(String.join(" · ", ways));
		}
		else if (resource.hoursIn(locale) != null) {
			line.append(": ").append(resource.hoursIn(locale)); // no number or address: how to reach it
		}
		return line.toString();
	}

	private String hours(Resource resource, String locale) {
		if (resource.alwaysOpen()) {
			return " (" + texts.get(locale, "directory.always_open") + ")";
		}
		String hours = resource.hoursIn(locale);
		return hours == null ? "" : " (" + hours + ")";
	}

}
