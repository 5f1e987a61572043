/**
 * How each live session went, for coordinators: counts and durations per occurrence
 * (waited, reached, gave up, not reached, refused, outcomes, waits and chat lengths),
 * never a conversation id. The module listens to the handover's past-tense events
 * ({@link org.scoutline.handover.ChatEvent},
 * {@link org.scoutline.handover.EscalationRefused}) and the schedule's
 * {@link org.scoutline.schedule.SessionOpened} on the instance where each happened, and
 * serves the reports as JSON and CSV under {@code /console/api/sessions/reports}.
 */
@ApplicationModule(displayName = "Report", allowedDependencies = { "platform", "handover", "schedule" })
package org.scoutline.report;

import org.springframework.modulith.ApplicationModule;
