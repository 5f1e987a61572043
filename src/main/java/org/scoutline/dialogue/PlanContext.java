package org.scoutline.dialogue;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.scoutline.directory.Directory;
import org.scoutline.directory.Platform;
import org.scoutline.directory.Resource;
import org.springframework.expression.Expression;

/**
 * What one {@link ActionPlan} is made for: the facts with what the directory adds, the
 * values the texts may use, and the person the directory's entries must fit (age, the age
 * in the picture, whether a parent asks, the country).
 */
final class PlanContext {

	/** an unknown age may be a minor's: no line for adults only */
	private static final Resource.AgeRange AGE_UNKNOWN = new Resource.AgeRange(0, 17);

	private final TriageState state;

	private final Map<String, Expression> guards;

	private final Directory directory;

	private final Texts texts;

	private final Advice advice;

	private final Map<String, String> facts;

	private final Map<String, String> values = new HashMap<>();

	private final Resource.AgeRange age;

	private final Boolean minorInImage;

	private final boolean forParents;

	/**
	 * @param guards the plan's guards, compiled, by how they are written
	 */
	PlanContext(TriageState state, Map<String, Expression> guards, Directory directory, Texts texts, Advice advice) {
		this.state = state;
		this.guards = guards;
		this.directory = directory;
		this.texts = texts;
		this.advice = advice;
		Map<String, String> all = new HashMap<>(state.facts());
		Optional<Platform> platform = directory.platform(state.facts().get(Facts.PLATFORM));
		platform.ifPresent(p -> {
			all.put(Facts.PLATFORM_LISTED, "yes");
			all.put(Facts.PLATFORM_IN_HASH_TOOLS, p.inHashTools() ? "yes" : "no");
			values.put("platform", p.name());
			values.put("report_path", p.reportIn(state.locale()));
			values.put("help_url", p.helpUrl());
		});
		this.facts = Map.copyOf(all);
		// in "another country" the list of the regions' numbers may not even hold: say
		// what to call
		values.put("emergency", state.country() == null || Directory.INTERNATIONAL.equals(state.country())
				? texts.get(state.locale(), "plan.emergency_unknown") : directory.country(state.country()).emergency());
		Resource.AgeRange known = Facts.ageRange(state.facts());
		this.age = known != null ? known : AGE_UNKNOWN;
		String minor = Facts.minorInImage(state.facts());
		this.minorInImage = minor == null ? null : "yes".equals(minor);
		this.forParents = "E".equals(state.facts().get(Facts.SITUATION))
				&& "parent".equals(state.facts().get(Facts.HELPER_ROLE));
	}

	boolean holds(TriageScript.PlanStep step) {
		return step.when() == null || holds(step.when());
	}

	boolean holds(String guard) {
		return FactGuards.holds(guards.get(guard), facts);
	}

	String text(TriageScript.PlanStep step) {
		return text(step.text());
	}

	String text(String key) {
		return format(key, Map.of());
	}

	String format(String key, Map<String, String> more) {
		Map<String, String> all = new HashMap<>(values);
		all.putAll(more);
		return texts.format(state.locale(), key, all);
	}

	/**
	 * @return the paragraph with the entries it asks for, or nothing when it needs
	 * entries and none fits
	 */
	Optional<String> paragraph(TriageScript.PlanStep part) {
		String text = text(part);
		TriageScript.ResourceRequest request = part.resources();
		if (request == null) {
			return Optional.of(text);
		}
		Set<Resource.Kind> kinds = EnumSet.noneOf(Resource.Kind.class);
		request.kinds().forEach(kind -> kinds.add(Resource.Kind.valueOf(kind.toUpperCase(Locale.ROOT))));
		List<Resource> found = directory.find(state.country(), state.locale(), kinds, age, minorInImage, forParents,
				request.limitOrDefault());
		if (found.isEmpty()) {
			return request.required() ? Optional.empty() : Optional.of(text);
		}
		StringBuilder out = new StringBuilder(text);
		found.forEach(resource -> out.append('\n').append(advice.format(resource, state.locale())));
		return Optional.of(out.toString());
	}

}
