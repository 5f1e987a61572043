package org.scoutline.console;

import java.security.Principal;
import java.util.Map;

import org.scoutline.conversation.ConversationId;
import org.scoutline.handover.ScoutSide;
import org.scoutline.handover.SupervisorSide;
import org.scoutline.platform.ApiProblem;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.annotation.SendToUser;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

/**
 * What a scout sends over STOMP: messages to the user ({@code /app/chat/<id>/send}) and
 * internal notes ({@code /app/chat/<id>/note}), a supervisor's private lines to the scout
 * ({@code /app/chat/<id>/whisper}), each {@code {"text":"..."}}, and typing signals
 * ({@code /app/chat/<id>/typing}). Who may send was decided before (see
 * {@link ConsoleSocketConfiguration}); refusals go to {@code /user/queue/errors}.
 */
@Controller
class ConsoleMessages {

	private final ScoutSide handover;

	private final ConsoleSettings settings;

	private final Accounts accounts;

	private final SupervisorSide supervisors;

	ConsoleMessages(ScoutSide handover, ConsoleSettings settings, Accounts accounts, SupervisorSide supervisors) {
		this.handover = handover;
		this.supervisors = supervisors;
		this.settings = settings;
		this.accounts = accounts;
	}

	record Text(String text) {
	}

	@MessageMapping("/chat/{id}/send")
	void send(@DestinationVariable String id, @Payload Text body, Principal who) {
		String text = checked(body, settings.maxMessageLength());
		String alias = accounts.find(who.getName()).map(Account::alias).orElse(null);
		ConversationId chat = parse(id);
		if (!handover.scoutWrites(chat, who.getName(), alias, text)
				&& !supervisors.helperWrites(chat, who.getName(), alias, text)) {
			throw new ApiProblem(null, "not_yours",
					"You do not hold this chat (any more). Claim it or take it over first; a supervisor steps in first.");
		}
	}

	/**
	 * The scout (or a supervisor) is typing in this chat: the user sees "<alias> is
	 * typing" where their channel can show it. The body is ignored; nothing is stored or
	 * logged; a chat that is not live is left alone.
	 */
	@MessageMapping("/chat/{id}/typing")
	void typing(@DestinationVariable String id, Principal who) {
		String alias = accounts.find(who.getName()).map(Account::alias).orElse(null);
		if (alias != null) {
			handover.scoutTyping(parse(id), alias);
		}
	}

	@MessageMapping("/chat/{id}/note")
	void note(@DestinationVariable String id, @Payload Text body, Principal who) {
		handover.note(parse(id), who.getName(), checked(body, settings.maxNoteLength()));
	}

	/**
	 * A supervisor writes privately to the scout who holds the chat; the user never sees
	 * it. A scout is refused: they write notes.
	 */
	@MessageMapping("/chat/{id}/whisper")
	void whisper(@DestinationVariable String id, @Payload Text body, Principal who) {
		if (!(who instanceof Authentication staff) || !ChatAccess.has(staff, Role.SUPERVISOR)) {
			throw new ApiProblem(null, "supervisors_only",
					"Only a supervisor writes privately to the scout. Write a note instead.");
		}
		String text = checked(body, settings.maxNoteLength());
		String alias = accounts.find(who.getName()).map(Account::alias).orElse(who.getName());
		SupervisorSide.Outcome outcome = supervisors.whisper(parse(id), who.getName(), alias, text);
		AssistApi.refuse(outcome);
	}

	@MessageExceptionHandler(ApiProblem.class)
	@SendToUser(destinations = "/queue/errors", broadcast = false)
	Map<String, String> refused(ApiProblem problem) {
		return ConsoleErrors.body(problem.code(), problem.getMessage());
	}

	@MessageExceptionHandler(RuntimeException.class)
	@SendToUser(destinations = "/queue/errors", broadcast = false)
	Map<String, String> failed(RuntimeException ex) {
		return ConsoleErrors.body("bad_request", "That message could not be sent. Please try again.");
	}

	private static String checked(Text body, int max) {
		String text = body == null || body.text() == null ? "" : body.text().strip();
		if (text.isEmpty()) {
			throw new ApiProblem(null, "empty", "There is nothing to send.");
		}
		if (text.length() > max) {
			throw new ApiProblem(null, "too_long", "At most " + max + " characters, please shorten it.");
		}
		return text;
	}

	private static ConversationId parse(String id) {
		try {
			return new ConversationId(id);
		}
		catch (IllegalArgumentException ex) {
			throw new ApiProblem(null, "gone", "There is no chat with that id.");
		}
	}

}
