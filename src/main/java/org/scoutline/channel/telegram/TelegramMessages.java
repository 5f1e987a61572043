package org.scoutline.channel.telegram;

import org.scoutline.channel.common.CountryGuess;
import org.scoutline.channel.common.InboundTurns;
import org.scoutline.conversation.Channel;
import org.scoutline.conversation.Command;
import org.scoutline.conversation.InboundMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * What a user sends the bot, as {@link InboundMessage}s through {@link InboundTurns}:
 * texts and commands, edits (the hotline answers only a crisis edit), media (deleted from
 * the chat at once and never downloaded, a caption read as a text), and taps on inline
 * buttons (every callback query is answered and its keyboard taken away). Anything from a
 * group gets the refusal and the bot leaves.
 */
class TelegramMessages {

	private static final Logger log = LoggerFactory.getLogger(TelegramMessages.class);

	private final TelegramApi api;

	private final InboundTurns turns;

	TelegramMessages(TelegramApi api, InboundTurns turns) {
		this.api = api;
		this.turns = turns;
	}

	/**
	 * A message or an edited one ({@code edited}); {@code id} is the update's id for
	 * de-duplication, {@code attempt} how often the update has been tried.
	 */
	void message(Message message, String id, boolean edited, int attempt) throws TelegramApiException {
		Chat chat = message.getChat();
		String languageCode = message.getFrom() != null ? message.getFrom().getLanguageCode() : null;
		Sender sender = new Sender(new TelegramChat(api, String.valueOf(chat.getId()), attempt > 1),
				TelegramUpdates.locale(languageCode), CountryGuess.language(languageCode));
		if (!Boolean.TRUE.equals(chat.isUserChat())) {
			sender.chat().refuse(turns.notice(sender.locale(), "system.private_only"));
		}
		else if (isMedia(message)) {
			media(message, sender, id, edited);
		}
		else if (message.hasText()) {
			text(message.getText(), sender, id, edited);
		}
		else if (!edited) {
			sender.chat().say(turns.notice(sender.locale(), "system.unsupported_message"));
		}
	}

	/**
	 * A tap on an inline button: answered (best effort: an old query can no longer be),
	 * its keyboard taken away, its data a choice or a command.
	 */
	void callback(CallbackQuery query, String id, int attempt) throws TelegramApiException {
		answer(query);
		MaybeInaccessibleMessage tapped = query.getMessage();
		TelegramChat chat = new TelegramChat(api,
				String
					.valueOf(tapped != null && tapped.getChat() != null ? tapped.getChatId() : query.getFrom().getId()),
				attempt > 1);
		if (tapped != null && tapped.getMessageId() != null && tapped.getDate() != null && tapped.getDate() != 0) {
			chat.removeKeyboard(tapped.getMessageId());
		}
		String data = query.getData();
		if (data == null || data.isBlank()
				|| tapped != null && tapped.getChat() != null && !Boolean.TRUE.equals(tapped.getChat().isUserChat())) {
			return;
		}
		String languageCode = query.getFrom().getLanguageCode();
		Sender sender = new Sender(chat, TelegramUpdates.locale(languageCode), CountryGuess.language(languageCode));
		InboundMessage inbound = data.startsWith("/")
				? InboundMessage.command(Channel.TELEGRAM, chat.id(), id, Command.parse(data))
				: InboundMessage.choice(Channel.TELEGRAM, chat.id(), id, data);
		sender.take(inbound);
	}

	private void answer(CallbackQuery query) throws TelegramApiException {
		try {
			api.call(new AnswerCallbackQuery(query.getId()));
		}
		catch (TelegramApi.Blocked ex) {
			throw ex;
		}
		catch (TelegramApiException ex) {
			log.debug("telegram callback not answered cause={}", ex.getClass().getSimpleName());
		}
	}

	/**
	 * @return whether the message carries media of any kind the Bot API knows
	 */
	static boolean isMedia(Message message) {
		return message.hasPhoto() || message.hasVideo() || message.hasDocument() || message.hasVoice()
				|| message.hasVideoNote() || message.hasAnimation() || message.hasSticker() || message.hasAudio()
				|| message.hasPaidMedia() || message.hasStory() || message.hasLivePhoto();
	}

	private void media(Message message, Sender sender, String id, boolean edited) throws TelegramApiException {
		sender.chat().delete(message.getMessageId());
		sender.take(InboundMessage.media(Channel.TELEGRAM, sender.chat().id(), id, "system.media_telegram"));
		if (message.hasCaption() && !message.getCaption().isBlank() && !edited) {
			text(message.getCaption(), sender, id + "c", false);
		}
	}

	/**
	 * A typed text or command. An edited text is answered only when it holds a crisis
	 * signal: the conversation has moved on, but help must never be missed.
	 */
	private void text(String text, Sender sender, String id, boolean edited) throws TelegramApiException {
		String chatId = sender.chat().id();
		InboundMessage inbound;
		if (edited) {
			inbound = InboundMessage.edited(Channel.TELEGRAM, chatId, id, text);
		}
		else if (text.startsWith("/")) {
			Command command = Command.parse(text);
			if (command == Command.EXIT) {
				sender.chat().say(turns.notice(sender.locale(), "system.exit_hint"));
				return;
			}
			inbound = InboundMessage.command(Channel.TELEGRAM, chatId, id, command);
		}
		else {
			inbound = InboundMessage.text(Channel.TELEGRAM, chatId, id, text);
		}
		sender.take(inbound);
	}

	/**
	 * Who wrote, as far as a reply needs it: the chat, the language, and the guess of the
	 * country from the language code (in memory only, for this update).
	 */
	private final class Sender {

		private final TelegramChat chat;

		private final String locale;

		private final String country;

		Sender(TelegramChat chat, String locale, String country) {
			this.chat = chat;
			this.locale = locale;
			this.country = country;
		}

		TelegramChat chat() {
			return chat;
		}

		String locale() {
			return locale;
		}

		/** One turn of the hotline, answered in this chat. */
		void take(InboundMessage message) throws TelegramApiException {
			turns.turn(message.from(chat.id(), locale, false).withCountryHint(country), chat);
		}

		/**
		 * Names the language only: the chat id and the guessed country stay out of logs.
		 */
		@Override
		public String toString() {
			return "Sender[locale=" + locale + "]";
		}

	}

}
