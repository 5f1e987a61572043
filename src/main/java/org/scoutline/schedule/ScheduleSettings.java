package org.scoutline.schedule;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Settings of live sessions.
 *
 * @param zone time zone of a session that names none (default Europe/Berlin)
 * @param perScoutCapacity chats one checked-in scout takes at once; the open capacity is
 * scouts times this
 * @param escalationStopMinutes default minutes before the end when new escalations stop
 * @param maxQueueLength default longest queue of a session
 * @param horizon how far ahead occurrences are expanded: overlap checks, the feed's next
 * occurrences
 * @param upcomingCount how many occurrences {@code GET /sessions/upcoming} lists
 * @param lifecycleEnabled run the lifecycle ticker (start, escalation stop, end) on this
 * instance
 * @param lifecycleTick how often the lifecycle ticker looks at the clock
 * @param lifecycleCatchUp how late a missed lifecycle moment still fires (all instances
 * were down at the time)
 */
@Validated
@ConfigurationProperties("scoutline.schedule")
record ScheduleSettings(@DefaultValue("Europe/Berlin") @NotNull ZoneId zone,
		@DefaultValue("2") @Min(1) @Max(20) int perScoutCapacity,
		@DefaultValue("10") @Min(0) @Max(240) int escalationStopMinutes,
		@DefaultValue("20") @Min(1) @Max(1000) int maxQueueLength, @DefaultValue("P366D") @NotNull Duration horizon,
		@DefaultValue("10") @Min(1) @Max(100) int upcomingCount, @DefaultValue("true") boolean lifecycleEnabled,
		@DefaultValue("15s") @NotNull Duration lifecycleTick, @DefaultValue("10m") @NotNull Duration lifecycleCatchUp) {

}
