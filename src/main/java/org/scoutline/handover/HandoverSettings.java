package org.scoutline.handover;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * @param capacity how many chats a scout holds at once (supervisors: twice as many)
 * @param grace how long a claimed chat waits for a scout whose console vanished before it
 * goes back to the front of the queue
 * @param heartbeat how often an instance renews the presence of the consoles connected to
 * it
 * @param presenceTimeout a scout counts as on duty while their last heartbeat is younger
 * than this
 * @param positionInterval a waiting user is told a changed position at most this often
 * @param sweep how often each instance looks for vanished scouts and moved queue
 * positions
 * @param minutesPerChat the average length of a chat, for the honest waiting estimate
 * @param escalationsPerHour how often one person may ask for a scout in an hour (a crisis
 * is never refused)
 * @param escalationsPerAddressPerHour how often the people behind one client address may
 * ask for a scout in an hour, where the channel knows the address (the widget)
 * @param assignment how a waiting chat reaches a scout: {@code claim} (by hand, from the
 * queue) or {@code offer} (the next chat is offered to the free scout with the most room)
 * @param offerTimeout how long an offer waits for its scout before it goes to the next
 * @param offerSweep how often each instance looks for chats to offer
 */
@Validated
@ConfigurationProperties("scoutline.handover")
record HandoverSettings(@DefaultValue("2") @Min(1) @Max(20) int capacity, @DefaultValue("2m") @NotNull Duration grace,
		@DefaultValue("10s") @NotNull Duration heartbeat, @DefaultValue("30s") @NotNull Duration presenceTimeout,
		@DefaultValue("60s") @NotNull Duration positionInterval, @DefaultValue("5s") @NotNull Duration sweep,
		@DefaultValue("15") @Min(1) int minutesPerChat, @DefaultValue("6") @Min(1) int escalationsPerHour,
		@DefaultValue("30") @Min(1) int escalationsPerAddressPerHour,
		@DefaultValue("claim") @NotNull Assignment assignment, @DefaultValue("30s") @NotNull Duration offerTimeout,
		@DefaultValue("1s") @NotNull Duration offerSweep) {

	/** How a waiting chat reaches a scout. */
	public enum Assignment {

		/** a scout claims a chat from the queue by hand */
		CLAIM,
		/** the next chat is offered to one free scout at a time, who accepts it */
		OFFER

	}

}
