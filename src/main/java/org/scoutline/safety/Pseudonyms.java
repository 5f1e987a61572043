package org.scoutline.safety;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.scoutline.platform.Secrets;
import org.springframework.stereotype.Component;

/**
 * Replaces channel user ids (chat ids, phone numbers, web tokens) by a keyed pseudonym,
 * HMAC-SHA256 with the server's pseudonym key, wherever they are used as keys. Without
 * the key a pseudonym cannot be linked back to anyone.
 */
@Component
public class Pseudonyms {

	private final SecretKeySpec key;

	private final ThreadLocal<Mac> macs;

	Pseudonyms(Secrets secrets) {
		this.key = new SecretKeySpec(secrets.pseudonymKey(), "HmacSHA256");
		this.macs = ThreadLocal.withInitial(this::newMac);
	}

	/**
	 * @param channel the channel name, e.g. {@code WEB}
	 * @param userId the raw channel user id
	 * @return a stable, URL-safe pseudonym of 43 characters
	 */
	public String of(String channel, String userId) {
		Mac mac = macs.get();
		byte[] digest = mac.doFinal((channel + ":" + userId).getBytes(StandardCharsets.UTF_8));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
	}

	private Mac newMac() {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
