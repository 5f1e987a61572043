package org.scoutline.channel.telegram;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.scoutline.channel.common.CountryGuess;
import org.scoutline.channel.common.Replays;
import org.scoutline.conversation.Bubble;
import org.scoutline.conversation.Channel;
import org.scoutline.conversation.Command;
import org.scoutline.hotline.ChannelSignals;
import org.scoutline.hotline.Hotline;
import org.scoutline.hotline.HotlineReply;
import org.scoutline.conversation.InboundMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.groupadministration.LeaveChat;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Handles one Telegram update, whether it came by long polling or by webhook: maps it to an
 * {@link InboundMessage}, runs it through the {@link Hotline} and renders the reply. Media are deleted from the
 * chat at once and never downloaded (no getFile); groups and channels get a polite refusal and the bot leaves;
 * every callback query is answered and its keyboard taken away. Logs carry the update id, its type and the
 * conversation id, never chat ids or text.
 */
class TelegramUpdates {

	private static final Logger log = LoggerFactory.getLogger(TelegramUpdates.class);

	static final String CHANNEL = "telegram";


	private final TelegramApi api;

	private final Hotline hotline;

	private final ChannelSignals signals;

	private final Replays replays;

	TelegramUpdates(TelegramApi api, Hotline hotline, ChannelSignals signals, Replays replays) {
		this.api = api;
		this.hotline = hotline;
		this.signals = signals;
		this.replays = replays;
	}

	/** @return the chat an update belongs to (its ordering key), or {@code null} when it has none */
	static Long chatOf(Update update) {
		if (update.hasMessage()) {
			return update.getMessage().getChatId();
		}
		if (update.hasEditedMessage()) {
			return update.getEditedMessage().getChatId();
		}
		if (update.hasCallbackQuery()) {
			CallbackQuery query = update.getCallbackQuery();
			return query.getMessage() != null ? query.getMessage().getChatId() : query.getFrom().getId();
		}
		if (update.hasMyChatMember()) {
			return update.getMyChatMember().getChat().getId();
		}
		if (update.hasChannelPost()) {
			return update.getChannelPost().getChatId();
		}
		return null;
	}

	/** @return what kind of update this is, for logs, or {@code null} for a kind the bot does not handle */
	static String typeOf(Update update) {
		if (update.hasMessage()) {
			return "message";
		}
		if (update.hasEditedMessage()) {
			return "edited_message";
		}
		if (update.hasCallbackQuery()) {
			return "callback_query";
		}
		if (update.hasMyChatMember()) {
			return "my_chat_member";
		}
		if (update.hasChannelPost()) {
			return "channel_post";
		}
		return null;
	}

	/** Handles one update; a replayed update id is skipped. */
	void handle(Update update) {
		String type = typeOf(update);
		if (update.getUpdateId() == null || type == null) {
			log.info("telegram update skipped: unknown type update={}", update.getUpdateId());
			return;
		}
		if (!replays.firstTime(CHANNEL, String.valueOf(update.getUpdateId()))) {
			log.info("telegram update skipped: replay update={} type={}", update.getUpdateId(), type);
			return;
		}
		Long chat = chatOf(update);
		try {
			dispatch(update, "tg-u" + update.getUpdateId());
		}
		catch (TelegramApi.Blocked ex) {
			signals.unreachable(Channel.TELEGRAM, String.valueOf(chat));
		}
		catch (TelegramApiException ex) {
			log.warn("telegram update not fully answered update={} type={} cause={}", update.getUpdateId(), type,
					ex.getClass().getSimpleName());
		}
		catch (RuntimeException ex) {
			// the update is acknowledged already and will not come again: forget it and ask the user to resend
			replays.forget(CHANNEL, String.valueOf(update.getUpdateId()));
			log.error("telegram update not handled update={} type={} cause={}", update.getUpdateId(), type,
					ex.getClass().getSimpleName());
			askToResend(chat);
		}
	}

