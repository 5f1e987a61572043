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

	/** the facts of the risk screen's questions, answered yes when a message shows imminent danger */
	private static final List<String> RISK_QUESTIONS = List.of("risk_thoughts", "risk_plan", "risk_means",
			"risk_soon");

	/** the choice a crisis signal stands for inside the risk screen */
	private static final String YES = "yes";

	/**
	 * The one-tap change under crisis lines of a guessed country ("Nicht in Deutschland?"): asks the triage's country
	 * question right there, shows that country's lines and goes back to where the user was.
	 */
	public static final String CHANGE_COUNTRY = "change_country";

	private final TriageScript script;

	private final Set<String> riskScreen;

	private final TriageMachine machine;

	/** the risk screen's outcome for imminent danger (the state with {@code risk: imminent}), or {@code null} */
	private final String imminentOutcome;

	private final Texts texts;

	private final Advice advice;

	/** the state that asks for the country (its choices set {@code country}), or {@code null} */
	private final String countryQuestion;

	private final ActionPlan plan;

	Triage(DialogueSettings settings, Texts texts, Directory directory) {
		this.script = ScriptLoader.load(settings.script());
		ScriptValidator.validate(ScriptLoader.name(settings.script()), script, texts);
		this.riskScreen = riskScreen(script);
		this.imminentOutcome = riskScreen.stream().filter(id -> "imminent".equals(script.state(id).risk())).findFirst()
			.orElse(null);
		this.machine = new TriageMachine(script, riskScreen);
		this.texts = texts;
		this.advice = new Advice(directory, texts);
		this.countryQuestion = countryQuestion(script);
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
		if (CHANGE_COUNTRY.equals(choiceId) && countryQuestion != null) {
			return askCountry(state, false, new ArrayList<>());
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
		TriageState answered = new TriageState(state.node(), facts, locale, state.countryHint());
		if (state.node().equals(countryQuestion) && facts.containsKey(Facts.AFTER_COUNTRY)) {
			return afterCountry(answered);
		}
		String target = machine.next(state.node(), facts);
		return arrive(answered.at(target, facts), new ArrayList<>());
	}

	/**
	 * A crisis signal was found in what the user wrote: the crisis card first, then the risk screen, after which the
	 * triage goes on where it was. Inside the risk screen the signal counts as the answer {@code yes} where the
	 * question has one (a false alarm is better than a missed one), else the question is asked again.
	 */
	public TriageTurn crisis(TriageState stored) {
		return crisis(stored, false);
	}

	/**
	 * Like {@link #crisis(TriageState)}; for an imminent danger (an act in progress or done, intent with a method,
	 * a place or a time) the questions of the risk screen that would ask about a plan are skipped: the screen's
	 * imminent outcome follows the crisis card at once, then its last question.
	 */
	public TriageTurn crisis(TriageState stored, boolean imminent) {
		TriageState state = known(stored);
		if (imminent && imminentOutcome != null && advice.place(state).isPresent()) {
			Map<String, String> facts = new HashMap<>(state.facts());
			if (!riskScreen.contains(state.node())) {
				facts.put(Facts.RESUME_TO, state.node());
			}
			for (String question : RISK_QUESTIONS) {
				facts.put(question, YES);
			}
			TriageTurn outcome = arrive(state.at(imminentOutcome, facts),
					new ArrayList<>(List.of(advice.crisisCard(state))));
			// the card comes first, right after the emergency sentence; the outcome would show it again
			List<Bubble> once = outcome.bubbles().stream().distinct().toList();
			return withCountryChange(new TriageTurn(outcome.state(), once, outcome.choices(), outcome.command()));
		}
		if (advice.place(state).isEmpty() && countryQuestion != null) {
			// no country and no guess: every region's emergency number, and the country question right there
			return askCountry(state, true, new ArrayList<>(List.of(advice.askingCard(state))));
		}
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
			return withCountryChange(new TriageTurn(yes.state(), bubbles, yes.choices(), yes.command()));
		}
		Map<String, String> facts = new HashMap<>(state.facts());
		facts.put(Facts.RESUME_TO, state.node());
		String target = machine.crisis(state.node(), facts);
		return arrive(state.at(target, facts), bubbles);
	}

	/**
	 * Asks the triage's country question now, from a crisis card: once answered, that country's crisis lines are
	 * shown and the triage goes back to where it was (or on into the crisis path, when it was waiting for the
	 * country).
	 * @param crisisAfter whether the crisis path follows the answer
	 * @param bubbles what to say first; the question is asked unless a card there asks it already
	 */
	private TriageTurn askCountry(TriageState state, boolean crisisAfter, List<Bubble> bubbles) {
		Map<String, String> facts = new HashMap<>(state.facts());
		if (!state.node().equals(countryQuestion) || crisisAfter) {
			facts.putIfAbsent(Facts.AFTER_COUNTRY, state.node());
		}
		if (crisisAfter) {
			facts.put(Facts.CRISIS_AFTER_COUNTRY, YES);
		}
		TriageState asking = state.at(countryQuestion, facts);
		if (bubbles.isEmpty()) {
			bubbles.add(Bubble.text(advice.say(asking, script.state(countryQuestion).ask())));
		}
		return new TriageTurn(asking, bubbles, choices(asking), null);
	}

	/** The country asked from a crisis card is known now: its crisis lines, then back to where the user was. */
	private TriageTurn afterCountry(TriageState answered) {
		Map<String, String> facts = new HashMap<>(answered.facts());
		String back = facts.remove(Facts.AFTER_COUNTRY);
		boolean crisisAfter = YES.equals(facts.remove(Facts.CRISIS_AFTER_COUNTRY));
		TriageState there = answered.at(back != null && script.state(back) != null ? back : script.start(), facts);
		if (crisisAfter) {
			return crisis(there);
		}
		return ask(there, new ArrayList<>(List.of(advice.crisisCard(there))));
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
		TriageState switched = new TriageState(state.node(), state.facts(), next, state.countryHint());
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

	/**
	 * @return the one short sentence with the emergency number (of the user's country, else the guessed one's, else
	 * every region's) that comes before anything else when the danger is imminent
	 */
	public Bubble emergency(TriageState state) {
		return advice.emergency(state);
	}

	/** @return the crisis lines for this user as a block of text, headed by the country's name */
	public String crisisLines(TriageState state) {
		return advice.lines(state);
	}

	/**
	 * @return the label of a choice the user could tap now (the current question's buttons and the change of a
	 * guessed country), if there is one with that id
	 */
	public Optional<String> label(TriageState state, String choiceId) {
		if (CHANGE_COUNTRY.equals(choiceId)) {
			return Optional.ofNullable(advice.changeCountry(state));
		}
		return choices(state).stream().filter(c -> c.id().equals(choiceId)).map(Choice::label).findFirst();
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
		return script.state(state.node()) != null ? state : state.at(script.start(), state.facts());
	}

	private TriageTurn prefixed(TriageState state, Bubble first) {
		return ask(state, new ArrayList<>(List.of(first)));
	}

	private TriageTurn arrive(TriageState arrived, List<Bubble> bubbles) {
		TriageState state = arrived;
		boolean linesShown = false;
		for (int step = 0; step < MAX_PASS_THROUGH; step++) {
			if (TriageScript.RESUME.equals(state.node())) {
				return resume(state, bubbles);
			}
			TriageScript.StateDef def = script.state(state.node());
			state = withRisk(state, def.risk());
			boolean saidLines = false;
			for (String key : def.say()) {
				bubbles.add(Bubble.text(advice.say(state, key)));
				saidLines |= advice.carriesLines(state, key);
			}
			if (def.risk() != null && !saidLines) {
				// a risk outcome whose words do not list the crisis lines themselves gets the card after them
				bubbles.add(advice.crisisCard(state));
			}
			linesShown |= saidLines;
			if (def.showsPlan()) {
				bubbles.addAll(plan.bubbles(state, true));
			}
			if (!def.passesThrough()) {
				return ask(state, bubbles, linesShown || hasCard(bubbles));
			}
			state = state.at(machine.next(state.node(), state.facts()), state.facts());
		}
		throw new IllegalStateException("the triage script loops through pass-through states at " + state.node());
	}

	private TriageTurn resume(TriageState state, List<Bubble> bubbles) {
		Map<String, String> facts = new HashMap<>(state.facts());
		String back = facts.remove(Facts.RESUME_TO);
		TriageState resumed = state.at(back != null && script.state(back) != null ? back : script.start(), facts);
		bubbles.add(Bubble.text(advice.say(resumed, "crisis.resume")));
		if (resumed.node().equals(countryQuestion) && resumed.country() != null) {
			// the country was answered on the way (asked from the crisis card): no need to ask it again
			return arrive(resumed.at(machine.next(resumed.node(), facts), facts), bubbles);
		}
		return ask(resumed, bubbles);
	}

	/**
	 * Asks the current question; under crisis lines of a guessed country the user gets the one-tap change too.
	 */
	private TriageTurn ask(TriageState state, List<Bubble> bubbles) {
		return ask(state, bubbles, hasCard(bubbles));
	}

	/** @param linesShown whether crisis lines are among the bubbles (those of a guessed country get a change) */
	private TriageTurn ask(TriageState state, List<Bubble> bubbles, boolean linesShown) {
		TriageScript.StateDef def = script.state(state.node());
		if (def.asks()) {
			bubbles.add(Bubble.text(advice.say(state, def.ask())));
		}
		List<Choice> choices = new ArrayList<>(choices(state));
		String change = advice.changeCountry(state);
		if (linesShown && change != null && countryQuestion != null && !state.node().equals(countryQuestion)) {
			choices.add(new Choice(CHANGE_COUNTRY, change));
		}
		return new TriageTurn(state, bubbles, choices, null);
	}

	/** @return the turn with the change of a guessed country among its buttons, where it fits */
	private TriageTurn withCountryChange(TriageTurn turn) {
		String change = advice.changeCountry(turn.state());
		if (change == null || countryQuestion == null || turn.state().node().equals(countryQuestion)
				|| turn.choices().stream().anyMatch(c -> c.id().equals(CHANGE_COUNTRY))) {
			return turn;
		}
		List<Choice> choices = new ArrayList<>(turn.choices());
		choices.add(new Choice(CHANGE_COUNTRY, change));
		return new TriageTurn(turn.state(), turn.bubbles(), choices, turn.command());
	}

	private static boolean hasCard(List<Bubble> bubbles) {
		return bubbles.stream().anyMatch(b -> b.kind() == Bubble.Kind.CRISIS);
	}

	private static TriageState withRisk(TriageState state, String risk) {
		String recorded = state.facts().get(Facts.RISK);
		if (risk == null || recorded != null && RISK_ORDER.indexOf(risk) <= RISK_ORDER.indexOf(recorded)) {
			return state;
		}
		Map<String, String> facts = new HashMap<>(state.facts());
		facts.put(Facts.RISK, risk);
		return state.at(state.node(), facts);
	}

	/** @return the state whose choices set the country, or {@code null} when the script asks for none */
	private static String countryQuestion(TriageScript script) {
		return script.states().entrySet().stream()
			.filter(e -> e.getValue().choices().stream().anyMatch(c -> c.set().containsKey(Facts.COUNTRY)))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse(null);
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
