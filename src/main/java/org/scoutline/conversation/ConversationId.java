package org.scoutline.conversation;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A random, opaque conversation id (128 bits, URL-safe). It says nothing about the
 * person.
 *
 * @param value must match {@code [A-Za-z0-9_-]{22}}
 */
public record ConversationId(String value) {

	private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{22}");

	private static final SecureRandom RANDOM = new SecureRandom();

	public ConversationId {
		if (value == null || !FORMAT.matcher(value).matches()) {
			throw new IllegalArgumentException("not a conversation id");
		}
	}

	public static ConversationId random() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return new ConversationId(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
	}

	@Override
	public String toString() {
		return value;
	}

}
