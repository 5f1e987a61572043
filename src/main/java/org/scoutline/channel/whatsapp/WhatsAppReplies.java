package org.scoutline.channel.whatsapp;

import java.util.ArrayList;
import java.util.List;

import org.scoutline.channel.common.MessengerTexts;
import org.scoutline.conversation.Bubble;
import org.scoutline.conversation.Choice;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Renders bubbles and choices as Cloud API messages: a text message per bubble (the steps
 * of an action plan together in one numbered message, see {@link MessengerTexts}); the
 * choices ride on the last one as reply buttons when there are at most three, else as a
 * list (at most ten rows; with more choices the tenth row is "More …" and opens the next
 * page). Labels longer than WhatsApp allows are shortened at a word end with "…"; in a
 * list the full label goes into the row's description.
 */
final class WhatsAppReplies {

	static final int MAX_TEXT = 4096;

	static final int MAX_BODY = 1024;

	static final int MAX_BUTTONS = 3;

	static final int MAX_BUTTON_TITLE = 20;

	static final int MAX_ROWS = 10;

	static final int MAX_ROW_TITLE = 24;

	static final int MAX_ROW_DESCRIPTION = 72;

	static final String MORE = "more:";

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	/** the words the rendering needs in the user's language */
	record Labels(String listButton, String more, String choose) {
	}

	private WhatsAppReplies() {
	}

	static List<ObjectNode> render(String to, List<Bubble> bubbles, List<Choice> choices, Labels labels) {
		List<String> texts = new ArrayList<>();
		MessengerTexts.of(bubbles).forEach(text -> texts.add(shorten(text, MAX_TEXT)));
		List<ObjectNode> messages = new ArrayList<>();
		if (choices.isEmpty()) {
			texts.forEach(text -> messages.add(text(to, text)));
			return messages;
		}
		String body = texts.isEmpty() ? labels.choose() : texts.remove(texts.size() - 1);
		if (body.length() > MAX_BODY) {
			texts.add(body);
			body = labels.choose();
		}
		texts.forEach(text -> messages.add(text(to, text)));
		messages.add(choices(to, body, choices, 0, labels));
		return messages;
	}

	/**
	 * @return an interactive message with the choices from {@code offset} on
	 */
	static ObjectNode choices(String to, String body, List<Choice> choices, int offset, Labels labels) {
		List<Choice> rest = choices.subList(Math.min(offset, choices.size()), choices.size());
		ObjectNode interactive = nodes.objectNode();
		interactive.putObject("body").put("text", body);
		if (offset == 0 && rest.size() <= MAX_BUTTONS) {
			interactive.put("type", "button");
			ArrayNode buttons = interactive.putObject("action").putArray("buttons");
			rest.forEach(choice -> buttons.addObject()
				.put("type", "reply")
				.putObject("reply")
				.put("id", choice.id())
				.put("title", shorten(choice.label(), MAX_BUTTON_TITLE)));
		}
		else {
			interactive.put("type", "list");
			ObjectNode action = interactive.putObject("action").put("button", shorten(labels.listButton(), 20));
			ArrayNode rows = action.putArray("sections").addObject().putArray("rows");
			boolean paged = rest.size() > MAX_ROWS;
			List<Choice> page = paged ? rest.subList(0, MAX_ROWS - 1) : rest;
			page.forEach(choice -> row(rows, choice.id(), choice.label()));
			if (paged) {
				row(rows, MORE + (offset + page.size()), labels.more());
			}
		}
		ObjectNode message = envelope(to, "interactive");
		message.set("interactive", interactive);
		return message;
	}

	static ObjectNode text(String to, String text) {
		ObjectNode message = envelope(to, "text");
		message.putObject("text").put("body", text).put("preview_url", false);
		return message;
	}

	/**
	 * @return {@code label} cut to {@code max} characters at a word end where sensible,
	 * ending in "…"
	 */
	static String shorten(String label, int max) {
		String clean = label.strip();
		if (clean.length() <= max) {
			return clean;
		}
		int cut = clean.lastIndexOf(' ', max - 1);
		if (cut < max / 2) {
			cut = max - 1;
		}
		String head = clean.substring(0, cut).replaceAll("[\\s,.;:!?(\\-–/]+$", "");
		return head + "…";
	}

	private static void row(ArrayNode rows, String id, String label) {
		ObjectNode row = rows.addObject().put("id", id).put("title", shorten(label, MAX_ROW_TITLE));
		if (label.strip().length() > MAX_ROW_TITLE) {
			row.put("description", shorten(label, MAX_ROW_DESCRIPTION));
		}
	}

	private static ObjectNode envelope(String to, String type) {
		return nodes.objectNode()
			.put("messaging_product", "whatsapp")
			.put("recipient_type", "individual")
			.put("to", to)
			.put("type", type);
	}

}
