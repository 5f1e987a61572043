package org.scoutline.schedule;

/**
 * An occurrence has ended Published once per occurrence across all instances, as a Spring
 * application event.
 *
 * @param occurrence the occurrence
 */
public record SessionEnded(Occurrence occurrence) {

}
