package org.scoutline.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.scoutline.conversation.Channel;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public face of the schedule for the organisation's website, calendars and the
 * widget: the iCalendar feed and the next occurrences as JSON. Both are cacheable and
 * hold no personal data (no scout names).
 */
@RestController
class PublicSchedule {

	static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

	private final LiveSessions sessions;

	private final CalendarFeed feed;

	private final ScheduleSettings settings;

	private final Clock clock;

	PublicSchedule(LiveSessions sessions, CalendarFeed feed, ScheduleSettings settings, Clock clock) {
		this.sessions = sessions;
		this.feed = feed;
		this.settings = settings;
		this.clock = clock;
	}

	@GetMapping("/calendar.ics")
	ResponseEntity<String> calendar() {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.contentType(CALENDAR)
			.body(feed.render(sessions.all()));
	}

	/**
	 * The next occurrences, optionally only those on one channel and/or in one language
	 * (the widget asks for {@code channel=WEB}).
	 */
	@GetMapping("/sessions/upcoming")
	ResponseEntity<?> upcoming(@RequestParam(required = false) String channel,
			@RequestParam(required = false) String language) {
		Optional<Channel> onlyChannel;
		try {
			onlyChannel = Optional.ofNullable(channel)
				.map(name -> Channel.valueOf(name.strip().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			return ResponseEntity.badRequest()
				.body(Map.of("error", "unknown_channel", "message",
						"channel must be one of " + Arrays.toString(Channel.values())));
		}
		Instant now = clock.instant();
		List<UpcomingSession> upcoming = sessions.upcoming(Integer.MAX_VALUE)
			.stream()
			.filter(o -> onlyChannel.map(o.session().channels()::contains).orElse(true))
			.filter(o -> language == null || o.session().languages().contains(language.strip()))
			.limit(settings.upcomingCount())
			.map(occurrence -> UpcomingSession.of(occurrence, now))
			.toList();
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic())
			.body(upcoming);
	}

	private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

	/**
	 * One occurrence as the public sees it (times ISO-8601 with offset): no roster, no
	 * supervisor.
	 */
	record UpcomingSession(String sessionId, String title, String topic, List<String> languages, List<String> channels,
			String start, String end, String timeZone, boolean liveNow) {

		static UpcomingSession of(Occurrence occurrence, Instant now) {
			LiveSession session = occurrence.session();
			return new UpcomingSession(session.id(), session.title(), session.topic(), session.languages(),
					session.channels().stream().map(Enum::name).toList(), ISO.format(occurrence.start()),
					ISO.format(occurrence.end()), session.zone().getId(), occurrence.liveAt(now));
		}

	}

}
