package org.scoutline.dialogue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.scoutline.conversation.Bubble;
import org.scoutline.conversation.Choice;

/**
 * Writes the bot's turn at a state of the triage script: the words of every state it
 * arrives at and passes through, the crisis card where a risk outcome needs one, the
 * action plan where the script shows it, then the question with its buttons and, under
 * crisis lines of a guessed country, the one-tap change ({@link Triage#CHANGE_COUNTRY}).
 */
final class TurnRenderer {

	private static final int MAX_PASS_THROUGH = 64;

	private final TriageScript script;

	private final TriageSteps machine;

	private final Texts texts;

	private final Advice advice;

	private final ActionPlan plan;

	/**
	 * the state that asks for the country (its choices set {@code country}), or
	 * {@code null}
	 */
	private final String countryQuestion;

	TurnRenderer(TriageScript script, TriageSteps machine, Texts texts, Advice advice, ActionPlan plan) {
		this.script = script;
		this.machine = machine;
		this.texts = texts;
		this.advice = advice;
		this.plan = plan;
		this.countryQuestion = countryQuestion(script);
	}

	/**
	 * @return the state that asks for the country (its choices set {@code country}), or
	 * {@code null}
	 */
	String countryQuestion() {
		return countryQuestion;
	}

	/**
	 * @return the state, or the start with the same facts when its node is no longer in
	 * the script (the script was edited while the conversation was stored)
	 */
	TriageState known(TriageState state) {
		return script.state(state.node()) != null ? state : state.at(script.start(), state.facts());
	}

	/**
	 * @return the buttons of the current question
	 */
	List<Choice> choices(TriageState state) {
		TriageScript.StateDef def = script.state(state.node());
		if (def == null) {
			return List.of();
		}
		List<Choice> choices = new ArrayList<>(def.showsPlan() ? plan.choices(state) : List.of());
		def.choices().forEach(c -> choices.add(new Choice(c.id(), texts.get(state.locale(), c.label()))));
		return List.copyOf(choices);
	}

