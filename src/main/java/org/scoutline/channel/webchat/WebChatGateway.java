package org.scoutline.channel.webchat;

import java.util.List;

import org.scoutline.conversation.Bubble;
import org.scoutline.conversation.Channel;
import org.scoutline.conversation.ChannelGateway;
import org.scoutline.conversation.Choice;
import org.scoutline.conversation.Conversation;
import org.scoutline.conversation.Mode;
import org.springframework.stereotype.Component;

/**
 * Delivers to widget users: a {@code bot} frame (scout messages carry
 * {@code "from":"scout"}, stored lines their {@code seq}) via any instance.
 */
@Component
class WebChatGateway implements ChannelGateway {

	private final WebSessions sessions;

	WebChatGateway(WebSessions sessions) {
		this.sessions = sessions;
	}

	@Override
	public Channel channel() {
		return Channel.WEB;
	}

	@Override
	public void deliver(Conversation conversation, List<Bubble> bubbles, List<Choice> choices) {
		deliver(conversation, bubbles, choices, 0);
	}

	/** The frame carries {@code seq}: the widget resumes from it and drops repeats. */
	@Override
	public void deliver(Conversation conversation, List<Bubble> bubbles, List<Choice> choices, long seq) {
		sessions.publish(conversation.pseudonym(), WebChatFrames.Bot.of(conversation.locale(), bubbles, choices,
				conversation.mode() == Mode.WITH_SCOUT, seq));
	}

	/** A reminder was stored before it is sent: it is numbered like any stored line. */
	@Override
	public boolean remind(Conversation conversation, List<Bubble> bubbles, List<Choice> choices) {
		deliver(conversation, bubbles, choices, bubbles.isEmpty() ? 0 : conversation.lines());
		return true;
	}

	/**
	 * A transient {@code typing} frame; the widget shows it as a status line, never in
	 * the transcript.
	 */
	@Override
	public void typing(Conversation conversation, String alias) {
		sessions.publish(conversation.pseudonym(), new WebChatFrames.Typing(alias));
	}

}
