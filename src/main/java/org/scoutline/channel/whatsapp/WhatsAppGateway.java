package org.scoutline.channel.whatsapp;

import java.time.Instant;
import java.util.List;

import org.scoutline.conversation.Bubble;
import org.scoutline.conversation.Channel;
import org.scoutline.conversation.ChannelGateway;
import org.scoutline.conversation.Choice;
import org.scoutline.conversation.Conversation;

/**
 * Delivers scout messages and handover notices to a WhatsApp user, rendered like the bot's replies. A user who
 * asked for a scout wrote within the last minutes, so the 24-hour window is open. Typing signals are not sent
 * (the default {@link ChannelGateway#typing}): the Cloud API's typing indicator needs the id of a message just
 * received and marks it read, which the relay does not have.
 */
class WhatsAppGateway implements ChannelGateway {

	private final WhatsAppMessages messages;

	private final String reminderTemplate;

	WhatsAppGateway(WhatsAppMessages messages, String reminderTemplate) {
		this.messages = messages;
		this.reminderTemplate = reminderTemplate == null || reminderTemplate.isBlank() ? null : reminderTemplate.strip();
	}

	@Override
	public Channel channel() {
		return Channel.WHATSAPP;
	}

	@Override
	public void deliver(Conversation conversation, List<Bubble> bubbles, List<Choice> choices) {
		if (conversation.replyAddress() != null) {
			messages.deliver(conversation.replyAddress(), bubbles, choices, conversation.locale());
		}
	}

	@Override
	public boolean canRemind(Conversation conversation, Instant at) {
		return reminderTemplate != null || WhatsAppMessages.insideWindow(conversation.lastActiveAt(), at);
	}

	/** Free-form inside the 24-hour window; outside it only the approved template, when one is configured. */
	@Override
	public boolean remind(Conversation conversation, List<Bubble> bubbles, List<Choice> choices) {
		if (conversation.replyAddress() == null) {
			return false;
		}
		if (messages.insideWindow(conversation.lastActiveAt())) {
			messages.deliver(conversation.replyAddress(), bubbles, choices, conversation.locale());
			return true;
		}
		return reminderTemplate != null
				&& messages.template(conversation.replyAddress(), reminderTemplate, conversation.locale());
	}

}
