package org.scoutline.channel.telegram;

import java.util.List;

import org.scoutline.channel.common.TurnRenderer;
import org.scoutline.conversation.Bubble;
import org.scoutline.conversation.Choice;
import org.scoutline.hotline.HotlineReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.groupadministration.LeaveChat;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * What the bot says and does in one chat: replies rendered by {@link TelegramReplies},
 * notices, media deleted, keyboards taken away, and a polite refusal before it leaves a
 * group or channel. Logs carry exception classes only, never the chat id.
 */
final class TelegramChat implements TurnRenderer<TelegramApiException> {

	private static final Logger log = LoggerFactory.getLogger(TelegramChat.class);

	private final TelegramApi api;

	private final String chatId;

	private final boolean again;

	/**
	 * @param chatId the chat, {@code null} when the update names none (nothing can be
	 * sent then)
	 */
	TelegramChat(TelegramApi api, String chatId) {
		this(api, chatId, false);
	}

	/**
	 * @param again whether this answers an update tried before ({@link #sendsAgain()})
	 */
	TelegramChat(TelegramApi api, String chatId, boolean again) {
		this.api = api;
		this.chatId = chatId;
		this.again = again;
	}

	@Override
	public boolean sendsAgain() {
		return again;
	}

	String id() {
		return chatId;
	}

	@Override
	public void reply(HotlineReply reply) throws TelegramApiException {
		send(reply.bubbles(), reply.choices());
	}

	/**
	 * Best effort: tells the user their last message could not be handled; a failure here
	 * is only logged.
	 */
	@Override
	public void unavailable(String notice) {
		if (chatId == null) {
			return;
		}
		try {
			say(notice);
		}
		catch (TelegramApiException | RuntimeException ex) {
			log.warn("telegram notice not sent cause={}", ex.getClass().getSimpleName());
		}
	}

	/** Sends one notice, without buttons. */
	void say(String notice) throws TelegramApiException {
		send(List.of(Bubble.notice(notice)), List.of());
	}

	/**
	 * Deletes a message (media the user sent); a failure is logged, only a blocked bot
	 * goes on up.
	 */
	void delete(Integer messageId) throws TelegramApiException {
		try {
			api.call(new DeleteMessage(chatId, messageId));
		}
		catch (TelegramApi.Blocked ex) {
			throw ex;
		}
		catch (TelegramApiException ex) {
			log.warn("telegram media could not be deleted cause={}", ex.getClass().getSimpleName());
		}
	}

	/**
	 * Takes the keyboard off a message whose button was tapped; a failure is logged, only
	 * a blocked bot goes on up.
	 */
	void removeKeyboard(Integer messageId) throws TelegramApiException {
		try {
			api.call(EditMessageReplyMarkup.builder().chatId(chatId).messageId(messageId).build());
		}
		catch (TelegramApi.Blocked ex) {
			throw ex;
		}
		catch (TelegramApiException ex) {
			log.debug("telegram keyboard not removed cause={}", ex.getClass().getSimpleName());
		}
	}

	/**
	 * A group or a channel: says that the bot talks in private chats only, and leaves
	 * whatever happens.
	 */
	void refuse(String notice) throws TelegramApiException {
		log.info("telegram group or channel chat refused");
		try {
			api.call(SendMessage.builder().chatId(chatId).text(notice).build());
		}
		finally {
			leave();
		}
	}

	void leave() throws TelegramApiException {
		api.call(new LeaveChat(chatId));
	}

	private void send(List<Bubble> bubbles, List<Choice> choices) throws TelegramApiException {
		for (SendMessage message : TelegramReplies.render(chatId, bubbles, choices)) {
			api.call(message);
		}
	}

}
