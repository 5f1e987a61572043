package org.scoutline.console;

import java.util.LinkedHashMap;
import java.util.Map;

import org.scoutline.handover.ChatEvent;

/**
 * A chat event as the console's browsers receive it over STOMP: {@code type},
 * {@code conversation}, {@code crisis}, for a crisis signal its {@code kind} and
 * {@code severity} (never the message), {@code at}, the {@code scout} concerned, and for
 * messages, typing and closing the {@code author} and {@code text} (the outcome for
 * closing), and for what the user or the scout wrote the {@code seq} of its transcript
 * line; a supervisor's private line to the scout ({@code whisper}) and their stepping in
 * ({@code joined}) with their {@code alias}; an offer ({@code offered}) with the
 * milliseconds it lasts ({@code expiresIn}).
 *
 * @param body the frame's fields
 * @param forChatOnly whether it goes to the chat's own topic only (messages, typing,
 * closing), not to the lists
 * @param alert whether the supervisor's alert topic gets it (a crisis in the queue or in
 * a live chat)
 * @param assigns the scout it assigns the chat to (claimed, transferred), who gets it on
 * their own queue
 */
record ConsoleFrame(Map<String, Object> body, boolean forChatOnly, boolean alert, String assigns) {

	static ConsoleFrame of(ChatEvent event) {
		if (event instanceof ChatEvent.ChatQueued queued) {
			return new ConsoleFrame(body("queued", event, queued.crisis(), queued.kind(), queued.severity(), null),
					false, queued.crisis(), null);
		}
		if (event instanceof ChatEvent.CrisisFlagged flagged) {
			return new ConsoleFrame(body("crisis", event, true, flagged.kind(), flagged.severity(), flagged.scout()),
					false, true, null);
		}
		if (event instanceof ChatEvent.ChatClaimed claimed) {
			return new ConsoleFrame(body("claimed", event, false, null, null, claimed.scout()), false, false,
					claimed.scout());
		}
		if (event instanceof ChatEvent.ChatTransferred transferred) {
			return new ConsoleFrame(body("transferred", event, false, null, null, transferred.scout()), false, false,
					transferred.scout());
		}
		if (event instanceof ChatEvent.MessageWritten written) {
			Map<String, Object> body = body("message", event, written.crisis(), null, null, written.scout());
			body.put("author", written.author());
			body.put("text", written.text());
			if (written.seq() > 0) {
				// the number of its transcript line: a console that reconnects
				// resumes after the last one it has
				body.put("seq", written.seq());
			}
			return new ConsoleFrame(body, true, false, null);
		}
		if (event instanceof ChatEvent.ChatClosed closed) {
			Map<String, Object> body = body("closed", event, false, null, null, closed.scout());
			body.put("author", null);
			body.put("text", closed.outcome());
			return new ConsoleFrame(body, true, false, null);
		}
		if (event instanceof ChatEvent.UserTyped typed) {
			Map<String, Object> body = body("typing", event, false, null, null, typed.scout());
			body.put("author", "user");
			return new ConsoleFrame(body, true, false, null);
		}
		if (event instanceof ChatEvent.WhisperWritten whisper) {
			Map<String, Object> body = body("whisper", event, false, null, null, whisper.scout());
			body.put("author", whisper.supervisor());
			body.put("alias", whisper.alias());
			body.put("text", whisper.text());
			return new ConsoleFrame(body, true, false, null);
		}
		if (event instanceof ChatEvent.SupervisorJoined joined) {
			Map<String, Object> body = body("joined", event, false, null, null, joined.scout());
			body.put("author", joined.supervisor());
			body.put("alias", joined.alias());
			return new ConsoleFrame(body, true, false, null);
		}
		if (event instanceof ChatEvent.ChatOffered offered) {
			// to the one scout it is offered to, on their own queue (see ConsoleRelay)
			Map<String, Object> body = body("offered", event, false, null, null, offered.scout());
			body.put("expiresIn", offered.forMillis());
			return new ConsoleFrame(body, true, false, null);
		}
		if (event instanceof ChatEvent.ChatRequeued requeued) {
			return new ConsoleFrame(body("requeued", event, false, null, null, requeued.scout()), false, false, null);
		}
		if (event instanceof ChatEvent.ChatLeft) {
			return new ConsoleFrame(body("left", event, false, null, null, null), false, false, null);
		}
		if (event instanceof ChatEvent.ChatErased) {
			return new ConsoleFrame(body("erased", event, false, null, null, null), false, false, null);
		}
		throw new IllegalArgumentException("no console frame for " + event.getClass().getSimpleName());
	}

	private static Map<String, Object> body(String type, ChatEvent event, boolean crisis, String kind, String severity,
			String scout) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", type);
		body.put("conversation", event.conversation());
		body.put("crisis", crisis);
		if (severity != null) {
			body.put("kind", kind);
			body.put("severity", severity);
		}
		body.put("at", event.at());
		if (scout != null) {
			body.put("scout", scout);
		}
		return body;
	}

}
