package org.scoutline.conversation;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * An opaque conversation id (22 URL-safe characters). The first two are the
 * {@linkplain #slotTag() slot tag} the person's pseudonym maps to (12 bits, shared by
 * about one person in 4096), the other twenty are random (120 bits): the conversation and
 * the person's lookup key then sit in one Redis Cluster slot. It says nothing about the
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

	private static final char[] DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
		.toCharArray();

	/**
	 * @param pseudonym the person's pseudonym
	 * @return a new id whose slot tag is the pseudonym's
	 */
	public static ConversationId forPerson(String pseudonym) {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		String random = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		return new ConversationId(slotTagOf(pseudonym) + random.substring(2));
	}

	/**
	 * @return a new id with a random slot tag (for a conversation nobody looks up by
	 * person)
	 */
	public static ConversationId random() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return new ConversationId(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
	}

	/**
	 * @return the Redis hash tag of this conversation's keys (its first two characters)
	 */
	public String slotTag() {
		return value.substring(0, 2);
	}

	/**
	 * @param pseudonym a person's pseudonym
	 * @return the slot tag of that person's lookup key and of their conversations: 12
	 * bits of the pseudonym's (stable) string hash, as two URL-safe characters
	 */
	public static String slotTagOf(String pseudonym) {
		int bits = pseudonym.hashCode() & 0xFFF;
		return new String(new char[] { DIGITS[bits >> 6], DIGITS[bits & 0x3F] });
	}

	@Override
	public String toString() {
		return value;
	}

}
