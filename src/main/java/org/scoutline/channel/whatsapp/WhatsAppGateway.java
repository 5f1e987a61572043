package org.scoutline.channel.whatsapp;

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

	WhatsAppGateway(WhatsAppMessages messages) {
		this.messages = messages;
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

}
