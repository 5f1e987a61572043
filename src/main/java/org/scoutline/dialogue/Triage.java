package org.scoutline.dialogue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.scoutline.conversation.Bubble;
import org.scoutline.conversation.Choice;
import org.scoutline.directory.Directory;
import org.springframework.stereotype.Component;

/**
 * The triage bot's only entry point. Each method takes where a conversation stands and
 * returns where it goes next with what the bot says; nothing is kept between calls. The
 * script is loaded and validated when the application starts, which fails with every
 * problem listed if the script is wrong. {@link TurnRenderer} writes the turns,
 * {@link Answers} reads what the user tapped or typed, {@link RiskScreen} knows the
 * states a crisis leads through.
 */
@Component
public class Triage {

	/**
	 * The one-tap change under crisis lines of a guessed country ("Nicht in
	 * Deutschland?"): asks the triage's country question right there, shows that
	 * country's lines and goes back to where the user was.
	 */
	public static final String CHANGE_COUNTRY = "change_country";

	private final TriageScript script;

	private final RiskScreen riskScreen;

	private final TriageSteps machine;

	private final Texts texts;

	private final Advice advice;

	/** the state that asks for the country, or {@code null} */
	private final String countryQuestion;

	private final ActionPlan plan;

	private final Answers answers;

	private final TurnRenderer turns;

	/**
	 * @param steps what takes the place of a {@link TriageMachine} (a test's), or empty
	 */
	Triage(DialogueSettings settings, Texts texts, Directory directory, Optional<TriageSteps.Maker> steps) {
		this.script = ScriptLoader.load(settings.script()).offering(texts.locales());
		ScriptValidator.validate(ScriptLoader.name(settings.script()), script, texts);
		this.riskScreen = RiskScreen.of(script);
		this.machine = steps.orElse(TriageSteps::standard).make(script, riskScreen.states());
		this.texts = texts;
		this.advice = new Advice(directory, texts);
		this.plan = new ActionPlan(script.plan(), directory, texts, advice);
		this.answers = new Answers(texts);
		this.turns = new TurnRenderer(script, machine, texts, advice, plan);
		this.countryQuestion = turns.countryQuestion();
	}

	/**
	 * @return the first turn of a new conversation in {@code locale}
	 */
	public TriageTurn begin(String locale) {
		return turns.arrive(new TriageState(script.start(), Map.of(), texts.supported(locale)), new ArrayList<>());
	}

	/**
	 * @param state where the conversation stands
	 * @param choiceId the id of a tapped button, or {@code null} for typed text
	 * @param text typed text, or {@code null}
	 * @return the next turn; typed text that answers nothing asks the user to tap a
	 * button. Once the plan is shown, its sections and its plain text are choices too
	 * ({@link Choice#PLAN_PART}).
	 */
	public TriageTurn answer(TriageState state, String choiceId, String text) {
		TriageScript.StateDef current = script.state(state.node());
		if (current == null) {
			return restart(state);
		}
		if (CHANGE_COUNTRY.equals(choiceId) && countryQuestion != null) {
			return turns.askCountry(state, false, new ArrayList<>());
		}
		Optional<TriageScript.ChoiceDef> choice = answers.find(current, choiceId, text);
		if (choice.isEmpty() && current.showsPlan()) {
			Optional<Bubble> part = plan.open(state, choiceId, text);
			if (part.isPresent()) {
				return new TriageTurn(state, List.of(part.get()), choices(state), null);
			}
		}
		if (choice.isEmpty()) {
			return turns.unclear(state, text);
		}
		if (choice.get().command() != null) {
			return new TriageTurn(state, List.of(), choices(state), choice.get().command());
		}
		TriageState answered = answers.taken(state, choice.get());
		Map<String, String> facts = answered.facts();
		if (state.node().equals(countryQuestion) && facts.containsKey(Facts.AFTER_COUNTRY)) {
			return afterCountry(answered);
		}
		String target = machine.next(state.node(), facts);
		return turns.arrive(answered.at(target, facts), new ArrayList<>());
	}

