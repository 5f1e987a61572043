package org.scoutline.dialogue;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.config.StateMachineFactory;
import org.springframework.statemachine.persist.DefaultStateMachinePersister;
import org.springframework.statemachine.persist.StateMachinePersister;
import org.springframework.statemachine.support.DefaultExtendedState;
import org.springframework.statemachine.support.DefaultStateMachineContext;

import reactor.core.publisher.Mono;

/**
 * The triage's steps done the way Spring Statemachine's documentation shows (the persist
 * recipe): for every step a new machine from the factory,
 * {@link StateMachinePersister#restore} of the conversation's context from Redis, the
 * answer's facts put into the extended state, {@code sendEvent},
 * {@link StateMachinePersister#persist} back to Redis, and the machine stopped. The same
 * factory (states, choices, guards) as {@link TriageMachine}.
 * <p>
 * The conversation is the person's pseudonym of the turn being handled
 * ({@link ComparedSteps} learns it where the pipeline loads the conversation). Where the
 * triage moved without the machine (the welcome, a restart) the stored context is behind:
 * the machine is then reset to where the conversation stands before the event.
 */
final class RecipeSteps implements TriageSteps {

	private final StateMachineFactory<String, String> factory;

	private final StateMachinePersister<String, String, String> persister;

	RecipeSteps(TriageScript script, Set<String> riskScreen, RedisContextPersist store) {
		this.factory = TriageMachine.build(script, riskScreen);
		this.persister = new DefaultStateMachinePersister<>(store);
	}

	@Override
	public String next(String from, Map<String, String> facts) {
		return fire("NEXT", from, facts);
	}

	@Override
	public String crisis(String from, Map<String, String> facts) {
		return fire("CRISIS", from, facts);
	}

	private String fire(String event, String from, Map<String, String> facts) {
		String conversation = ComparedSteps.conversation();
		StateMachine<String, String> machine = factory.getStateMachine();
		try {
			persister.restore(machine, conversation);
			if (!from.equals(machine.getState().getId())) {
				DefaultStateMachineContext<String, String> here = new DefaultStateMachineContext<>(from, null, null,
						new DefaultExtendedState(new HashMap<>(facts)));
				machine.getStateMachineAccessor()
					.doWithAllRegions(access -> access.resetStateMachineReactively(here).block());
			}
			else {
				Map<Object, Object> variables = machine.getExtendedState().getVariables();
				variables.clear();
				variables.putAll(facts);
			}
			machine.sendEvent(Mono.just(MessageBuilder.withPayload(event).build())).blockLast();
			String reached = machine.getState().getId();
			persister.persist(machine, conversation);
			return reached;
		}
		catch (Exception ex) {
			throw new IllegalStateException("the recipe's step failed", ex);
		}
		finally {
			machine.stopReactively().block();
		}
	}

}
