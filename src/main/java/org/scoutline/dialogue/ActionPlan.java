package org.scoutline.dialogue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.scoutline.conversation.Bubble;
import org.scoutline.conversation.Choice;
import org.scoutline.directory.Directory;
import org.springframework.expression.Expression;

/**
 * The action plan for what is known ({@code plan:} in the triage script): a first screen
 * of one line, a few numbered actions and a "More" line that names the sections; the
 * sections one at a time; and the whole plan as one plain text to keep. Directory entries
 * follow the person's age (an unknown age counts as possibly a minor), the age in the
 * picture (hash tools), who asks (parents' lines only for parents) and the country, as
 * the plan's {@link PlanContext} tells.
 */
final class ActionPlan {

	/**
	 * how many sections the More line names; the buttons (or the folded sections) show
	 * them all
	 */
	private static final int MORE_NAMED = 3;

	/**
	 * how many rendered plans are kept; the store starts over when full (a plan is a few
	 * KiB of text)
	 */
	static final int REMEMBERED = 2_000;

	private final TriageScript.Plan plan;

	private final Map<String, Expression> guards = new HashMap<>();

	private final Directory directory;

	private final Texts texts;

	private final Advice advice;

	/**
	 * A plan is a pure function of the language, the country and the facts (whose values
	 * come from the script, never from what a user typed), so each combination is
	 * rendered once: a plan turn otherwise evaluated every guard and looked up the
	 * directory three times (first screen, sections, buttons).
	 */
	private final Map<RenderedPlan.Key, RenderedPlan> rendered = new ConcurrentHashMap<>();

	ActionPlan(TriageScript.Plan plan, Directory directory, Texts texts, Advice advice) {
		this.plan = plan;
		this.directory = directory;
		this.texts = texts;
		this.advice = advice;
		List<TriageScript.PlanStep> all = new ArrayList<>(plan.intro());
		all.addAll(plan.steps());
		all.addAll(plan.after());
		plan.sections().forEach(section -> {
			all.addAll(section.parts());
			compile(section.when());
		});
		all.forEach(step -> compile(step.when()));
	}

	PlanScreens.FirstScreen firstScreen(TriageState state) {
		return rendered(state).first();
	}

	private RenderedPlan render(PlanContext context) {
		String intro = plan.intro()
			.stream()
			.filter(context::holds)
			.findFirst()
			.flatMap(context::paragraph)
			.orElse(null);
		List<String> steps = shown(context, plan.steps());
		List<String> after = shown(context, plan.after());
		List<PlanScreens.Section> sections = sections(context);
		return new RenderedPlan(
				new PlanScreens.FirstScreen(intro, List.copyOf(steps), List.copyOf(after), more(context, sections)),
				List.copyOf(sections));
	}

	private RenderedPlan rendered(TriageState state) {
		RenderedPlan.Key key = new RenderedPlan.Key(state.locale(), state.country(), state.facts());
		RenderedPlan plan = rendered.get(key);
		if (plan == null) {
			if (rendered.size() >= REMEMBERED) {
				rendered.clear();
			}
			plan = render(context(state));
			rendered.put(key, plan);
		}
		return plan;
	}

	/**
	 * @return the texts of the entries that hold, with the directory entries they ask for
	 */
	private static List<String> shown(PlanContext context, List<TriageScript.PlanStep> entries) {
		List<String> shown = new ArrayList<>();
		entries.stream().filter(context::holds).forEach(entry -> context.paragraph(entry).ifPresent(shown::add));
		return shown;
	}

	/**
	 * @return the More line: the first sections by name, and "and more" when there are
	 * others, or null
	 */
	private String more(PlanContext context, List<PlanScreens.Section> sections) {
		if (sections.isEmpty()) {
			return null;
		}
		String named = String.join(", ", sections.stream().limit(MORE_NAMED).map(PlanScreens.Section::more).toList());
		if (sections.size() > MORE_NAMED) {
			named += " " + context.text("plan.more_also");
		}
		return context.format("plan.more", Map.of("sections", named));
	}

	List<PlanScreens.Section> sections(TriageState state) {
		return rendered(state).sections();
	}

