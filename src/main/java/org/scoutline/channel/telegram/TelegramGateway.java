package org.scoutline.channel.telegram;

import java.util.List;

import org.scoutline.conversation.Bubble;
import org.scoutline.conversation.Channel;
import org.scoutline.conversation.ChannelGateway;
import org.scoutline.conversation.Choice;
import org.scoutline.conversation.Conversation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Delivers scout messages and handover notices to a Telegram user, rendered like the
 * bot's replies.
 */
class TelegramGateway implements ChannelGateway {

	private static final Logger log = LoggerFactory.getLogger(TelegramGateway.class);

	private final TelegramApi api;

	TelegramGateway(TelegramApi api) {
		this.api = api;
	}

	@Override
	public Channel channel() {
		return Channel.TELEGRAM;
	}

	@Override
	public void deliver(Conversation conversation, List<Bubble> bubbles, List<Choice> choices) {
		if (conversation.replyAddress() == null) {
			return;
		}
		try {
			for (SendMessage message : TelegramReplies.render(conversation.replyAddress(), bubbles, choices)) {
				api.call(message);
			}
		}
		catch (TelegramApiException ex) {
			log.warn("telegram delivery failed conversation={} cause={}", conversation.id(),
					ex.getClass().getSimpleName());
		}
	}

	/**
	 * {@code sendChatAction} with {@code typing}: Telegram shows it for about five
	 * seconds, without a name.
	 */
	@Override
	public void typing(Conversation conversation, String alias) {
		if (conversation.replyAddress() == null) {
			return;
		}
		try {
			api.call(SendChatAction.builder().chatId(conversation.replyAddress()).action("typing").build());
		}
		catch (TelegramApiException ex) {
			log.debug("telegram typing failed conversation={} cause={}", conversation.id(),
					ex.getClass().getSimpleName());
		}
	}

}
