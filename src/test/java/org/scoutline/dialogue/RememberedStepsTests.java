package org.scoutline.dialogue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The remembered steps answer exactly as the state machine does, for every state of the
 * shipped script and many combinations of the facts its choices set, and ask the machine
 * only for a combination of guard facts not seen before.
 */
class RememberedStepsTests {

	static final TriageScript SCRIPT = ScriptLoader.load(new ClassPathResource("config/triage.yml"));

	static final Set<String> RISK = RiskScreen.of(SCRIPT).states();

	@Test
	void answersAsTheMachineForEveryStateAndManyFacts() {
		TriageMachine machine = new TriageMachine(SCRIPT, RISK);
		AtomicInteger asked = new AtomicInteger();
		RememberedSteps remembered = new RememberedSteps(counting(new TriageMachine(SCRIPT, RISK), asked), SCRIPT);
		Map<String, Set<String>> values = factValues();
		Random random = new Random(16);
		int compared = 0;
		for (int round = 0; round < 40; round++) {
			for (String state : SCRIPT.states().keySet()) {
				Map<String, String> facts = randomFacts(values, random);
				assertThat(remembered.next(state, facts)).as("NEXT from %s with %s", state, facts)
					.isEqualTo(machine.next(state, facts));
				assertThat(remembered.crisis(state, facts)).as("CRISIS from %s", state)
					.isEqualTo(machine.crisis(state, facts));
				compared += 2;
			}
		}
		assertThat(asked.get()).as("steps the machine was asked for").isPositive().isLessThan(compared);
		int before = asked.get();
		String start = SCRIPT.start();
		Map<String, String> facts = randomFacts(values, random);
		String first = remembered.next(start, facts);
		int afterFirst = asked.get();
		assertThat(remembered.next(start, new HashMap<>(facts))).isEqualTo(first);
		assertThat(asked.get()).as("the same step again is remembered")
			.isEqualTo(afterFirst)
			.isGreaterThanOrEqualTo(before);
	}

	/** every fact any choice of the script sets, with every value it can be set to */
	private static Map<String, Set<String>> factValues() {
		Map<String, Set<String>> values = new TreeMap<>();
		SCRIPT.states().values().forEach(state -> {
			if (state.choices() != null) {
				state.choices().forEach(choice -> {
					if (choice.set() != null) {
						choice.set()
							.forEach((fact, value) -> values.computeIfAbsent(fact, f -> new TreeSet<>()).add(value));
					}
				});
			}
		});
		return values;
	}

	private static Map<String, String> randomFacts(Map<String, Set<String>> values, Random random) {
		Map<String, String> facts = new HashMap<>();
		values.forEach((fact, options) -> {
			if (random.nextInt(4) > 0) {
				List<String> list = new ArrayList<>(options);
				facts.put(fact, list.get(random.nextInt(list.size())));
			}
		});
		return facts;
	}

	private static TriageSteps counting(TriageSteps steps, AtomicInteger asked) {
		return new TriageSteps() {

			@Override
			public String next(String from, Map<String, String> facts) {
				asked.incrementAndGet();
				return steps.next(from, facts);
			}

			@Override
			public String crisis(String from, Map<String, String> facts) {
				asked.incrementAndGet();
				return steps.crisis(from, facts);
			}

		};
	}

}