	private void dispatch(Update update, String id) throws TelegramApi.Blocked, TelegramApiException {
		if (update.hasMessage()) {
			message(update.getMessage(), id, false);
		}
		else if (update.hasEditedMessage()) {
			message(update.getEditedMessage(), id, true);
		}
		else if (update.hasCallbackQuery()) {
			callback(update.getCallbackQuery(), id);
		}
		else if (update.hasMyChatMember()) {
			membership(update.getMyChatMember());
		}
		else if (update.hasChannelPost()) {
			api.call(new LeaveChat(String.valueOf(update.getChannelPost().getChatId())));
		}
	}

	private void message(Message message, String id, boolean edited) throws TelegramApi.Blocked,
			TelegramApiException {
		Chat chat = message.getChat();
		String chatId = String.valueOf(chat.getId());
		String languageCode = message.getFrom() != null ? message.getFrom().getLanguageCode() : null;
		String locale = locale(languageCode);
		Sender sender = new Sender(chatId, locale, CountryGuess.language(languageCode));
		if (!Boolean.TRUE.equals(chat.isUserChat())) {
			refuseGroup(chatId, locale);
		}
		else if (isMedia(message)) {
			media(message, sender, id, edited);
		}
		else if (message.hasText()) {
			text(message.getText(), sender, id, edited);
		}
		else if (!edited) {
			send(chatId, List.of(Bubble.notice(hotline.notice(locale, "system.unsupported_message"))));
		}
	}

	/**
	 * Who wrote, as far as a reply needs it: the chat, the language, and the guess of the country from the
	 * language code (in memory only, for this update).
	 */
	private record Sender(String chatId, String locale, String country) {

		InboundMessage address(InboundMessage message) {
			return message.from(chatId, locale, false).withCountryHint(country);
		}

		/** Names the language only: the chat id and the guessed country stay out of logs. */
		@Override
		public String toString() {
			return "Sender[locale=" + locale + "]";
		}

	}

	private void media(Message message, Sender sender, String id, boolean edited)
			throws TelegramApi.Blocked, TelegramApiException {
		String chatId = sender.chatId();
		try {
			api.call(new DeleteMessage(chatId, message.getMessageId()));
		}
		catch (TelegramApiException ex) {
			log.warn("telegram media could not be deleted cause={}", ex.getClass().getSimpleName());
		}
		reply(chatId, hotline.receive(sender.address(InboundMessage.media(Channel.TELEGRAM, chatId, id))));
		if (message.hasCaption() && !message.getCaption().isBlank() && !edited) {
			text(message.getCaption(), sender, id + "c", false);
		}
	}

	/**
	 * A typed text or command. An edited text is answered only when it holds a crisis signal: the conversation has
	 * moved on, but help must never be missed.
	 */
	private void text(String text, Sender sender, String id, boolean edited)
			throws TelegramApi.Blocked, TelegramApiException {
		String chatId = sender.chatId();
		InboundMessage inbound;
		if (edited) {
			inbound = InboundMessage.edited(Channel.TELEGRAM, chatId, id, text);
		}
		else if (text.startsWith("/")) {
			Command command = Command.parse(text);
			if (command == Command.EXIT) {
				send(chatId, List.of(Bubble.notice(hotline.notice(sender.locale(), "system.exit_hint"))));
				return;
			}
			inbound = InboundMessage.command(Channel.TELEGRAM, chatId, id, command);
		}
		else {
			inbound = InboundMessage.text(Channel.TELEGRAM, chatId, id, text);
		}
		reply(chatId, hotline.receive(sender.address(inbound)));
	}

