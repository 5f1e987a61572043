package org.scoutline.directory;

import java.util.Map;

/**
 * @param code ISO code ({@code DE}) or {@code INT}
 * @param names the country's name per locale
 * @param emergency the number to call in danger
 * @param police the police number, or {@code null}
 */
public record Country(String code, Map<String, String> names, String emergency, String police) {

	public String nameIn(String locale) {
		return names.getOrDefault(locale, names.getOrDefault("en", code));
	}

}
