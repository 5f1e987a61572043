package org.scoutline.schedule;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.scoutline.schedule.SessionProblem.Code;

/**
 * Refuses a session whose occurrences overlap those of another session with any of the
 * same people (rostered scouts or supervisor) on duty, looking ahead over the horizon
 * (recurrences included), and one whose own occurrences overlap each other.
 */
final class SessionOverlaps {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm VV");

	private SessionOverlaps() {
	}

	/**
	 * @throws InvalidSessionException naming the first clash with each other session
	 */
	static void check(LiveSession candidate, List<LiveSession> others, Instant from, Instant to) {
		List<Occurrence> mine = Recurrences.between(candidate, from, to);
		List<SessionProblem> problems = new ArrayList<>();
		for (int i = 1; i < mine.size(); i++) {
			if (mine.get(i - 1).overlaps(mine.get(i))) {
				String when = mine.get(i).start().format(WHEN);
				problems.add(new SessionProblem("recurrence", Code.OVERLAP_SELF, Map.of("when", when),
						"occurrences overlap each other (on " + when
								+ "); the session is longer than the gap between them"));
				break;
			}
		}
		for (LiveSession other : others) {
			Set<String> shared = new TreeSet<>(candidate.onDuty());
			shared.retainAll(other.onDuty());
			if (other.id().equals(candidate.id()) || shared.isEmpty()) {
				continue;
			}
			firstClash(mine, Recurrences.between(other, from, to)).ifPresent(
					clash -> problems.add(overlap(other, clash.start().format(WHEN), String.join(", ", shared))));
		}
		if (!problems.isEmpty()) {
			throw new InvalidSessionException(problems);
		}
	}

	private static SessionProblem overlap(LiveSession other, String when, String people) {
		return new SessionProblem("scouts", Code.OVERLAP_SCOUTS,
				Map.of("other", other.title(), "id", other.id(), "when", when, "people", people),
				"overlaps '" + other.title() + "' (" + other.id() + ") on " + when + " for " + people);
	}

	private static Optional<Occurrence> firstClash(List<Occurrence> mine, List<Occurrence> theirs) {
		int i = 0;
		int j = 0;
		while (i < mine.size() && j < theirs.size()) {
			if (mine.get(i).overlaps(theirs.get(j))) {
				return Optional.of(theirs.get(j));
			}
			if (mine.get(i).end().toInstant().isBefore(theirs.get(j).end().toInstant())) {
				i++;
			}
			else {
				j++;
			}
		}
		return Optional.empty();
	}

}
