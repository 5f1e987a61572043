package org.scoutline.channel.common;

/**
 * What a channel does with the arrivals its {@link IntakeWorkers} hand it, one chat at a
 * time and in order.
 */
public interface IntakeHandler {

	/**
	 * Handles one arrival: the turn saved and its reply handed to the platform. An
	 * arrival may come again (after a crash, or when this threw), so handling is
	 * idempotent: a turn saved before is not taken again, its reply is sent again when
	 * {@code attempt > 1}.
	 * @param payload what the channel offered
	 * @param attempt 1 the first time, more when it is tried again
	 * @throws Exception to have it tried again later (storage or platform down)
	 */
	void handle(String payload, int attempt) throws Exception;

	/**
	 * Best effort, after the last attempt failed: asks the user to send it again ("That
	 * didn't reach me"), with the emergency number when it was a crisis message.
	 */
	void giveUp(String payload);

}
