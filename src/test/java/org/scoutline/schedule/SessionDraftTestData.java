package org.scoutline.schedule;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/**
 * Test data: a {@link SessionDraft} with sensible defaults, changed one named field at a
 * time, e.g.
 * {@code aSession().startingMinutesFromNow(-60).endingMinutesFromNow(240).withScouts("lena").withSupervisor("sam")
 * .withMaxQueue(50).build(clock)}.
 * <p>
 * Defaults: "Test evening" about "Deepfakes", in German and English, on every channel,
 * Europe/Berlin, from an hour ago until four hours from now, a queue of 50, escalations
 * stop 5 minutes before the end, no repeats. Nobody is on the roster until the test says
 * who (scouts and supervisor must be existing accounts when the draft is saved).
 */
public final class SessionDraftTestData {

	private SessionDraftTestData() {
	}

	/**
	 * @return a builder with the defaults above
	 */
	public static Builder aSession() {
		return new Builder();
	}

	public static final class Builder {

		private String title = "Test evening";

		private String topic = "Deepfakes";

		private List<String> languages = List.of("de", "en");

		private List<String> channels = List.of("WEB", "TELEGRAM", "WHATSAPP");

		private String timeZone = "Europe/Berlin";

		/** a local date-time, or null when {@link #startMinutes} counts from now */
		private String start;

		private String end;

		private long startMinutes = -60;

		private long endMinutes = 240;

		private List<String> scouts = List.of();

		private String supervisor;

		private Integer maxQueueLength = 50;

		private Integer escalationStopMinutes = 5;

		private String recurrence;

		private List<String> exceptions = List.of();

		private Builder() {
		}

		public Builder titled(String title) {
			this.title = title;
			return this;
		}

		public Builder about(String topic) {
			this.topic = topic;
			return this;
		}

		public Builder inLanguages(String... languages) {
			this.languages = List.of(languages);
			return this;
		}

		/**
		 * @param channels WEB, TELEGRAM and/or WHATSAPP
		 */
		public Builder onChannels(String... channels) {
			return onChannels(List.of(channels));
		}

		public Builder onChannels(List<String> channels) {
			this.channels = List.copyOf(channels);
			return this;
		}

		/**
		 * @param timeZone an IANA zone; local times and "now" are read in it
		 */
		public Builder inZone(String timeZone) {
			this.timeZone = timeZone;
			return this;
		}

		/**
		 * @param start a local date-time in the session's zone, e.g.
		 * {@code 2026-02-10T19:00}
		 */
		public Builder startingAt(String start) {
			this.start = start;
			return this;
		}

		/**
		 * @param end a local date-time in the session's zone
		 */
		public Builder endingAt(String end) {
			this.end = end;
			return this;
		}

		/**
		 * Starts this many minutes after now (negative: before), now read from the clock
		 * given to the build.
		 */
		public Builder startingMinutesFromNow(long minutes) {
			this.start = null;
			this.startMinutes = minutes;
			return this;
		}

		public Builder endingMinutesFromNow(long minutes) {
			this.end = null;
			this.endMinutes = minutes;
			return this;
		}

		public Builder withScouts(String... usernames) {
			return withScouts(Arrays.asList(usernames));
		}

		public Builder withScouts(List<String> usernames) {
			this.scouts = List.copyOf(usernames);
			return this;
		}

		public Builder withSupervisor(String username) {
			this.supervisor = username;
			return this;
		}

		/**
		 * @param maxQueueLength null: the configured default
		 */
		public Builder withMaxQueue(Integer maxQueueLength) {
			this.maxQueueLength = maxQueueLength;
			return this;
		}

		/**
		 * @param minutes before the end when new escalations stop; null: the configured
		 * default
		 */
		public Builder withEscalationStopMinutes(Integer minutes) {
			this.escalationStopMinutes = minutes;
			return this;
		}

		/**
		 * @param rule an RRULE such as {@code FREQ=WEEKLY;BYDAY=TU,TH}; null: a single
		 * session
		 */
		public Builder repeating(String rule) {
			this.recurrence = rule;
			return this;
		}

		/**
		 * @param days days without a session, e.g. {@code 2026-12-24}
		 */
		public Builder except(String... days) {
			return except(List.of(days));
		}

		public Builder except(List<String> days) {
			this.exceptions = List.copyOf(days);
			return this;
		}

		/**
		 * @return the draft, times relative to now read from the system clock
		 */
		public SessionDraft build() {
			return build(Clock.systemUTC());
		}

		/**
		 * @return the draft, times relative to now read from {@code clock} (to the
		 * minute, in the session's zone)
		 */
		public SessionDraft build(Clock clock) {
			LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneId.of(timeZone))
				.truncatedTo(ChronoUnit.MINUTES);
			String from = start != null ? start : now.plusMinutes(startMinutes).toString();
			String until = end != null ? end : now.plusMinutes(endMinutes).toString();
			return new SessionDraft(title, topic, languages, channels, timeZone, from, until, scouts, supervisor,
					maxQueueLength, escalationStopMinutes, recurrence, exceptions);
		}

	}

}
