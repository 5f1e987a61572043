package org.scoutline.directory;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * @param code ISO code ({@code DE}) or {@code INT}
 * @param names the country's name per locale
 * @param emergency the number to call in danger
 * @param police the police number, or {@code null}
 * @param zone the country's time zone, {@code null} when it has several (US, CA, AU) or
 * none ({@code INT})
 */
public record Country(String code, Map<String, String> names, String emergency, String police, ZoneId zone) {

	public String nameIn(String locale) {
		return names.getOrDefault(locale, names.getOrDefault("en", code));
	}

	/**
	 * @return the time zone to tell times in, when the country has exactly one
	 */
	public Optional<ZoneId> timeZone() {
		return Optional.ofNullable(zone);
	}

}
