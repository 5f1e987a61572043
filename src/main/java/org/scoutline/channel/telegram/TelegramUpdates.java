package org.scoutline.channel.telegram;

import java.util.Locale;

import org.scoutline.channel.common.InboundTurns;
import org.scoutline.channel.common.InboundTurns.Arrival;
import org.scoutline.conversation.Channel;
import org.scoutline.conversation.InboundMessage;
import org.scoutline.hotline.ChannelSignals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Handles one Telegram update, whether it came by long polling or by webhook, through
 * {@link InboundTurns}: a replayed update id is skipped, what users send goes to
 * {@link TelegramMessages} as {@link InboundMessage}s, a user who blocked the bot is
 * unreachable, groups and channels get a polite refusal and the bot leaves. When the
 * hotline fails behind an update (storage down), the update is forgotten and the user
 * asked to resend. Logs carry the update id, its type and the conversation id, never chat
 * ids or text.
 */
class TelegramUpdates {

	private static final Logger log = LoggerFactory.getLogger(TelegramUpdates.class);

	static final String CHANNEL = "telegram";

	private final TelegramApi api;

	private final InboundTurns turns;

	private final TelegramMessages messages;

	private final ChannelSignals signals;

	TelegramUpdates(TelegramApi api, InboundTurns turns, TelegramMessages messages, ChannelSignals signals) {
		this.api = api;
		this.turns = turns;
		this.messages = messages;
		this.signals = signals;
	}

	/**
	 * @return the chat an update belongs to (its ordering key), or {@code null} when it
	 * has none
	 */
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

	/** Handles one update; a replayed update id is skipped. */
	void handle(Update update) {
		String type = typeOf(update);
		if (update.getUpdateId() == null || type == null) {
			log.info("telegram update skipped: unknown type update={}", update.getUpdateId());
			return;
		}
		String updateId = String.valueOf(update.getUpdateId());
		Long chat = chatOf(update);
		Arrival arrival = Arrival.of("telegram update", "update=" + updateId + " type=" + type)
			.replayable(CHANNEL, updateId);
		try {
			turns.handle(arrival, () -> dispatch(update, "tg-u" + updateId),
					new TelegramChat(api, chat == null ? null : String.valueOf(chat)));
		}
		catch (TelegramApi.Blocked ex) {
			signals.unreachable(Channel.TELEGRAM, String.valueOf(chat));
		}
		catch (TelegramApiException ex) {
			log.warn("telegram update not fully answered update={} type={} cause={}", updateId, type,
					ex.getClass().getSimpleName());
		}
	}

	private void dispatch(Update update, String id) throws TelegramApiException {
		if (update.hasMessage()) {
			messages.message(update.getMessage(), id, false);
		}
		else if (update.hasEditedMessage()) {
			messages.message(update.getEditedMessage(), id, true);
		}
		else if (update.hasCallbackQuery()) {
			messages.callback(update.getCallbackQuery(), id);
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
