package org.scoutline.handover;

/**
 * A user asked for a scout while a live session ran and was turned away (the queue was
 * full, nobody was on duty, or escalations had stopped). Published on the instance where
 * it happened.
 *
 * @param session the running session's occurrence key
 * @param at epoch millis
 */
public record EscalationRefused(String session, long at) {
}
