package org.scoutline.console;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.scoutline.conversation.ConversationId;
import org.scoutline.handover.ScoutDuty;
import org.scoutline.handover.ScoutSide;
import org.scoutline.schedule.LiveSessions;
import org.scoutline.schedule.Occurrence;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is on duty now, for coordinators and supervisors: the sessions running now (title,
 * times in their own zone), their rostered scouts and supervisor with whether each is
 * checked in (console connected, account enabled) and how many chats each holds, every
 * supervisor checked in, and the queue: how many wait and the longest wait. Staff appear
 * by username and alias only; nothing about the young people but counts.
 */
@RestController
class DutyApi {

	private final LiveSessions sessions;

	private final ScoutDuty duty;

	private final ScoutSide handover;

	private final Accounts accounts;

	private final Clock clock;

	DutyApi(LiveSessions sessions, ScoutDuty duty, ScoutSide handover, Accounts accounts, Clock clock) {
		this.sessions = sessions;
		this.duty = duty;
		this.handover = handover;
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * @param checkedIn whether the console is connected now and the account enabled
	 * @param chats the chats this person holds now
	 */
	record Person(String username, String alias, String role, boolean checkedIn, int chats) {
	}

	/**
	 * A session running now; times are local in {@code timeZone}, as the coordinator
	 * entered them (e.g. {@code 2026-02-10T19:00}).
	 */
	record Running(String occurrence, String sessionId, String title, String timeZone, String start, String end,
			String escalationsStopAt, boolean escalationsStopped, List<Person> scouts, Person supervisor) {
	}

	/**
	 * @param waiting how many young people wait in the queue now
	 * @param longestWaitSeconds how long the one waiting longest has waited, {@code null}
	 * when nobody waits
	 */
	record OnDuty(String at, List<Running> sessions, List<Person> supervisors, int waiting, Long longestWaitSeconds) {
	}

	@GetMapping("/console/api/duty")
	OnDuty now() {
		Instant now = clock.instant();
		Set<String> present = Set.copyOf(duty.onDuty());
		List<Running> running = sessions.occurrences(now, now.plusSeconds(1))
			.stream()
			.filter(occurrence -> occurrence.liveAt(now))
			.map(occurrence -> running(occurrence, present, now))
			.toList();
		List<Person> supervisors = present.stream()
			.map(name -> person(name, present))
			.filter(p -> Role.SUPERVISOR.name().equals(p.role()))
			.sorted(java.util.Comparator.comparing(Person::username))
			.toList();
		List<String> waiting = handover.waiting();
		return new OnDuty(now.toString(), running, supervisors, waiting.size(), longestWait(waiting, now));
	}

	private Running running(Occurrence occurrence, Set<String> present, Instant now) {
		List<Person> scouts = new ArrayList<>();
		occurrence.session().scouts().forEach(name -> scouts.add(person(name, present)));
		return new Running(occurrence.key(), occurrence.session().id(), occurrence.session().title(),
				occurrence.session().zone().getId(), occurrence.start().toLocalDateTime().toString(),
				occurrence.end().toLocalDateTime().toString(),
				occurrence.escalationsStopAt().toLocalDateTime().toString(), occurrence.escalationsStoppedAt(now),
				scouts, person(occurrence.session().supervisor(), present));
	}

	private Person person(String username, Set<String> present) {
		Account account = accounts.find(username).orElse(null);
		if (account == null) {
			return new Person(username, username, null, false, 0);
		}
		boolean checkedIn = account.enabled() && present.contains(username);
		return new Person(username, account.alias(), account.role().name(), checkedIn,
				handover.chatsOf(username).size());
	}

	private Long longestWait(List<String> waiting, Instant now) {
		Long earliest = null;
		for (String id : waiting) {
			Long queuedAt = handover.state(new ConversationId(id)).queuedAt();
			if (queuedAt != null && (earliest == null || queuedAt < earliest)) {
				earliest = queuedAt;
			}
		}
		return earliest == null ? null : Math.max(0, (now.toEpochMilli() - earliest) / 1000);
	}

}