	private void callback(CallbackQuery query, String id) throws TelegramApi.Blocked, TelegramApiException {
		api.call(new AnswerCallbackQuery(query.getId()));
		MaybeInaccessibleMessage tapped = query.getMessage();
		String chatId = String.valueOf(tapped != null ? tapped.getChatId() : query.getFrom().getId());
		if (tapped != null && tapped.getDate() != null && tapped.getDate() != 0) {
			removeKeyboard(chatId, tapped.getMessageId());
		}
		String data = query.getData();
		if (data == null || data.isBlank() || tapped != null && !Boolean.TRUE.equals(tapped.getChat().isUserChat())) {
			return;
		}
		String languageCode = query.getFrom().getLanguageCode();
		Sender sender = new Sender(chatId, locale(languageCode), CountryGuess.language(languageCode));
		InboundMessage inbound = data.startsWith("/") ? InboundMessage.command(Channel.TELEGRAM, chatId, id,
				Command.parse(data)) : InboundMessage.choice(Channel.TELEGRAM, chatId, id, data);
		reply(chatId, hotline.receive(sender.address(inbound)));
	}

	private void removeKeyboard(String chatId, Integer messageId) throws TelegramApi.Blocked {
		try {
			api.call(EditMessageReplyMarkup.builder().chatId(chatId).messageId(messageId).build());
		}
		catch (TelegramApiException ex) {
			log.debug("telegram keyboard not removed cause={}", ex.getClass().getSimpleName());
		}
	}

	/** The user blocked the bot ("kicked") or the bot was added to a group. */
	private void membership(ChatMemberUpdated change) throws TelegramApi.Blocked, TelegramApiException {
		String chatId = String.valueOf(change.getChat().getId());
		String status = change.getNewChatMember() != null ? change.getNewChatMember().getStatus() : null;
		if (Boolean.TRUE.equals(change.getChat().isUserChat())) {
			if ("kicked".equals(status)) {
				signals.unreachable(Channel.TELEGRAM, chatId);
			}
			return;
		}
		if ("member".equals(status) || "administrator".equals(status)) {
			refuseGroup(chatId, null);
		}
	}

	private void refuseGroup(String chatId, String locale) throws TelegramApi.Blocked, TelegramApiException {
		log.info("telegram group or channel chat refused");
		try {
			api.call(SendMessage.builder().chatId(chatId).text(hotline.notice(locale, "system.private_only")).build());
		}
		finally {
			api.call(new LeaveChat(chatId));
		}
	}

	private void reply(String chatId, HotlineReply reply) throws TelegramApi.Blocked, TelegramApiException {
		if (reply.sendsNothing()) {
			return;
		}
		log.debug("telegram reply conversation={} outcome={}", reply.conversation(), reply.outcome());
		for (SendMessage message : TelegramReplies.render(chatId, reply.bubbles(), reply.choices())) {
			api.call(message);
		}
	}

	/** Best effort: tells the user their last message could not be handled; a failure here is only logged. */
	private void askToResend(Long chat) {
		if (chat == null) {
			return;
		}
		try {
			send(String.valueOf(chat), List.of(Bubble.notice(hotline.notice(null, "system.unavailable"))));
		}
		catch (TelegramApi.Blocked | TelegramApiException | RuntimeException ex) {
			log.warn("telegram notice not sent cause={}", ex.getClass().getSimpleName());
		}
	}

	private void send(String chatId, List<Bubble> bubbles) throws TelegramApi.Blocked, TelegramApiException {
		for (SendMessage message : TelegramReplies.render(chatId, bubbles, List.of())) {
			api.call(message);
		}
	}

	/** @return the command without slash, arguments and bot name ({@code /start@ScoutBot x} is start) */
	static boolean isMedia(Message message) {
		return message.hasPhoto() || message.hasVideo() || message.hasDocument() || message.hasVoice()
				|| message.hasVideoNote() || message.hasAnimation() || message.hasSticker() || message.hasAudio()
				|| message.hasPaidMedia() || message.hasStory() || message.hasLivePhoto();
	}

	/** @return the two-letter language of an IETF tag such as {@code de-AT}, or {@code null} */
	static String locale(String languageCode) {
		if (languageCode == null || languageCode.length() < 2) {
			return null;
		}
		return languageCode.substring(0, 2).toLowerCase(Locale.ROOT);
	}

}