	/**
	 * A crisis signal was found in what the user wrote: the crisis card first, then the
	 * risk screen, after which the triage goes on where it was. Inside the risk screen
	 * the signal counts as the answer {@code yes} where the question has one (a false
	 * alarm is better than a missed one), else the question is asked again. For an
	 * imminent danger (an act in progress or done, intent with a method, a place or a
	 * time) the questions of the risk screen that would ask about a plan are skipped: the
	 * screen's imminent outcome follows the crisis card at once, then its last question.
	 */
	public TriageTurn crisis(TriageState stored, boolean imminent) {
		TriageState state = turns.known(stored);
		if (imminent && riskScreen.imminentOutcome() != null && advice.place(state).isPresent()) {
			return turns.arriveAfterCard(riskScreen.imminent(state), advice.crisisCard(state));
		}
		if (advice.place(state).isEmpty() && countryQuestion != null) {
			// no country and no guess: every region's emergency number, and the country
			// question right there
			return turns.askCountry(state, true, new ArrayList<>(List.of(advice.askingCard(state))));
		}
		List<Bubble> bubbles = new ArrayList<>(List.of(advice.crisisCard(state)));
		if (script.crisis() == null) {
			return turns.ask(state, bubbles);
		}
		if (riskScreen.contains(state.node())) {
			if (Answers.byId(script.state(state.node()), RiskScreen.YES).isEmpty()) {
				return turns.ask(state, bubbles);
			}
			TriageTurn yes = answer(state, RiskScreen.YES, null);
			bubbles.addAll(yes.bubbles());
			return turns.withCountryChange(new TriageTurn(yes.state(), bubbles, yes.choices(), yes.command()));
		}
		Map<String, String> facts = new HashMap<>(state.facts());
		facts.put(Facts.RESUME_TO, state.node());
		String target = machine.crisis(state.node(), facts);
		return turns.arrive(state.at(target, facts), bubbles);
	}

	/**
	 * The country asked from a crisis card is known now: its crisis lines, then back to
	 * where the user was.
	 */
	private TriageTurn afterCountry(TriageState answered) {
		Map<String, String> facts = new HashMap<>(answered.facts());
		String back = facts.remove(Facts.AFTER_COUNTRY);
		boolean crisisAfter = RiskScreen.YES.equals(facts.remove(Facts.CRISIS_AFTER_COUNTRY));
		TriageState there = answered.at(back != null && script.state(back) != null ? back : script.start(), facts);
		if (crisisAfter) {
			return crisis(there, false);
		}
		return turns.ask(there, new ArrayList<>(List.of(advice.crisisCard(there))));
	}

	/**
	 * @return the current question again, with its buttons
	 */
	public TriageTurn current(TriageState state) {
		return turns.ask(turns.known(state), new ArrayList<>());
	}

	/**
	 * @return a fresh start in the same language, with a notice
	 */
	public TriageTurn restart(TriageState state) {
		TriageTurn fresh = begin(state.locale());
		List<Bubble> bubbles = new ArrayList<>(List.of(notice(fresh.state(), "system.restarted")));
		bubbles.addAll(fresh.bubbles());
		return new TriageTurn(fresh.state(), bubbles, fresh.choices(), null);
	}

	/**
	 * @return the same place in the next language, with a notice in that language
	 */
	public TriageTurn switchLanguage(TriageState stored) {
		TriageState state = turns.known(stored);
		List<String> locales = List.copyOf(texts.locales());
		String next = locales.get((locales.indexOf(texts.supported(state.locale())) + 1) % locales.size());
		TriageState switched = new TriageState(state.node(), state.facts(), next, state.countryHint());
		return turns.ask(switched, new ArrayList<>(List.of(notice(switched, "system.language_switched"))));
	}

	/**
	 * @return what the bot can do, then the current question again
	 */
	public TriageTurn help(TriageState state) {
		return turns.ask(turns.known(state), new ArrayList<>(List.of(notice(state, "system.help"))));
	}

	/**
	 * @return the action plan for what is known so far, then the current question again;
	 * once the triage is done, with the More line and the sections (see
	 * {@link Bubble.Kind#SECTION})
	 */
	public TriageTurn plan(TriageState state) {
		TriageState known = turns.known(state);
		List<Bubble> bubbles = new ArrayList<>(plan.bubbles(known, script.state(known.node()).showsPlan()));
		return turns.ask(known, bubbles);
	}

	/**
	 * @return the label of a choice the user could tap now (the current question's
	 * buttons and the change of a guessed country), if there is one with that id
	 */
	public Optional<String> label(TriageState state, String choiceId) {
		if (CHANGE_COUNTRY.equals(choiceId)) {
			return Optional.ofNullable(advice.changeCountry(state));
		}
		return choices(state).stream().filter(c -> c.id().equals(choiceId)).map(Choice::label).findFirst();
	}

	/**
	 * @return a system text ({@code system.*}) for this user, as a notice bubble
	 */
	public Bubble notice(TriageState state, String key) {
		return Bubble.notice(advice.say(state, key));
	}

	/** A system text for a user whose conversation is not known. */
	public Bubble notice(String locale, String key) {
		return notice(new TriageState(script.start(), Map.of(), texts.supported(locale)), key);
	}

	/** The buttons of the current question. */
	public List<Choice> choices(TriageState state) {
		return turns.choices(state);
	}

	/** The languages offered, the default first. */
	public Set<String> locales() {
		return texts.locales();
	}

	/** The flow as a Mermaid diagram, for the counselling team. */
	public String flowAsMermaid() {
		return MermaidDiagram.render(script, texts, texts.locales().iterator().next());
	}

}
