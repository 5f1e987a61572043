package org.scoutline.schedule;

/**
 * New escalations have stopped shortly before the end of an occurrence Published once per
 * occurrence across all instances, as a Spring application event.
 *
 * @param occurrence the occurrence
 */
public record EscalationsStopped(Occurrence occurrence) {

}
