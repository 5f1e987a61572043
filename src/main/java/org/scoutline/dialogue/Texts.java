package org.scoutline.dialogue;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Every text the bot says, per locale, from {@code config/texts/<locale>.yml}. A key is
 * the dotted path of a text in its file; {@code {name}} placeholders are filled by
 * {@link #format}.
 */
@Component
public class Texts {

	/** Keys the app itself uses, outside the script; every locale must have them. */
	static final List<String> SYSTEM_KEYS = List.of("system.media_removed", "system.too_long", "system.bad_frame",
			"system.unknown_command", "system.help", "system.tap_button", "system.tap_button_care", "system.no_scout",
			"system.deleted", "system.restarted", "system.language_switched", "system.rate_limited",
			"system.unavailable", "system.not_received", "system.not_received_crisis", "system.queue_nobody_on_duty",
			"system.too_many_windows", "system.scout_after_first_answer", "system.scout_limited",
			"system.too_many_new_chats", "system.media_telegram", "system.media_whatsapp", "system.unsupported_message",
			"system.private_only", "system.exit_hint", "system.list_button", "system.more_choices", "system.choose",
			"system.command_start", "system.command_help", "system.command_language", "system.command_scout",
			"system.command_delete", "system.command_exit", "system.queued", "system.queue_hold",
			"system.queue_position", "system.queue_left", "system.leave_queue", "system.scout_joined",
			"system.scout_transferred", "system.supervisor_joined", "system.scout_left", "system.scout_closed",
			"system.with_scout", "system.feedback_ask", "system.feedback_yes", "system.feedback_partly",
			"system.feedback_no", "system.feedback_thanks", "system.show_plan", "system.no_scout_stopped",
			"system.no_scout_checked_in", "system.no_scout_queue_full", "system.next_sessions",
			"system.next_sessions_none", "system.session_languages", "system.remind_me", "system.leave_message",
			"system.take_back_message", "system.ask_scout", "system.reminder_set", "system.reminder_set_window",
			"system.leave_message_ready", "system.message_kept", "system.message_waiting", "system.message_taken_back",
			"system.left_message_queued", "system.session_started", "system.stop_reachable", "system.stop_unreachable",
			"system.session_ended", "crisis.card", "crisis.resume", "crisis.imminent", "crisis.card_unknown",
			"crisis.ask_country", "crisis.change_country", "crisis.in_many_countries", "crisis.emergency_line",
			"plan.more", "plan.more_also", "plan.text_choice", "plan.emergency_unknown", "plan.summary_title",
			"directory.always_open", "directory.phone", "directory.sms", "directory.web");

	private final Map<String, Map<String, String>> byLocale = new LinkedHashMap<>();

	private final String defaultLocale;

	Texts(DialogueSettings settings) {
		DefaultResourceLoader loader = new DefaultResourceLoader();
		for (String locale : settings.locales()) {
			Resource file = loader.getResource(settings.texts() + locale + ".yml");
			byLocale.put(locale, load(file));
		}
		this.defaultLocale = settings.defaultLocale();
	}

	/**
	 * @return the locales offered, the default first
	 */
	public Set<String> locales() {
		return byLocale.keySet();
	}

	/**
	 * @return {@code locale} if it is offered, else the default locale
	 */
	public String supported(String locale) {
		return locale != null && byLocale.containsKey(locale) ? locale : defaultLocale;
	}

	/**
	 * @return the text, or the key in brackets when it is missing (the validator makes
	 * sure it is not)
	 */
	public String get(String locale, String key) {
		String text = byLocale.getOrDefault(supported(locale), Map.of()).get(key);
		return text != null ? text : "[" + key + "]";
	}

	/**
	 * @return the text with every {@code {name}} replaced by its value
	 */
	public String format(String locale, String key, Map<String, String> values) {
		String text = get(locale, key);
		for (Map.Entry<String, String> value : values.entrySet()) {
			text = text.replace("{" + value.getKey() + "}", value.getValue());
		}
		return text;
	}

	boolean has(String locale, String key) {
		return byLocale.getOrDefault(locale, Map.of()).containsKey(key);
	}

	Map<String, String> all(String locale) {
		return byLocale.getOrDefault(locale, Map.of());
	}

	private static Map<String, String> load(Resource file) {
		try (InputStream in = file.getInputStream()) {
			JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
			Map<String, String> texts = new HashMap<>();
			flatten("", root, texts, file);
			return Map.copyOf(texts);
		}
		catch (IOException ex) {
			throw new IllegalStateException(file.getDescription() + " cannot be read: " + ex.getMessage(), ex);
		}
	}

	private static void flatten(String path, JsonNode node, Map<String, String> into, Resource file) {
		if (node == null || node.isNull()) {
			throw new IllegalStateException(file.getDescription() + ": " + path + " has no text");
		}
		if (node.isObject()) {
			for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
				Map.Entry<String, JsonNode> field = it.next();
				flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), into, file);
			}
		}
		else if (node.isValueNode()) {
			String text = node.asText().strip();
			if (text.isEmpty()) {
				throw new IllegalStateException(file.getDescription() + ": " + path + " is empty");
			}
			into.put(path, text);
		}
		else {
			throw new IllegalStateException(file.getDescription() + ": " + path + " must be a text or a map of texts");
		}
	}

}
