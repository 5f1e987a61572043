package org.scoutline.dialogue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.scoutline.conversation.Bubble;
import org.scoutline.conversation.Choice;
import org.scoutline.directory.Directory;
import org.springframework.stereotype.Component;

/**
 * The triage bot's only entry point. Each method takes where a conversation stands and returns where it goes next
 * with what the bot says; nothing is kept between calls. The script is loaded and validated when the application
 * starts, which fails with every problem listed if the script is wrong.
 */
@Component
public class Triage {

	private static final List<String> RISK_ORDER = List.of("low", "high", "imminent");

	private static final int MAX_PASS_THROUGH = 64;

	/** the choice a crisis signal stands for inside the risk screen */
	private static final String YES = "yes";

	private final TriageScript script;

	private final Set<String> riskScreen;

	private final TriageMachine machine;

	private final Texts texts;

	private final Advice advice;

	private final ActionPlan plan;

	Triage(DialogueSettings settings, Texts texts, Directory directory) {
		this.script = ScriptLoader.load(settings.script());
		ScriptValidator.validate(ScriptLoader.name(settings.script()), script, texts);
		this.riskScreen = riskScreen(script);
		this.machine = new TriageMachine(script, riskScreen);
		this.texts = texts;
		this.advice = new Advice(directory, texts, settings);
		this.plan = new ActionPlan(script.plan(), directory, texts, advice);
	}

	/** @return the first turn of a new conversation in {@code locale} */
	public TriageTurn begin(String locale) {
		return arrive(new TriageState(script.start(), Map.of(), texts.supported(locale)), new ArrayList<>());
	}

	/**
	 * @param state where the conversation stands
	 * @param choiceId the id of a tapped button, or {@code null} for typed text
	 * @param text typed text, or {@code null}
	 * @return the next turn; typed text that answers nothing asks the user to tap a button. Once the plan is shown,
	 * its sections and its plain text are choices too ({@link Choice#PLAN_PART}).
	 */
	public TriageTurn answer(TriageState state, String choiceId, String text) {
		TriageScript.StateDef current = script.state(state.node());
		if (current == null) {
			return restart(state);
		}
		Optional<TriageScript.ChoiceDef> choice = choiceId != null ? byId(current, choiceId) : byText(current, text);
		if (choice.isEmpty() && current.showsPlan()) {
			Optional<Bubble> part = plan.open(state, choiceId, text);
			if (part.isPresent()) {
				return new TriageTurn(state, List.of(part.get()), choices(state), null);
			}
		}
		if (choice.isEmpty()) {
			List<Bubble> bubbles = new ArrayList<>(List.of(notice(state, "system.tap_button")));
			return new TriageTurn(state, bubbles, choices(state), null);
		}
		if (choice.get().command() != null) {
			return new TriageTurn(state, List.of(), choices(state), choice.get().command());
		}
		Map<String, String> facts = new HashMap<>(state.facts());
		facts.putAll(choice.get().set());
		String locale = texts.supported(facts.getOrDefault(Facts.LOCALE, state.locale()));
		facts.remove(Facts.LOCALE);
		String target = machine.next(state.node(), facts);
		return arrive(new TriageState(target, facts, locale), new ArrayList<>());
	}

	/**
	 * A crisis signal was found in what the user wrote: the crisis card first, then the risk screen, after which the
	 * triage goes on where it was. Inside the risk screen the signal counts as the answer {@code yes} where the
	 * question has one (a false alarm is better than a missed one), else the question is asked again.
	 */
	public TriageTurn crisis(TriageState stored) {
		TriageState state = known(stored);
		List<Bubble> bubbles = new ArrayList<>(List.of(advice.crisisCard(state)));
		if (script.crisis() == null) {
			return ask(state, bubbles);
		}
		if (riskScreen.contains(state.node())) {
			if (byId(script.state(state.node()), YES).isEmpty()) {
				return ask(state, bubbles);
			}
			TriageTurn yes = answer(state, YES, null);
			bubbles.addAll(yes.bubbles());
			return new TriageTurn(yes.state(), bubbles, yes.choices(), yes.command());
		}
		Map<String, String> facts = new HashMap<>(state.facts());
		facts.put(Facts.RESUME_TO, state.node());
		String target = machine.crisis(state.node(), facts);
		return arrive(new TriageState(target, facts, state.locale()), bubbles);
	}

