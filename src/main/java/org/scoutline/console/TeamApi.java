package org.scoutline.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.scoutline.handover.ScoutDuty;
import org.scoutline.platform.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /console/api/team}: the enabled scouts and supervisors on duty now, whom a
 * chat can be handed over to.
 */
@RestController
class TeamApi {

	private final ScoutDuty duty;

	private final Accounts accounts;

	TeamApi(ScoutDuty duty, Accounts accounts) {
		this.duty = duty;
		this.accounts = accounts;
	}

	@GetMapping("/console/api/team")
	List<Map<String, String>> team(Authentication who) {
		accounts.find(who.getName())
			.filter(Account::enabled)
			.orElseThrow(() -> new ApiProblem(HttpStatus.FORBIDDEN, "account_disabled",
					"Your account is disabled. Please talk to your coordinator."));
		List<Map<String, String>> out = new ArrayList<>();
		duty.onDuty()
			.forEach(name -> accounts.find(name)
				.filter(Account::enabled)
				.ifPresent(
						a -> out.add(Map.of("username", a.username(), "alias", a.alias(), "role", a.role().name()))));
		return out;
	}

}
