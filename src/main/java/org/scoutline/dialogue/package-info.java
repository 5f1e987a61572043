/**
 * The triage dialogue. {@link org.scoutline.dialogue.Triage} is the only way in: it takes
 * a conversation's {@link org.scoutline.dialogue.TriageState} and an answer and returns
 * the next state with what the bot says. The flow is data ({@code config/triage.yml},
 * validated at start-up) run by Spring Statemachine, which stays behind this facade so
 * that it can be replaced without touching channels or the console.
 */
@ApplicationModule(displayName = "Dialogue",
		allowedDependencies = { "platform", "conversation", "directory", "safety" })
package org.scoutline.dialogue;

import org.springframework.modulith.ApplicationModule;
