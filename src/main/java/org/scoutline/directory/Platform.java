package org.scoutline.directory;

import java.time.LocalDate;
import java.util.Map;

/**
 * An app or site where the abuse happens, with how to report and block someone there.
 *
 * @param id the id the triage records ({@code instagram})
 * @param name its name ({@code Instagram})
 * @param report per locale, the in-app path to report and then block an account
 * @param helpUrl the platform's own help page on reporting (or its help centre)
 * @param inHashTools whether the partner lists of Take It Down and StopNCII we have
 * include it
 * @param source the help page the path and address come from
 * @param verifiedOn when they were last checked against the source
 */
public record Platform(String id, String name, Map<String, String> report, String helpUrl, boolean inHashTools,
		String source, LocalDate verifiedOn) {

	/**
	 * @return the reporting path in {@code locale}, falling back to English
	 */
	public String reportIn(String locale) {
		return report.getOrDefault(locale, report.get("en"));
	}

}
