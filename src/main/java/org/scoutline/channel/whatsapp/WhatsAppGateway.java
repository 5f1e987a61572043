package org.scoutline.channel.whatsapp;

import java.time.Instant;
import java.util.List;

import org.scoutline.conversation.Bubble;
import org.scoutline.conversation.Channel;
import org.scoutline.conversation.ChannelGateway;
import org.scoutline.conversation.Choice;
import org.scoutline.conversation.Conversation;

/**
 * Delivers scout messages and handover notices to a WhatsApp user, rendered like the
 * bot's replies (through the same {@link WhatsAppSender}, never through the hotline). A
 * user who asked for a scout wrote within the last minutes, so the 24-hour window is
 * open. Typing signals are not sent (the default {@link ChannelGateway#typing}): the
 * Cloud API's typing indicator needs the id of a message just received and marks it read,
 * which the relay does not have.
 */
class WhatsAppGateway implements ChannelGateway {

	private final WhatsAppSender sender;

	private final String reminderTemplate;

	WhatsAppGateway(WhatsAppSender sender, String reminderTemplate) {
		this.sender = sender;
		this.reminderTemplate = reminderTemplate == null || reminderTemplate.isBlank() ? null
				: reminderTemplate.strip();
	}

	@Override
	public Channel channel() {
		return Channel.WHATSAPP;
	}

	@Override
	public void deliver(Conversation conversation, List<Bubble> bubbles, List<Choice> choices) {
		if (conversation.replyAddress() != null) {
			sender.send(conversation.replyAddress(), bubbles, choices, conversation.locale());
		}
	}

	@Override
	public boolean canRemind(Conversation conversation, Instant at) {
		return reminderTemplate != null || WhatsAppSender.insideWindow(conversation.lastActiveAt(), at);
	}

	/**
	 * Free-form inside the 24-hour window; outside it only the approved template, when
	 * one is configured.
	 */
	@Override
	public boolean remind(Conversation conversation, List<Bubble> bubbles, List<Choice> choices) {
		if (conversation.replyAddress() == null) {
			return false;
		}
		if (sender.insideWindow(conversation.lastActiveAt())) {
			sender.send(conversation.replyAddress(), bubbles, choices, conversation.locale());
			return true;
		}
		return reminderTemplate != null
				&& sender.template(conversation.replyAddress(), reminderTemplate, conversation.locale());
	}

}
