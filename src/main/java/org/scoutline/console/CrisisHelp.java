package org.scoutline.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.scoutline.directory.Country;
import org.scoutline.directory.Directory;
import org.scoutline.directory.Resource;
import org.scoutline.handover.ScoutDuty;
import org.springframework.stereotype.Component;

/**
 * What a scout needs next to a crisis chat: the emergency number and the crisis lines of
 * the conversation's country (from the directory; the international ones while the
 * country is unknown), in the scout's language, and honestly whether a supervisor is
 * connected now (their alias) or not.
 */
@Component
class CrisisHelp {

	static final int LINES = 3;

	private final Directory directory;

	private final ScoutDuty duty;

	private final Accounts accounts;

	CrisisHelp(Directory directory, ScoutDuty duty, Accounts accounts) {
		this.directory = directory;
		this.duty = duty;
		this.accounts = accounts;
	}

	/**
	 * @param country the conversation's country code, or {@code null}
	 * @return {@code emergency}, {@code lines} (each {@code name} and {@code contact})
	 * and {@code supervisor} (the alias of a supervisor connected now, or {@code null})
	 */
	Map<String, Object> of(String country, String language) {
		Country place = directory.country(country);
		List<Map<String, String>> lines = directory.find(country, Set.of(Resource.Kind.CRISIS), null, null, LINES)
			.stream()
			.map(line -> Map.of("name", line.nameIn(language), "contact", CannedReplies.contact(line, language)))
			.toList();
		Map<String, Object> help = new LinkedHashMap<>();
		help.put("country", place.nameIn(language));
		help.put("emergency", place.emergency());
		help.put("lines", lines);
		help.put("supervisor", supervisorOnline().orElse(null));
		return help;
	}

	/** a supervisor whose console is connected now (and whose account is enabled) */
	Optional<String> supervisorOnline() {
		return duty.onDuty()
			.stream()
			.flatMap(name -> accounts.find(name).stream())
			.filter(a -> a.enabled() && a.role() == Role.SUPERVISOR)
			.map(Account::alias)
			.findFirst();
	}

}
