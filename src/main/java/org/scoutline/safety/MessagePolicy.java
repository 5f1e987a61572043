package org.scoutline.safety;

import org.springframework.stereotype.Component;

/** What a message from a user may be. */
@Component
public class MessagePolicy {

	private final int maxTextLength;

	MessagePolicy(SafetySettings settings) {
		this.maxTextLength = settings.maxTextLength();
	}

	/**
	 * @return the longest text a user may send, in characters (code points)
	 */
	public int maxTextLength() {
		return maxTextLength;
	}

	/**
	 * @return whether {@code text} is longer than allowed
	 */
	public boolean tooLong(String text) {
		return text != null && text.codePointCount(0, text.length()) > maxTextLength;
	}

}
