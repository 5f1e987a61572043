package org.scoutline.platform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The one place that decides who may frame which page: the CSP {@code frame-ancestors} of
 * a path, from {@code scoutline.security.frame-ancestors} (see {@link SecuritySettings}).
 * Checked at start-up: a value that could break out of the header ({@code ;}, {@code ,},
 * a line break) or a pattern that does not parse stops the app with the setting's name.
 */
final class FrameAncestors {

	/** the value that stands for {@code scoutline.webchat.allowed-origins} */
	static final String WIDGET_ORIGINS = "widget-origins";

	private static final Pattern SOURCE = Pattern.compile("'none'|'self'|\\*|[A-Za-z][A-Za-z0-9+.-]*:(//[^\\s;,']+)?"
			+ "|(\\*\\.)?[A-Za-z0-9.-]+(:(\\d+|\\*))?(/[^\\s;,']*)?");

	private final List<Rule> rules;

	private FrameAncestors(List<Rule> rules) {
		this.rules = rules;
	}

	static FrameAncestors of(SecuritySettings settings, Environment environment) {
		List<String> widgetOrigins = Binder.get(environment)
			.bind("scoutline.webchat.allowed-origins", Bindable.listOf(String.class))
			.orElse(List.of("*"));
		List<Rule> rules = new ArrayList<>();
		for (Map.Entry<String, String> entry : settings.frameAncestors().entrySet()) {
			String setting = "scoutline.security.frame-ancestors[" + entry.getKey() + "]";
			PathPattern pattern;
			try {
				pattern = PathPatternParser.defaultInstance.parse(entry.getKey());
			}
			catch (RuntimeException ex) {
				throw new IllegalArgumentException(setting + " is not a path pattern: " + ex.getMessage());
			}
			String value = entry.getValue() == null ? "" : entry.getValue().trim();
			List<String> sources = WIDGET_ORIGINS.equals(value)
					? widgetOrigins.stream().map(FrameAncestors::csp).toList() : List.of(value.split("\\s+"));
			for (String source : sources) {
				if (!SOURCE.matcher(source).matches()) {
					throw new IllegalArgumentException(setting + " must be a list of CSP sources ('none', 'self', "
							+ "https://host), found \"" + source + "\"");
				}
			}
			rules.add(new Rule(pattern, String.join(" ", sources)));
		}
		rules.sort(Comparator.comparing(Rule::pattern, PathPattern.SPECIFICITY_COMPARATOR));
		return new FrameAncestors(List.copyOf(rules));
	}

	/**
	 * @return the {@code frame-ancestors} sources for this path (within the application)
	 */
	String forPath(String path) {
		PathContainer container = PathContainer.parsePath(path == null || path.isEmpty() ? "/" : path);
		for (Rule rule : rules) {
			if (rule.pattern().matches(container)) {
				return rule.sources();
			}
		}
		return "'none'";
	}

	/**
	 * Spring's origin patterns allow a port list ({@code https://a.example:[8080,8081]});
	 * CSP has none, so such a port is widened to any port.
	 */
	private static String csp(String origin) {
		return origin.trim().replaceAll(":\\[[^\\]]*\\]$", ":*");
	}

	private record Rule(PathPattern pattern, String sources) {

	}

}
