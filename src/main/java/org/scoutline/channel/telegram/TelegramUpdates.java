package org.scoutline.channel.telegram;

import java.util.Locale;

import org.scoutline.channel.common.InboundTurns;
import org.scoutline.channel.common.IntakeHandler;
import org.scoutline.channel.common.IntakeWorkers;
import org.scoutline.conversation.Channel;
import org.scoutline.conversation.InboundMessage;
import org.scoutline.hotline.ChannelSignals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Handles one Telegram update that the {@link IntakeWorkers} hand over, in its chat's
 * order: what users send goes to {@link TelegramMessages} as {@link InboundMessage}s, a
 * user who blocked the bot is unreachable, groups and channels get a polite refusal and
 * the bot leaves. A reply the Bot API could not take after its own retries (a server
 * error, the network) makes the update be tried again from the intake; a refusal that
 * retrying can't change (a {@code 400}) is logged and the update is done. Logs carry the
 * update id, its type and the conversation id, never chat ids or text.
 */
class TelegramUpdates implements IntakeHandler {

	private static final Logger log = LoggerFactory.getLogger(TelegramUpdates.class);

	static final String CHANNEL = "telegram";

	private final TelegramApi api;

	private final InboundTurns turns;

	private final TelegramMessages messages;

	private final ChannelSignals signals;

	private final TelegramArrivals arrivals;

	TelegramUpdates(TelegramApi api, InboundTurns turns, TelegramMessages messages, ChannelSignals signals,
			TelegramArrivals arrivals) {
		this.api = api;
		this.turns = turns;
		this.messages = messages;
		this.signals = signals;
		this.arrivals = arrivals;
	}

	/**
	 * @return the chat an update belongs to (its ordering key), or {@code null} when it
	 * names none
	 */
	static Long chatOf(Update update) {
		if (update.hasMessage()) {
			return chatOf(update.getMessage().getChat());
		}
		if (update.hasEditedMessage()) {
			return chatOf(update.getEditedMessage().getChat());
		}
		if (update.hasCallbackQuery()) {
			CallbackQuery query = update.getCallbackQuery();
			if (query.getMessage() != null && query.getMessage().getChat() != null) {
				return chatOf(query.getMessage().getChat());
			}
			return query.getFrom() != null ? query.getFrom().getId() : null;
		}
		if (update.hasMyChatMember()) {
			return chatOf(update.getMyChatMember().getChat());
		}
		if (update.hasChannelPost()) {
			return chatOf(update.getChannelPost().getChat());
		}
		return null;
	}

	private static Long chatOf(Chat chat) {
		return chat == null ? null : chat.getId();
	}

	/**
	 * @return what kind of update this is, for logs, or {@code null} for a kind the bot
	 * does not handle
	 */
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

	/**
	 * @return the two-letter language of an IETF tag such as {@code de-AT}, or
	 * {@code null}
	 */
	static String locale(String languageCode) {
		if (languageCode == null || languageCode.length() < 2) {
			return null;
		}
		return languageCode.substring(0, 2).toLowerCase(Locale.ROOT);
	}

	@Override
	public void handle(String payload, int attempt) throws TelegramApiException, JsonProcessingException {
		Update update = arrivals.read(payload);
		String updateId = String.valueOf(update.getUpdateId());
		Long chat = chatOf(update);
		try {
			dispatch(update, "tg-u" + updateId, attempt);
		}
		catch (TelegramApi.Blocked ex) {
			signals.unreachable(Channel.TELEGRAM, String.valueOf(chat));
		}
		catch (TelegramApiRequestException ex) {
			Integer code = ex.getErrorCode();
			if (code == null || code == 429 || code >= 500) {
				throw ex;
			}
			log.warn("telegram update not fully answered update={} type={} code={}", updateId, typeOf(update), code);
		}
		catch (TelegramApiValidationException ex) {
			log.warn("telegram update not fully answered update={} type={} cause=validation", updateId, typeOf(update));
		}
	}

	@Override
	public void giveUp(String payload) {
		Update update;
		try {
			update = arrivals.read(payload);
		}
		catch (JsonProcessingException ex) {
			return;
		}
		Long chat = chatOf(update);
		Message message = update.hasMessage() ? update.getMessage() : update.getEditedMessage();
		String text = message == null ? null : message.hasText() ? message.getText() : message.getCaption();
		User from = message != null ? message.getFrom()
				: update.hasCallbackQuery() ? update.getCallbackQuery().getFrom() : null;
		String locale = from == null ? null : locale(from.getLanguageCode());
		new TelegramChat(api, chat == null ? null : String.valueOf(chat)).unavailable(turns.notReceived(locale, text));
	}

	private void dispatch(Update update, String id, int attempt) throws TelegramApiException {
		if (update.hasMessage()) {
			messages.message(update.getMessage(), id, false, attempt);
		}
		else if (update.hasEditedMessage()) {
			messages.message(update.getEditedMessage(), id, true, attempt);
		}
		else if (update.hasCallbackQuery()) {
			messages.callback(update.getCallbackQuery(), id, attempt);
		}
		else if (update.hasMyChatMember()) {
			membership(update.getMyChatMember());
		}
		else if (update.hasChannelPost()) {
			new TelegramChat(api, String.valueOf(update.getChannelPost().getChatId())).leave();
		}
	}

	/** The user blocked the bot ("kicked") or the bot was added to a group. */
	private void membership(ChatMemberUpdated change) throws TelegramApiException {
		String chatId = String.valueOf(change.getChat().getId());
		String status = change.getNewChatMember() != null ? change.getNewChatMember().getStatus() : null;
		if (Boolean.TRUE.equals(change.getChat().isUserChat())) {
			if ("kicked".equals(status)) {
				signals.unreachable(Channel.TELEGRAM, chatId);
			}
			return;
		}
		if ("member".equals(status) || "administrator".equals(status)) {
			new TelegramChat(api, chatId).refuse(turns.notice(null, "system.private_only"));
		}
	}

}
