package org.scoutline.console;

import java.util.LinkedHashMap;
import java.util.Map;

import org.scoutline.conversation.Conversation;
import org.scoutline.conversation.ConversationId;
import org.scoutline.conversation.Conversations;
import org.scoutline.platform.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /console/api/chats/<id>/canned}: the canned answers for the chat the scout
 * has open, in its language and for its country ({@link CannedReplies}), for whoever may
 * read the chat.
 */
@RestController
class CannedRepliesApi {

	private final CannedReplies replies;

	private final ChatAccess access;

	private final Conversations conversations;

	CannedRepliesApi(CannedReplies replies, ChatAccess access, Conversations conversations) {
		this.replies = replies;
		this.access = access;
		this.conversations = conversations;
	}

	@GetMapping("/console/api/chats/{id}/canned")
	Map<String, Object> canned(@PathVariable String id, Authentication who) {
		ConversationId conversation;
		try {
			conversation = new ConversationId(id);
		}
		catch (IllegalArgumentException ex) {
			throw new ApiProblem(HttpStatus.NOT_FOUND, "gone", "There is no chat with that id.");
		}
		if (!access.allowed(who, id)) {
			throw new ApiProblem(HttpStatus.FORBIDDEN, "not_yours",
					"This chat is not assigned to you. Claim it from the queue, or ask the supervisor.");
		}
		Conversation chat = conversations.get(conversation)
			.orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "gone", "This chat no longer exists."));
		String country = chat.facts().get("country");
		String age = chat.facts().get("age");
		Boolean adult = age == null ? null : ("18_25".equals(age) || "over25".equals(age));
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("locale", chat.locale());
		out.put("country", country);
		out.put("replies", replies.of(chat.locale(), country, adult));
		return out;
	}

}
