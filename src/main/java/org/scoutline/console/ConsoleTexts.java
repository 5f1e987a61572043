package org.scoutline.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The console's words on the server side (the login page, the chat summaries), from the
 * same files the page reads: {@code static/console/i18n/<language>.json}, one flat map of
 * keys to texts with {@code {name}} placeholders. German unless a person chose English or
 * their browser prefers it.
 */
@Component
class ConsoleTexts {

	static final List<String> LANGUAGES = List.of("de", "en");

	static final String DEFAULT = "de";

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

	private final Map<String, Map<String, String>> texts = new LinkedHashMap<>();

	ConsoleTexts() {
		ObjectMapper json = new ObjectMapper();
		for (String language : LANGUAGES) {
			try (InputStream in = new ClassPathResource("static/console/i18n/" + language + ".json").getInputStream()) {
				texts.put(language, Map.copyOf(json.readValue(in, new TypeReference<Map<String, String>>() {
				})));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("console texts for " + language + " are missing", ex);
			}
		}
	}

	/**
	 * @return the text of {@code key} in {@code language} (else German) with its
	 * placeholders filled; the key itself when no language has it
	 */
	String text(String language, String key, Map<String, ?> values) {
		String text = texts.get(supported(language)).get(key);
		if (text == null) {
			text = texts.get(DEFAULT).getOrDefault(key, key);
		}
		Matcher m = PLACEHOLDER.matcher(text);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			Object value = values.get(m.group(1));
			m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value.toString()));
		}
		return m.appendTail(out).toString();
	}

	String text(String language, String key) {
		return text(language, key, Map.of());
	}

	boolean has(String language, String key) {
		return texts.get(supported(language)).containsKey(key);
	}

	static String supported(String language) {
		return language != null && LANGUAGES.contains(language) ? language : DEFAULT;
	}

	/**
	 * @return the first of our languages the request's {@code Accept-Language} names,
	 * else German
	 */
	static String of(HttpServletRequest request) {
		if (request.getHeader("Accept-Language") == null) {
			return DEFAULT;
		}
		Enumeration<Locale> locales = request.getLocales();
		while (locales.hasMoreElements()) {
			String language = locales.nextElement().getLanguage();
			if (LANGUAGES.contains(language)) {
				return language;
			}
		}
		return DEFAULT;
	}

}
