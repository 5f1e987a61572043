package org.scoutline.console;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * @param bootstrapAdmin the first coordinator, created when the account store is empty
 * @param maxMessageLength the longest message a scout may send (the console counts down
 * and refuses longer ones)
 * @param maxNoteLength the longest internal note
 */
@Validated
@ConfigurationProperties("scoutline.console")
record ConsoleSettings(@DefaultValue BootstrapAdmin bootstrapAdmin,
		@DefaultValue("2000") @Min(100) @Max(10_000) int maxMessageLength,
		@DefaultValue("1000") @Min(100) @Max(10_000) int maxNoteLength) {

	/**
	 * @return the largest STOMP frame a console may send, in bytes: room for the longest
	 * message or note with every character taking four bytes (UTF-8, JSON escapes), and
	 * the headers
	 */
	int stompFrameBytes() {
		return 4 * Math.max(maxMessageLength, maxNoteLength) + 4096;
	}

	/**
	 * @param username the coordinator's login name (none: no bootstrap)
	 * @param password at least 10 characters
	 */
	record BootstrapAdmin(String username, String password) {

	}

}
