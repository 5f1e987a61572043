package org.scoutline.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;

/**
 * Runs axe-core (Deque, MPL-2.0, vendored in {@code src/test/resources/axe}) over a page
 * and fails on every serious or critical violation, naming the rule and the elements. axe
 * is evaluated through the browser's debugging protocol, so the page keeps its
 * Content-Security-Policy.
 */
public final class Axe {

	private static final String SOURCE = read();

	private Axe() {
	}

	/**
	 * @param what the page's state, for the failure message ("login", "chat open")
	 */
	public static void assertNoSeriousViolations(Page page, String what) {
		if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object'"))) {
			page.evaluate(SOURCE);
		}
		String json = (String) page.evaluate(
				"async () => JSON.stringify((await axe.run(document, { resultTypes: ['violations'] })).violations)");
		List<String> serious = new ArrayList<>();
		try {
			for (JsonNode violation : new ObjectMapper().readTree(json)) {
				String impact = violation.path("impact").asText();
				if ("serious".equals(impact) || "critical".equals(impact)) {
					List<String> targets = new ArrayList<>();
					violation.path("nodes").forEach(node -> targets.add(node.path("target").toString()));
					serious.add(impact + " " + violation.path("id").asText() + " " + targets);
				}
			}
		}
		catch (IOException ex) {
			throw new AssertionError("axe answered no JSON: " + json, ex);
		}
		assertThat(serious).as("serious or critical axe violations on " + what).isEmpty();
	}

	private static String read() {
		try (InputStream in = Axe.class.getResourceAsStream("/axe/axe.min.js")) {
			if (in == null) {
				throw new IllegalStateException("axe/axe.min.js is missing from the test resources");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
