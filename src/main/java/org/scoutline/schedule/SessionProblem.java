package org.scoutline.schedule;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What is wrong with one field of a submitted session: a stable {@link Code} with the
 * values its sentence uses, so that the console can say it in the coordinator's language,
 * and the English sentence for other API clients.
 *
 * @param field the field, as named in the JSON body
 * @param code what is wrong, sent as its {@link Code#code() code string}
 * @param params the values the sentence uses, exactly the code's {@link Code#params()}
 * @param message what is wrong, in English words a coordinator can act on
 */
public record SessionProblem(String field, Code code, Map<String, String> params, String message) {

	/**
	 * Never throws, so that a refusal stays a 400 and never becomes a 500: a value that
	 * is {@code null} is left out.
	 */
	public SessionProblem {
		Map<String, String> kept = new LinkedHashMap<>();
		params.forEach((name, value) -> {
			if (name != null && value != null) {
				kept.put(name, value);
			}
		});
		params = Collections.unmodifiableMap(kept);
	}

	/** A problem whose sentence uses no values. */
	SessionProblem(String field, Code code, String message) {
		this(field, code, Map.of(), message);
	}

	/**
	 * Every kind of problem the server sends. The console has a text
	 * {@code sessions.problem_code.<code>} for each, with the params as {@code {name}}
	 * placeholders.
	 */
	public enum Code {

		/** a required text is missing */
		REQUIRED("required"),
		/** the start or end is missing */
		REQUIRED_TIME("required_time"),
		/** the start or end is not a local date and time */
		NOT_LOCAL_TIME("not_local_time", "value"),
		/** the local time does not exist in the zone (clocks go forward) */
		SKIPPED_LOCAL_TIME("skipped_local_time", "value", "zone"),
		/** the end is not after the start */
		END_BEFORE_START("end_before_start", "start", "value"),
		/** longer than a day */
		TOO_LONG_SESSION("too_long_session", "hours"),
		/** escalations would stop before the session starts */
		STOP_BEFORE_START("stop_before_start", "minutes", "length"),
		/** the time zone is not an IANA name */
		UNKNOWN_ZONE("unknown_zone", "value"),
		/** the RRULE cannot be read */
		BAD_RECURRENCE("bad_recurrence", "value", "reason"),
		/** the RRULE names no FREQ */
		RECURRENCE_NO_FREQ("recurrence_no_freq", "value"),
		/** the RRULE repeats more often than daily */
		RECURRENCE_TOO_OFTEN("recurrence_too_often", "frequency"),
		/** INTERVAL below 1 */
		RECURRENCE_BAD_INTERVAL("recurrence_bad_interval"),
		/** COUNT and UNTIL together */
		RECURRENCE_COUNT_AND_UNTIL("recurrence_count_and_until"),
		/** UNTIL a day without a time */
		RECURRENCE_UNTIL_DAY("recurrence_until_day"),
		/** ical4j reads the RRULE but cannot expand it */
		RECURRENCE_NOT_EXPANDABLE("recurrence_not_expandable", "value", "reason"),
		/** the session's own occurrences overlap */
		OVERLAP_SELF("overlap_self", "when"),
		/** another session with some of the same people on duty overlaps */
		OVERLAP_SCOUTS("overlap_scouts", "other", "id", "when", "people"),
		/** exceptions for a session that does not repeat */
		EXCEPTIONS_NOT_RECURRING("exceptions_not_recurring"),
		/** an exception is not a date */
		BAD_DATE("bad_date", "value"),
		/** a number was expected in the JSON */
		NOT_A_NUMBER("not_a_number"),
		/** a list was expected in the JSON */
		NOT_A_LIST("not_a_list"),
		/** text was expected in the JSON */
		NOT_TEXT("not_text"),
		/** another JSON type was expected */
		WRONG_TYPE("wrong_type"),
		/** a list has too many entries */
		TOO_MANY("too_many", "max", "count"),
		/** a text is too long */
		TOO_LONG_TEXT("too_long_text", "max"),
		/** no language named */
		NO_LANGUAGE("no_language"),
		/** not a language code */
		BAD_LANGUAGE("bad_language", "value"),
		/** no channel named */
		NO_CHANNEL("no_channel", "known"),
		/** not one of our channels */
		BAD_CHANNEL("bad_channel", "value", "known"),
		/** nobody rostered */
		NO_SCOUT("no_scout"),
		/** an empty username */
		USERNAME_REQUIRED("username_required"),
		/** no account by that username */
		UNKNOWN_SCOUT("unknown_scout", "value"),
		/** a number outside its range */
		OUT_OF_RANGE("out_of_range", "min", "max", "value");

		private final String code;

		private final List<String> params;

		Code(String code, String... params) {
			this.code = code;
			this.params = List.of(params);
		}

		/**
		 * @return the code as sent in the JSON, e.g. {@code end_before_start}
		 */
		@JsonValue
		public String code() {
			return this.code;
		}

		/**
		 * @return the names of the values the sentence uses
		 */
		public List<String> params() {
			return this.params;
		}

	}

}
