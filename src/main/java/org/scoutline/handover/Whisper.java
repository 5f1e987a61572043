package org.scoutline.handover;

/**
 * One line a supervisor wrote privately to the scout who holds a chat; the user never
 * sees it.
 *
 * @param by the supervisor's username
 * @param alias the supervisor's name as staff see it
 * @param text the line
 * @param at when it was written, epoch millis
 */
public record Whisper(String by, String alias, String text, long at) {
}
