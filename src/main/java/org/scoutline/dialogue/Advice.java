package org.scoutline.dialogue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.scoutline.conversation.Bubble;
import org.scoutline.directory.Country;
import org.scoutline.directory.Directory;
import org.scoutline.directory.Resource;
import org.springframework.expression.Expression;

/**
 * Turns facts into advice: the action plan (the script's plan steps whose guards hold, with directory entries for
 * the user's country and age) and the crisis card.
 */
final class Advice {

	private static final int CRISIS_LINES = 3;

	private final TriageScript script;

	private final List<Expression> stepGuards = new ArrayList<>();

	private final Directory directory;

	private final Texts texts;

	private final DialogueSettings settings;

	Advice(TriageScript script, Directory directory, Texts texts, DialogueSettings settings) {
		this.script = script;
		this.directory = directory;
		this.texts = texts;
		this.settings = settings;
		for (TriageScript.PlanStep step : script.plan()) {
			stepGuards.add(step.when() == null ? null : FactGuards.compile(step.when()));
		}
	}

	List<Bubble> plan(TriageState state) {
		List<Bubble> bubbles = new ArrayList<>();
		bubbles.add(Bubble.text(say(state, "plan.intro")));
		for (int i = 0; i < script.plan().size(); i++) {
			TriageScript.PlanStep step = script.plan().get(i);
			Expression guard = stepGuards.get(i);
			if (guard == null || FactGuards.holds(guard, state.facts())) {
				bubbles.add(new Bubble(withResources(state, say(state, step.text()), step.resources()),
						Bubble.Kind.PLAN));
			}
		}
		return bubbles;
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

	private String withResources(TriageState state, String text, TriageScript.ResourceRequest request) {
		if (request == null) {
			return text;
		}
		Set<Resource.Kind> kinds = EnumSet.noneOf(Resource.Kind.class);
		request.kinds().forEach(kind -> kinds.add(Resource.Kind.valueOf(kind.toUpperCase(Locale.ROOT))));
		String minor = Facts.minorInImage(state.facts());
		List<Resource> found = directory.find(state.country(), kinds, Facts.ageRange(state.facts()),
				minor == null ? null : "yes".equals(minor), request.limitOrDefault());
		if (found.isEmpty()) {
			return text;
		}
		StringBuilder out = new StringBuilder(text).append("\n\n").append(say(state, "plan.resources"));
		found.forEach(resource -> out.append('\n').append(format(resource, state.locale())));
		return out.toString();
	}

	/** @return one directory entry as a line in {@code locale}: its name (with what it is), how to reach it, when */
	String format(Resource resource, String locale) {
		StringBuilder line = new StringBuilder("• ").append(resource.nameIn(locale));
		if (resource.aboutIn(locale) != null) {
			line.append(" (").append(resource.aboutIn(locale)).append(')');
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
