package org.scoutline.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.scoutline.conversation.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The schedule's API: create, edit, cancel and read live sessions; their occurrences; and
 * whether the hotline is open now ({@link #openingNow}). Every change is checked
 * completely before anything is saved.
 */
@Service
public class LiveSessions {

	private static final Logger log = LoggerFactory.getLogger(LiveSessions.class);

	private final SessionStore store;

	private final ScheduleSettings settings;

	private final Roster roster;

	private final OpeningRule openingRule;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	LiveSessions(SessionStore store, ScheduleSettings settings, ObjectProvider<Roster> rosters, Clock clock,
			ApplicationEventPublisher events) {
		this.store = store;
		this.settings = settings;
		// a second Roster bean without @Primary fails the start instead of silently
		// accepting anyone
		this.roster = rosters.getIfAvailable(() -> Roster.ANY_NAMED);
		this.openingRule = new OpeningRule(settings.perScoutCapacity());
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Saves a new session and publishes {@link SessionSaved}.
	 * @throws InvalidSessionException with every problem; nothing is saved then
	 */
	public LiveSession create(SessionDraft draft) {
		LiveSession saved = save(UUID.randomUUID().toString(), draft, false);
		log.info("live session created session={}", saved.id());
		events.publishEvent(new SessionSaved(null, saved));
		return saved;
	}

	/**
	 * Replaces a session's definition and publishes {@link SessionSaved}.
	 * @throws UnknownSessionException when there is no such session
	 * @throws InvalidSessionException with every problem; nothing is saved then
	 */
	public LiveSession update(String id, SessionDraft draft) {
		LiveSession before = find(id).orElseThrow(() -> new UnknownSessionException(id));
		LiveSession saved = save(id, draft, true);
		log.info("live session edited session={}", id);
		events.publishEvent(new SessionSaved(before, saved));
		return saved;
	}

	/**
	 * Cancels a session (all its occurrences) and publishes {@link SessionCancelled}.
	 * @throws UnknownSessionException when there is no such session
	 */
	public void cancel(String id) {
		LiveSession session = find(id).orElseThrow(() -> new UnknownSessionException(id));
		if (!store.delete(id)) {
			throw new UnknownSessionException(id);
		}
		Instant now = clock.instant();
		Occurrence running = Recurrences.between(session, now, now.plusSeconds(1))
			.stream()
			.filter(occurrence -> occurrence.liveAt(now))
			.findFirst()
			.orElse(null);
		events.publishEvent(new SessionCancelled(session, running));
		log.info("live session cancelled session={} wasLive={}", id, running != null);
	}

	public Optional<LiveSession> find(String id) {
		return store.find(id);
	}

	/**
	 * @param key an occurrence key ({@link Occurrence#key()}: session id and start
	 * second)
	 * @return that occurrence, while its session still exists and still starts one then
	 */
	public Optional<Occurrence> occurrence(String key) {
		int colon = key.lastIndexOf(':');
		if (colon <= 0 || !key.substring(colon + 1).matches("\\d{1,12}")) {
			return Optional.empty();
		}
		Instant start = Instant.ofEpochSecond(Long.parseLong(key.substring(colon + 1)));
		return find(key.substring(0, colon))
			.flatMap(session -> Recurrences.between(session, start, start.plusSeconds(1))
				.stream()
				.filter(o -> o.key().equals(key))
				.findFirst());
	}

	/**
	 * @return whether {@code username} is staff who may be on duty now (with the console:
	 * an existing account that is enabled now)
	 */
	public boolean isStaff(String username) {
		return roster.exists(username);
	}

	/**
	 * @return the time zone of a session that names none (the organisation's)
	 */
	public ZoneId defaultZone() {
		return settings.zone();
	}

	/**
	 * @return every session, by first start
	 */
	public List<LiveSession> all() {
		return store.all();
	}

	/**
	 * @return the occurrences of all sessions that overlap {@code [from, to)}, by start
	 */
	public List<Occurrence> occurrences(Instant from, Instant to) {
		List<Occurrence> occurrences = new ArrayList<>();
		for (LiveSession session : store.all()) {
			try {
				occurrences.addAll(Recurrences.between(session, from, to));
			}
			catch (RuntimeException ex) {
				// checked when saved; a session that still cannot be expanded must not
				// take the others down
				log.warn("live session not expandable session={} cause={}", session.id(),
						ex.getClass().getSimpleName());
			}
		}
		occurrences.sort(Comparator.comparing((Occurrence o) -> o.start().toInstant()).thenComparing(Occurrence::key));
		return occurrences;
	}

	/**
	 * @return the occurrences running now or starting within the horizon, soonest first,
	 * at most {@code count}
	 */
	public List<Occurrence> upcoming(int count) {
		Instant now = clock.instant();
		return occurrences(now, now.plus(settings.horizon())).stream().limit(count).toList();
	}

	/**
	 * @return the next occurrences on {@code channel} that start after {@code after},
	 * soonest first, at most three
	 */
	public List<Occurrence> startingAfter(Channel channel, Instant after) {
		return occurrences(after, clock.instant().plus(settings.horizon())).stream()
			.filter(occurrence -> occurrence.session().channels().contains(channel))
			.filter(occurrence -> occurrence.start().toInstant().isAfter(after))
			.limit(OpeningRule.NEXT_OFFERED)
			.toList();
	}

	/**
	 * The opening rule applied now for an escalation from {@code channel}: the occurrence
	 * live now on that channel (of several, the one with the most of its rostered scouts
	 * checked in), how many of its rostered scouts are checked in, and the queue length;
	 * the next occurrences offered are those on the same channel. This is what the
	 * handover's {@code ScoutDuty} asks before promising a human.
	 * @param channel where the user writes from
	 * @param checkedIn whether a scout (by username) is checked in right now
	 * @param queueLength conversations waiting now
	 */
	public OpeningDecision openingNow(Channel channel, Predicate<String> checkedIn, int queueLength) {
		Instant now = clock.instant();
		List<Occurrence> ahead = occurrences(now, now.plus(settings.horizon())).stream()
			.filter(occurrence -> occurrence.session().channels().contains(channel))
			.toList();
		Optional<Occurrence> live = ahead.stream()
			.filter(occurrence -> occurrence.liveAt(now))
			.max(Comparator.comparingLong(occurrence -> checkedInRostered(occurrence, checkedIn)));
		int scouts = live.map(occurrence -> (int) checkedInRostered(occurrence, checkedIn)).orElse(0);
		return openingRule.decide(now, live, scouts, queueLength, ahead);
	}

	private static long checkedInRostered(Occurrence occurrence, Predicate<String> checkedIn) {
		return occurrence.session().scouts().stream().filter(checkedIn).count();
	}

	private LiveSession save(String id, SessionDraft draft, boolean existing) {
		LiveSession candidate = new DraftChecks(settings, roster).check(id, draft);
		Instant now = clock.instant();
		return store.save(current -> {
			if (existing && current.stream().noneMatch(session -> session.id().equals(id))) {
				// cancelled meanwhile: an edit does not bring it back
				throw new UnknownSessionException(id);
			}
			SessionOverlaps.check(candidate, current, now, now.plus(settings.horizon()));
			return candidate;
		});
	}

}