	/** @return the current question again, with its buttons */
	public TriageTurn current(TriageState state) {
		return ask(known(state), new ArrayList<>());
	}

	/** @return a fresh start in the same language, with a notice */
	public TriageTurn restart(TriageState state) {
		TriageTurn fresh = begin(state.locale());
		List<Bubble> bubbles = new ArrayList<>(List.of(notice(fresh.state(), "system.restarted")));
		bubbles.addAll(fresh.bubbles());
		return new TriageTurn(fresh.state(), bubbles, fresh.choices(), null);
	}

	/** @return the same place in the next language, with a notice in that language */
	public TriageTurn switchLanguage(TriageState stored) {
		TriageState state = known(stored);
		List<String> locales = List.copyOf(texts.locales());
		String next = locales.get((locales.indexOf(texts.supported(state.locale())) + 1) % locales.size());
		TriageState switched = new TriageState(state.node(), state.facts(), next);
		return prefixed(switched, notice(switched, "system.language_switched"));
	}

	/** @return what the bot can do, then the current question again */
	public TriageTurn help(TriageState state) {
		return prefixed(known(state), notice(state, "system.help"));
	}

	/**
	 * @return the action plan for what is known so far, then the current question again; once the triage is done,
	 * with the More line and the sections (see {@link Bubble.Kind#SECTION})
	 */
	public TriageTurn plan(TriageState state) {
		TriageState known = known(state);
		List<Bubble> bubbles = new ArrayList<>(plan.bubbles(known, script.state(known.node()).showsPlan()));
		return ask(known, bubbles);
	}


	/** @return the crisis card (emergency number, lines open day and night) for this user */
	public Bubble crisisCard(TriageState state) {
		return advice.crisisCard(state);
	}

	/** @return a system text ({@code system.*}) for this user, as a notice bubble */
	public Bubble notice(TriageState state, String key) {
		return Bubble.notice(advice.say(state, key));
	}

	/** @return a system text in a locale for a user whose conversation is not known */
	public Bubble notice(String locale, String key) {
		return notice(new TriageState(script.start(), Map.of(), texts.supported(locale)), key);
	}

	/** @return the buttons of the current question */
	public List<Choice> choices(TriageState state) {
		TriageScript.StateDef def = script.state(state.node());
		if (def == null) {
			return List.of();
		}
		List<Choice> choices = new ArrayList<>(def.showsPlan() ? plan.choices(state) : List.of());
		def.choices().forEach(c -> choices.add(new Choice(c.id(), texts.get(state.locale(), c.label()))));
		return List.copyOf(choices);
	}

	/** @return the flow as a Mermaid diagram, for review by the counselling team */
	public String flowAsMermaid() {
		return MermaidDiagram.render(script, texts, texts.locales().iterator().next());
	}

	/**
	 * @return the state, or the start with the same facts when its node is no longer in the script (the script was
	 * edited while the conversation was stored)
	 */
	private TriageState known(TriageState state) {
		return script.state(state.node()) != null ? state
				: new TriageState(script.start(), state.facts(), state.locale());
	}

	private TriageTurn prefixed(TriageState state, Bubble first) {
		return ask(state, new ArrayList<>(List.of(first)));
	}

	private TriageTurn arrive(TriageState arrived, List<Bubble> bubbles) {
		TriageState state = arrived;
		for (int step = 0; step < MAX_PASS_THROUGH; step++) {
			if (TriageScript.RESUME.equals(state.node())) {
				return resume(state, bubbles);
			}
			TriageScript.StateDef def = script.state(state.node());
			state = withRisk(state, def.risk());
			Bubble.Kind kind = def.risk() == null ? Bubble.Kind.TEXT : Bubble.Kind.CRISIS;
			for (String key : def.say()) {
				bubbles.add(new Bubble(advice.say(state, key), kind));
			}
			if (def.risk() != null) {
				bubbles.add(advice.crisisCard(state));
			}
			if (def.showsPlan()) {
				bubbles.addAll(plan.bubbles(state, true));
			}
			if (!def.passesThrough()) {
				return ask(state, bubbles);
			}
			state = new TriageState(machine.next(state.node(), state.facts()), state.facts(), state.locale());
		}
		throw new IllegalStateException("the triage script loops through pass-through states at " + state.node());
	}

