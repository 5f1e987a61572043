package org.scoutline.dialogue;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /triage/flow.mmd}: the triage flow as a Mermaid diagram for the counselling
 * team to review.
 */
@RestController
class TriageFlowController {

	private final Triage triage;

	TriageFlowController(Triage triage) {
		this.triage = triage;
	}

	@GetMapping(path = "/triage/flow.mmd", produces = MediaType.TEXT_PLAIN_VALUE)
	String flow() {
		return triage.flowAsMermaid();
	}

}
