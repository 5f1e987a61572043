package org.scoutline.handover;

/**
 * What putting a chat in the queue did ({@link HandoverStore#enqueue}).
 *
 * @param position 1-based, or 0 when a scout already has the chat
 * @param joined whether the chat joined the queue just now (it was not waiting before)
 * @param flagged whether it has a crisis flag now that it had not before
 */
record Enqueued(int position, boolean joined, boolean flagged) {
}
