package org.scoutline.dialogue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.scoutline.conversation.Bubble;
import org.scoutline.directory.Country;
import org.scoutline.directory.Directory;
import org.scoutline.directory.Resource;

/**
 * Turns facts into advice: the crisis card, the texts with the user's emergency number,
 * and directory entries as lines in the user's language. The action plan itself is
 * {@link ActionPlan}.
 */
final class Advice {

	private static final int CRISIS_LINES = 3;

	/**
	 * the placeholder for the crisis lines in a text that says "these lines are there for
	 * you:"
	 */
	private static final String LINES = "{crisis_lines}";

	private static final Place INTERNATIONAL = new Place(Directory.INTERNATIONAL, false);

	private final Directory directory;

	private final Texts texts;

	Advice(Directory directory, Texts texts) {
		this.directory = directory;
		this.texts = texts;
	}

	/**
	 * Whose crisis lines to show.
	 *
	 * @param code the country's code, {@code INT} when the user said they live elsewhere
	 * @param guessed whether it is only the channel's guess (labelled as that country's,
	 * with a one-tap change)
	 */
	record Place(String code, boolean guessed) {

		boolean international() {
			return Directory.INTERNATIONAL.equals(code);
		}

	}

	/**
	 * @return the country the user chose, else the channel's guess when the directory has
	 * lines for it; empty when neither is known, so that no other country's lines are
	 * ever shown as if they were local
	 */
	Optional<Place> place(TriageState state) {
		if (state.country() != null) {
			boolean known = directory.countryCodes().contains(state.country());
			return Optional.of(new Place(known ? state.country() : Directory.INTERNATIONAL, false));
		}
		String hint = state.countryHint();
		if (hint != null && !Directory.INTERNATIONAL.equals(hint) && directory.countryCodes().contains(hint)) {
			return Optional.of(new Place(hint, true));
		}
		return Optional.empty();
	}

	/**
	 * @return the crisis card: the emergency number, then the lines open day and night,
	 * named as the country's ("In Deutschland:"); while no country is known, every
	 * region's emergency number and the lines that work across countries
	 */
	Bubble crisisCard(TriageState state) {
		Place place = place(state).orElse(INTERNATIONAL);
		String key = place.international() ? "crisis.card_unknown" : "crisis.card";
		String first = texts.format(state.locale(), key, Map.of("emergency", emergency(state, place)));
		return new Bubble(first + "\n" + lines(state, place), Bubble.Kind.CRISIS);
	}

	/**
	 * @return the card that asks for the country: every region's emergency number above
	 * the question
	 */
	Bubble askingCard(TriageState state) {
		return new Bubble(say(state, "crisis.card_unknown") + "\n" + say(state, "crisis.ask_country"),
				Bubble.Kind.CRISIS);
	}

	/**
	 * @return the one short sentence with the emergency number that comes first when the
	 * danger is imminent
	 */
	Bubble emergency(TriageState state) {
		return new Bubble(
				texts.format(state.locale(), "crisis.imminent",
						Map.of("emergency", emergency(state, place(state).orElse(INTERNATIONAL)))),
				Bubble.Kind.EMERGENCY);
	}

	/**
	 * @return the label of the one-tap change of a guessed country ("Nicht in
	 * Deutschland?"), or {@code null}
	 */
	String changeCountry(TriageState state) {
		return place(state).filter(Place::guessed)
			.map(p -> texts.format(state.locale(), "crisis.change_country", Map.of("place", placeName(state, p))))
			.orElse(null);
	}

	/**
	 * @return the crisis lines as a block a message can carry: "In Deutschland:", then
	 * one line each; while no country is known, the emergency numbers of every region
	 * come first
	 */
	String lines(TriageState state) {
		Place place = place(state).orElse(INTERNATIONAL);
		return lines(state, place, place.international());
	}

	private String lines(TriageState state, Place place) {
		return lines(state, place, false);
	}

	private String lines(TriageState state, Place place, boolean withEmergency) {
		String heading = place.international() ? texts.get(state.locale(), "crisis.in_many_countries")
				: capitalized(placeName(state, place)) + ":";
		StringBuilder out = new StringBuilder(heading);
		if (withEmergency) {
			out.append("\n• ")
				.append(texts.format(state.locale(), "crisis.emergency_line",
						Map.of("emergency", emergency(state, place))));
		}
		Resource.AgeRange age = Facts.ageRange(state.facts());
		for (Resource line : directory.find(place.code(), state.locale(), EnumSet.of(Resource.Kind.CRISIS), age, null,
				false, CRISIS_LINES)) {
			out.append('\n').append(format(line, state.locale()));
		}
		return out.toString();
	}

	/**
	 * @return "in Deutschland", "in der Schweiz", "in the UK": the country as it follows
	 * "in"/"not in"
	 */
	private String placeName(TriageState state, Place place) {
		String key = "crisis.place." + place.code().toLowerCase(Locale.ROOT);
		return texts.has(texts.supported(state.locale()), key) ? texts.get(state.locale(), key)
				: "in " + directory.country(place.code()).nameIn(state.locale());
	}

	private static String capitalized(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	/**
	 * @return a text with {@code {emergency}} (the chosen country's number; every
	 * region's while none is chosen, or the guessed country's in texts that name it and
	 * in the risk outcomes shown with its card) and {@code {crisis_lines}} (the lines of
	 * {@link #lines}) filled in
	 */
	String say(TriageState state, String key) {
		String text = texts.get(state.locale(), key);
		Map<String, String> values = new HashMap<>();
		// risk outcomes stand next to the crisis card, which names the guessed country:
		// the same number there
		values.put("emergency",
				emergency(state,
						place(state).filter(p -> !p.guessed() || text.contains(LINES) || key.startsWith("risk."))
							.orElse(INTERNATIONAL)));
		if (text.contains(LINES)) {
			values.put("crisis_lines", lines(state));
		}
		return texts.format(state.locale(), key, values);
	}

	/**
	 * @return whether the text lists the crisis lines itself ({@code {crisis_lines}})
	 */
	boolean carriesLines(TriageState state, String key) {
		return texts.get(state.locale(), key).contains(LINES);
	}

	private String emergency(TriageState state, Place place) {
		Country country = directory.country(place.code());
		return country.emergency();
	}

	/**
	 * @return one directory entry as a line in {@code locale}: its name (with what it
	 * is), how to reach it, when
	 */
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
			// no number or address: how to reach it
			line.append(": ").append(resource.hoursIn(locale));
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