	/**
	 * @param bubbles what to say first; the words of the states on the way follow
	 * @return the turn at the first state from {@code arrived} on that does not pass
	 * through
	 */
	TriageTurn arrive(TriageState arrived, List<Bubble> bubbles) {
		TriageState state = arrived;
		boolean linesShown = false;
		for (int step = 0; step < MAX_PASS_THROUGH; step++) {
			if (TriageScript.RESUME.equals(state.node())) {
				return resume(state, bubbles);
			}
			TriageScript.StateDef def = script.state(state.node());
			state = RiskScreen.withRisk(state, def.risk());
			boolean saidLines = false;
			for (String key : def.say()) {
				bubbles.add(Bubble.text(advice.say(state, key)));
				saidLines |= advice.carriesLines(state, key);
			}
			if (def.risk() != null && !saidLines) {
				// a risk outcome whose words do not list the crisis lines themselves gets
				// the card after them
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

	/**
	 * @return the turn at {@code at} after the crisis card, which comes first, right
	 * after the emergency sentence: the card the state would show again is shown once,
	 * and the change of a guessed country follows
	 */
	TriageTurn arriveAfterCard(TriageState at, Bubble card) {
		TriageTurn outcome = arrive(at, new ArrayList<>(List.of(card)));
		List<Bubble> once = outcome.bubbles().stream().distinct().toList();
		return withCountryChange(new TriageTurn(outcome.state(), once, outcome.choices(), outcome.command()));
	}

	private TriageTurn resume(TriageState state, List<Bubble> bubbles) {
		Map<String, String> facts = new HashMap<>(state.facts());
		String back = facts.remove(Facts.RESUME_TO);
		TriageState resumed = state.at(back != null && script.state(back) != null ? back : script.start(), facts);
		bubbles.add(Bubble.text(advice.say(resumed, "crisis.resume")));
		if (resumed.node().equals(countryQuestion) && resumed.country() != null) {
			// the country was answered on the way (asked from the crisis card): no need
			// to ask it again
			return arrive(resumed.at(machine.next(resumed.node(), facts), facts), bubbles);
		}
		return ask(resumed, bubbles);
	}

	/**
	 * Asks the current question; under crisis lines of a guessed country the user gets
	 * the one-tap change too.
	 */
	TriageTurn ask(TriageState state, List<Bubble> bubbles) {
		return ask(state, bubbles, hasCard(bubbles));
	}

	/**
	 * @param linesShown whether crisis lines are among the bubbles (those of a guessed
	 * country get a change)
	 */
	private TriageTurn ask(TriageState state, List<Bubble> bubbles, boolean linesShown) {
		TriageScript.StateDef def = script.state(state.node());
		if (def.asks()) {
			bubbles.add(Bubble.text(advice.say(state, def.ask())));
		}
		List<Choice> choices = new ArrayList<>(choices(state));
		String change = advice.changeCountry(state);
		if (linesShown && change != null && countryQuestion != null && !state.node().equals(countryQuestion)) {
			choices.add(new Choice(Triage.CHANGE_COUNTRY, change));
		}
		return new TriageTurn(state, bubbles, choices, null);
	}

	/**
	 * Asks the triage's country question now, from a crisis card: once answered, that
	 * country's crisis lines are shown and the triage goes back to where it was (or on
	 * into the crisis path, when it was waiting for the country).
	 * @param crisisAfter whether the crisis path follows the answer
	 * @param bubbles what to say first; the question is asked unless a card there asks it
	 * already
	 */
	TriageTurn askCountry(TriageState state, boolean crisisAfter, List<Bubble> bubbles) {
		Map<String, String> facts = new HashMap<>(state.facts());
		if (!state.node().equals(countryQuestion) || crisisAfter) {
			facts.putIfAbsent(Facts.AFTER_COUNTRY, state.node());
		}
		if (crisisAfter) {
			facts.put(Facts.CRISIS_AFTER_COUNTRY, RiskScreen.YES);
		}
		TriageState asking = state.at(countryQuestion, facts);
		if (bubbles.isEmpty()) {
			bubbles.add(Bubble.text(advice.say(asking, script.state(countryQuestion).ask())));
		}
		return new TriageTurn(asking, bubbles, choices(asking), null);
	}

	/**
	 * @param text what the user typed, answering nothing here
	 * @return the request to tap a button ({@link UnclearAnswer}); where it lists the
	 * crisis lines of a guessed country, with the one-tap change
	 */
	TriageTurn unclear(TriageState state, String text) {
		String key = UnclearAnswer.key(text);
		List<Bubble> bubbles = new ArrayList<>(List.of(Bubble.notice(advice.say(state, key))));
		TriageTurn turn = new TriageTurn(state, bubbles, choices(state), null);
		return advice.carriesLines(state, key) ? withCountryChange(turn) : turn;
	}

	/**
	 * @return the turn with the change of a guessed country among its buttons, where it
	 * fits
	 */
	TriageTurn withCountryChange(TriageTurn turn) {
		String change = advice.changeCountry(turn.state());
		if (change == null || countryQuestion == null || turn.state().node().equals(countryQuestion)
				|| turn.choices().stream().anyMatch(c -> c.id().equals(Triage.CHANGE_COUNTRY))) {
			return turn;
		}
		List<Choice> choices = new ArrayList<>(turn.choices());
		choices.add(new Choice(Triage.CHANGE_COUNTRY, change));
		return new TriageTurn(turn.state(), turn.bubbles(), choices, turn.command());
	}

	private static boolean hasCard(List<Bubble> bubbles) {
		return bubbles.stream().anyMatch(b -> b.kind() == Bubble.Kind.CRISIS);
	}

	/**
	 * @return the state whose choices set the country, or {@code null} when the script
	 * asks for none
	 */
	private static String countryQuestion(TriageScript script) {
		return script.states()
			.entrySet()
			.stream()
			.filter(e -> e.getValue().choices().stream().anyMatch(c -> c.set().containsKey(Facts.COUNTRY)))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse(null);
	}

}