	private TriageTurn resume(TriageState state, List<Bubble> bubbles) {
		Map<String, String> facts = new HashMap<>(state.facts());
		String back = facts.remove(Facts.RESUME_TO);
		TriageState resumed = new TriageState(back != null && script.state(back) != null ? back : script.start(), facts,
				state.locale());
		bubbles.add(Bubble.text(advice.say(resumed, "crisis.resume")));
		return ask(resumed, bubbles);
	}

	private TriageTurn ask(TriageState state, List<Bubble> bubbles) {
		TriageScript.StateDef def = script.state(state.node());
		if (def.asks()) {
			bubbles.add(Bubble.text(advice.say(state, def.ask())));
		}
		return new TriageTurn(state, bubbles, choices(state), null);
	}

	private static TriageState withRisk(TriageState state, String risk) {
		String recorded = state.facts().get(Facts.RISK);
		if (risk == null || recorded != null && RISK_ORDER.indexOf(risk) <= RISK_ORDER.indexOf(recorded)) {
			return state;
		}
		Map<String, String> facts = new HashMap<>(state.facts());
		facts.put(Facts.RISK, risk);
		return new TriageState(state.node(), facts, state.locale());
	}

	private static Optional<TriageScript.ChoiceDef> byId(TriageScript.StateDef state, String id) {
		return state.choices().stream().filter(c -> c.id().equals(id)).findFirst();
	}

	private Optional<TriageScript.ChoiceDef> byText(TriageScript.StateDef state, String text) {
		if (text == null) {
			return Optional.empty();
		}
		String typed = normalized(text);
		if (typed.isEmpty()) {
			return Optional.empty();
		}
		List<TriageScript.ChoiceDef> choices = state.choices();
		for (TriageScript.ChoiceDef choice : choices) {
			if (choice.aliases().stream().anyMatch(alias -> normalized(alias).equals(typed))
					|| texts.locales().stream().anyMatch(l -> normalized(texts.get(l, choice.label())).equals(typed))) {
				return Optional.of(choice);
			}
		}
		if (typed.matches("\\d{1,2}")) {
			int index = Integer.parseInt(typed) - 1;
			return index >= 0 && index < choices.size() ? Optional.of(choices.get(index)) : Optional.empty();
		}
		return Optional.empty();
	}

	private static String normalized(String text) {
		return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} ]", " ").replaceAll("\\s+", " ").strip();
	}

	/**
	 * The risk screen: the states a crisis signal leads through before the script returns to where it was, that is
	 * every state reachable from the crisis entry that can still reach {@code @resume}.
	 */
	private static Set<String> riskScreen(TriageScript script) {
		if (script.crisis() == null) {
			return Set.of();
		}
		Set<String> fromCrisis = new HashSet<>(Set.of(script.crisis()));
		Deque<String> todo = new ArrayDeque<>(fromCrisis);
		while (!todo.isEmpty()) {
			for (TriageScript.NextDef next : script.state(todo.poll()).next()) {
				if (script.state(next.to()) != null && fromCrisis.add(next.to())) {
					todo.add(next.to());
				}
			}
		}
		Set<String> screen = new HashSet<>();
		boolean grew = true;
		while (grew) {
			grew = false;
			for (String id : fromCrisis) {
				if (!screen.contains(id) && script.state(id).next().stream()
					.anyMatch(n -> TriageScript.RESUME.equals(n.to()) || screen.contains(n.to()))) {
					screen.add(id);
					grew = true;
				}
			}
		}
		return Set.copyOf(screen);
	}

}
