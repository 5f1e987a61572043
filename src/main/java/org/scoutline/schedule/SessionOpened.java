package org.scoutline.schedule;

/**
 * A live session's occurrence has started Published once per occurrence across all
 * instances, as a Spring application event.
 *
 * @param occurrence the occurrence
 */
public record SessionOpened(Occurrence occurrence) {

}
