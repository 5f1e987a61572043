package org.scoutline.channel.webchat;

import java.io.IOException;
import java.util.List;

import org.scoutline.channel.common.TurnRenderer;
import org.scoutline.conversation.Bubble;
import org.scoutline.hotline.HotlineReply;

/**
 * Renders the hotline's replies as the widget's frames on one socket: answers as a
 * {@code bot} frame (none when the message was relayed to a scout), refusals as an
 * {@code error} frame with the refusal's text (a too long text keeps the bubbles before
 * it), an erasure as {@code deleted} (the socket then forgets the token). The language of
 * a reply becomes the socket's.
 */
final class WidgetReplies implements TurnRenderer<IOException> {

	private final WidgetSocket socket;

	private final WebSessions sessions;

	WidgetReplies(WidgetSocket socket, WebSessions sessions) {
		this.socket = socket;
		this.sessions = sessions;
	}

	@Override
	public void reply(HotlineReply reply) throws IOException {
		if (reply.locale() != null) {
			socket.locale(reply.locale());
		}
		switch (reply.outcome()) {
			case DUPLICATE, IGNORED -> {
			}
			case TOO_LONG -> {
				List<Bubble> bubbles = reply.bubbles();
				if (bubbles.size() > 1) {
					socket.send(WebChatFrames.Bot.of(reply.locale(), bubbles.subList(0, bubbles.size() - 1),
							reply.choices()));
				}
				socket.send(new WebChatFrames.Error("too_long", bubbles.get(bubbles.size() - 1).text()));
			}
			case UNAVAILABLE -> socket.send(new WebChatFrames.Error("unavailable", reply.bubbles().get(0).text()));
			case ERASED -> {
				socket.forget(sessions);
				socket.token(null);
				socket.send(new WebChatFrames.Deleted(reply.bubbles().get(0).text()));
			}
			case ANSWERED -> {
				// relayed to a scout: the bot stays silent
				if (!reply.bubbles().isEmpty() || !reply.choices().isEmpty()) {
					socket.send(
							WebChatFrames.Bot.of(reply.locale(), reply.bubbles(), reply.choices(), null, reply.seq()));
				}
			}
		}
	}

	@Override
	public void unavailable(String notice) throws IOException {
		socket.send(new WebChatFrames.Error("unavailable", notice));
	}

	@Override
	public String locale() {
		return socket.locale();
	}

}
