package org.scoutline.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A scenario's numbers, printed as one block and written to
 * {@code target/faults/<scenario>.txt}. Counts and durations only, never a message text
 * or a chat id.
 */
final class Summary {

	private final String scenario;

	private final String title;

	private final Map<String, Object> lines = new LinkedHashMap<>();

	Summary(String scenario, String title) {
		this.scenario = scenario;
		this.title = title;
	}

	Summary line(String name, Object value) {
		lines.put(name, value);
		return this;
	}

	String render() {
		StringBuilder out = new StringBuilder("\n=== fault scenario: ").append(title).append(" ===\n");
		lines.forEach((name, value) -> out.append(String.format("  %-52s %s%n", name, value)));
		return out.toString();
	}

	void print() {
		String text = render();
		System.out.println(text);
		try {
			Path dir = Files.createDirectories(Path.of("target", "faults"));
			Files.writeString(dir.resolve(scenario + ".txt"), text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			System.out.println("(summary not written: " + ex.getClass().getSimpleName() + ")");
		}
	}

}
