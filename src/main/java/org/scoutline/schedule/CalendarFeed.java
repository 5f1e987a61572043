package org.scoutline.schedule;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;

/**
 * The sessions as an iCalendar feed built with ical4j: one VEVENT per session with
 * DTSTART/DTEND in its time zone (TZID plus the VTIMEZONE), RRULE and EXDATE for series,
 * the topic and languages as DESCRIPTION. Names of scouts and supervisors are never part
 * of it.
 */
@Component
class CalendarFeed {

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

	private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

	String render(List<LiveSession> sessions) {
		Calendar calendar = new Calendar().withProdId("-//Scoutline//Live sessions//EN")
			.withDefaults()
			.withProperty(new XProperty("X-WR-CALNAME", "Scoutline live sessions"))
			.getFluentTarget();
		sessions.stream().map(LiveSession::zone).distinct().forEach(zone -> calendar.add(timeZone(zone)));
		sessions.forEach(session -> calendar.add(event(session)));
		return calendar.toString();
	}

	private net.fortuna.ical4j.model.component.VTimeZone timeZone(ZoneId zone) {
		net.fortuna.ical4j.model.TimeZone timeZone = zones.getTimeZone(zone.getId());
		if (timeZone == null) {
			throw new IllegalStateException("ical4j has no VTIMEZONE for " + zone);
		}
		return timeZone.getVTimeZone();
	}

	private VEvent event(LiveSession session) {
		VEvent event = new VEvent(session.start(), session.end(), session.title());
		event.add(new Uid(session.id() + "@scoutline"));
		event.add(new Description(description(session)));
		if (session.recurring()) {
			event.add(new RRule<>(session.recurrence()));
			if (!session.exceptions().isEmpty()) {
				event.add(exceptions(session));
			}
		}
		return event;
	}

	private static String description(LiveSession session) {
		String languages = "Languages: " + String.join(", ", session.languages());
		return session.topic().isEmpty() ? languages : session.topic() + "\n" + languages;
	}

	private static ExDate<?> exceptions(LiveSession session) {
		String days = session.exceptions()
			.stream()
			.map(day -> day.atTime(session.start().toLocalTime()).format(LOCAL))
			.collect(Collectors.joining(","));
		return new ExDate<>(new ParameterList(List.of(new TzId(session.zone().getId()))), days);
	}

}
