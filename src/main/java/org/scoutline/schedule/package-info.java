/**
 * Live sessions: when the hotline is staffed. Coordinators schedule sessions (one-off or
 * recurring by an iCalendar RRULE with exceptions) with a roster of scouts and a
 * supervisor; the module expands them into occurrences in their time zone, publishes them
 * as an iCalendar feed and a public JSON list, decides in one place whether an escalation
 * may be accepted ({@link org.scoutline.schedule.OpeningRule}), and announces each
 * occurrence's start, the stop of new escalations and its end exactly once across
 * instances ({@link org.scoutline.schedule.SessionOpened},
 * {@link org.scoutline.schedule.EscalationsStopped},
 * {@link org.scoutline.schedule.SessionEnded}).
 */
@ApplicationModule(displayName = "Schedule", allowedDependencies = { "platform", "conversation" })
package org.scoutline.schedule;

import org.springframework.modulith.ApplicationModule;