	/**
	 * @param complete whether the triage is done: then the More line and the sections
	 * follow (else only what to do so far)
	 * @return the plan as bubbles: the intro, one {@link Bubble.Kind#PLAN} bubble per
	 * step, the bubbles after the steps, then the More line and one
	 * {@link Bubble.Kind#SECTION} bubble per section
	 */
	List<Bubble> bubbles(TriageState state, boolean complete) {
		RenderedPlan plan = rendered(state);
		PlanScreens.FirstScreen first = plan.first();
		List<Bubble> bubbles = new ArrayList<>();
		if (first.intro() != null) {
			bubbles.add(Bubble.text(first.intro()));
		}
		first.steps().forEach(step -> bubbles.add(new Bubble(step, Bubble.Kind.PLAN)));
		first.after().forEach(text -> bubbles.add(Bubble.text(text)));
		if (complete && first.more() != null) {
			bubbles.add(Bubble.text(first.more()));
			plan.sections().forEach(section -> bubbles.add(new Bubble(section.text(), Bubble.Kind.SECTION)));
		}
		return bubbles;
	}

	/**
	 * @return the buttons that open the sections, then the one for the plan as plain text
	 */
	List<Choice> choices(TriageState state) {
		List<Choice> choices = new ArrayList<>();
		sections(state).forEach(section -> choices.add(new Choice(section.choiceId(), section.title())));
		choices.add(new Choice(Choice.PLAN_TEXT, texts.get(state.locale(), "plan.text_choice")));
		return choices;
	}

	/**
	 * @param choiceId a choice the user tapped, or {@code null}
	 * @param typed what the user typed, or {@code null}: a section's title in any
	 * language opens it
	 * @return what the choice opens: a section as a text bubble, or the whole plan as
	 * plain text
	 */
	Optional<Bubble> open(TriageState state, String choiceId, String typed) {
		if (Choice.PLAN_TEXT.equals(choiceId)) {
			return Optional.of(Bubble.text(summary(state)));
		}
		PlanContext context = context(state);
		for (TriageScript.Section def : plan.sections()) {
			boolean chosen = choiceId != null ? (Choice.PLAN_PART + def.id()).equals(choiceId)
					: typed != null && texts.locales()
						.stream()
						.anyMatch(locale -> normalized(texts.get(locale, def.title())).equals(normalized(typed)));
			if (chosen) {
				return section(context, def).map(section -> Bubble.text(section.text()));
			}
		}
		return Optional.empty();
	}

	/**
	 * @return the whole plan as one plain text to keep or copy: no ids and nothing about
	 * the person, only the steps, what follows them and every section
	 */
	String summary(TriageState state) {
		RenderedPlan plan = rendered(state);
		PlanScreens.FirstScreen first = plan.first();
		StringBuilder text = new StringBuilder(texts.get(state.locale(), "plan.summary_title"));
		if (first.intro() != null) {
			text.append("\n\n").append(first.intro());
		}
		for (int i = 0; i < first.steps().size(); i++) {
			text.append(i == 0 ? "\n\n" : "\n")
				.append(i + 1)
				.append(". ")
				.append(first.steps().get(i).replace("\n", "\n   "));
		}
		first.after().forEach(after -> text.append("\n\n").append(after));
		plan.sections().forEach(section -> text.append("\n\n").append(section.text()));
		return text.toString();
	}

	private List<PlanScreens.Section> sections(PlanContext context) {
		List<PlanScreens.Section> shown = new ArrayList<>();
		for (TriageScript.Section def : plan.sections()) {
			section(context, def).ifPresent(shown::add);
		}
		return shown;
	}

	private Optional<PlanScreens.Section> section(PlanContext context, TriageScript.Section def) {
		if (def.when() != null && !context.holds(def.when())) {
			return Optional.empty();
		}
		List<String> paragraphs = new ArrayList<>();
		for (TriageScript.PlanStep part : def.parts()) {
			if (context.holds(part)) {
				context.paragraph(part).ifPresent(paragraphs::add);
			}
		}
		if (paragraphs.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new PlanScreens.Section(def.id(), context.text(def.title()), context.text(def.more()),
				String.join("\n\n", paragraphs)));
	}

	private PlanContext context(TriageState state) {
		return new PlanContext(state, guards, directory, texts, advice);
	}

	private void compile(String guard) {
		if (guard != null) {
			guards.computeIfAbsent(guard, FactGuards::compile);
		}
	}

	private static String normalized(String text) {
		return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} ]", " ").replaceAll("\\s+", " ").strip();
	}

}
