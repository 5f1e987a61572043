package org.scoutline.channel.telegram;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.scoutline.channel.common.MessengerTexts;
import org.scoutline.conversation.Bubble;
import org.scoutline.conversation.Choice;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * Renders the hotline's bubbles and choices as Telegram messages: one plain-text message
 * per bubble (no parse mode, so nothing needs escaping; the steps of an action plan
 * together in one numbered message, see {@link MessengerTexts}), the last one carrying
 * the choices as an inline keyboard whose callback data is the choice id. Short labels
 * sit two to a row, longer ones one to a row.
 */
final class TelegramReplies {

	/** Telegram's limit for a message text */
	static final int MAX_TEXT = 4096;

	/** Telegram's limit for callback data, in bytes */
	static final int MAX_CALLBACK_BYTES = 64;

	private static final int SHORT_LABEL = 14;

	private TelegramReplies() {
	}

	static List<SendMessage> render(String chatId, List<Bubble> bubbles, List<Choice> choices) {
		List<String> texts = new ArrayList<>();
		MessengerTexts.of(bubbles).forEach(text -> texts.addAll(split(text)));
		List<SendMessage> messages = new ArrayList<>();
		for (int i = 0; i < texts.size(); i++) {
			SendMessage.SendMessageBuilder<?, ?> message = SendMessage.builder().chatId(chatId).text(texts.get(i));
			if (i == texts.size() - 1 && !choices.isEmpty()) {
				message.replyMarkup(keyboard(choices));
			}
			messages.add(message.build());
		}
		return messages;
	}

	static InlineKeyboardMarkup keyboard(List<Choice> choices) {
		List<Choice> usable = choices.stream()
			.filter(choice -> choice.id().getBytes(StandardCharsets.UTF_8).length <= MAX_CALLBACK_BYTES)
			.toList();
		int perRow = usable.stream().allMatch(choice -> choice.label().length() <= SHORT_LABEL) ? 2 : 1;
		List<InlineKeyboardRow> rows = new ArrayList<>();
		for (int i = 0; i < usable.size(); i += perRow) {
			InlineKeyboardRow row = new InlineKeyboardRow();
			for (Choice choice : usable.subList(i, Math.min(i + perRow, usable.size()))) {
				row.add(InlineKeyboardButton.builder().text(choice.label()).callbackData(choice.id()).build());
			}
			rows.add(row);
		}
		return InlineKeyboardMarkup.builder().keyboard(rows).build();
	}

	/**
	 * @return the text in pieces Telegram accepts, cut at line or word ends where
	 * possible
	 */
	static List<String> split(String text) {
		List<String> pieces = new ArrayList<>();
		String rest = text;
		while (rest.length() > MAX_TEXT) {
			int cut = rest.lastIndexOf('\n', MAX_TEXT);
			if (cut < MAX_TEXT / 2) {
				cut = rest.lastIndexOf(' ', MAX_TEXT);
			}
			if (cut < MAX_TEXT / 2) {
				cut = MAX_TEXT;
			}
			pieces.add(rest.substring(0, cut));
			rest = rest.substring(cut).strip();
		}
		if (!rest.isBlank()) {
			pieces.add(rest);
		}
		return pieces;
	}

}
