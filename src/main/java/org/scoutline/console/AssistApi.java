package org.scoutline.console;

import java.util.List;
import java.util.Map;

import org.scoutline.conversation.ConversationId;
import org.scoutline.handover.SupervisorSide;
import org.scoutline.handover.Whisper;
import org.scoutline.platform.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A supervisor next to the scout of a chat:
 * <ul>
 * <li>{@code GET /console/api/chats/<id>/assist}: the private lines to the scout and the
 * supervisors who stepped in (the chat's scout, or a supervisor)</li>
 * <li>{@code POST /console/api/chats/<id>/whispers} {@code {"text":"..."}}: a private
 * line to the scout, never shown to the user (a supervisor; also over STOMP at
 * {@code /app/chat/<id>/whisper})</li>
 * <li>{@code POST /console/api/chats/<id>/step-in}: the supervisor joins the chat with a
 * line the user sees, and may write to the user from then on; the scout keeps the
 * chat</li>
 * </ul>
 * Refusals say why in JSON.
 */
@RestController
class AssistApi {

	private final SupervisorSide supervisors;

	private final Accounts accounts;

	private final ChatAccess access;

	private final ConsoleSettings settings;

	AssistApi(SupervisorSide supervisors, Accounts accounts, ChatAccess access, ConsoleSettings settings) {
		this.supervisors = supervisors;
		this.accounts = accounts;
		this.access = access;
		this.settings = settings;
	}

	record Assist(List<Whisper> whispers, List<String> helpers) {
	}

	@GetMapping("/console/api/chats/{id}/assist")
	Assist assist(@PathVariable String id, Authentication who) {
		ConversationId chat = parse(id);
		if (!access.allowed(who, id)) {
			throw new ApiProblem(HttpStatus.FORBIDDEN, "not_yours",
					"This chat is not assigned to you. Claim it from the queue, or ask the supervisor.");
		}
		return new Assist(supervisors.whispers(chat), supervisors.helpers(chat));
	}

	record Text(String text) {
	}

	@PostMapping("/console/api/chats/{id}/whispers")
	Map<String, Object> whisper(@PathVariable String id, @RequestBody(required = false) Text body, Authentication who) {
		Account supervisor = supervisor(who);
		ConversationId chat = parse(id);
		String text = body == null || body.text() == null ? "" : body.text().strip();
		if (text.isEmpty() || text.length() > settings.maxNoteLength()) {
			throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad_whisper",
					"A private line to the scout needs 1 to " + settings.maxNoteLength() + " characters.");
		}
		refuse(supervisors.whisper(chat, supervisor.username(), supervisor.alias(), text));
		return Map.of("outcome", "whispered");
	}

	@PostMapping("/console/api/chats/{id}/step-in")
	Map<String, Object> stepIn(@PathVariable String id, Authentication who) {
		Account supervisor = supervisor(who);
		SupervisorSide.Outcome outcome = supervisors.stepIn(parse(id), supervisor.username(), supervisor.alias());
		refuse(outcome);
		return Map.of("outcome", outcome == SupervisorSide.Outcome.ALREADY ? "already" : "joined");
	}

	static void refuse(SupervisorSide.Outcome outcome) {
		switch (outcome) {
			case OK, ALREADY -> {
			}
			case NOT_LIVE -> throw new ApiProblem(HttpStatus.CONFLICT, "not_live",
					"No scout holds this chat right now: claim it from the queue instead.");
			case OWN_CHAT -> throw new ApiProblem(HttpStatus.CONFLICT, "own_chat",
					"You hold this chat yourself: write to the person directly.");
		}
	}

	/**
	 * @return the caller's account if it is an enabled supervisor's
	 */
	private Account supervisor(Authentication who) {
		Account account = accounts.find(who.getName())
			.filter(Account::enabled)
			.orElseThrow(() -> new ApiProblem(HttpStatus.FORBIDDEN, "account_disabled",
					"Your account is disabled. Please talk to your coordinator."));
		if (account.role() != Role.SUPERVISOR) {
			throw new ApiProblem(HttpStatus.FORBIDDEN, "supervisors_only",
					"Only a supervisor can step in or write privately to the scout. Write a note instead.");
		}
		return account;
	}

	private static ConversationId parse(String id) {
		try {
			return new ConversationId(id);
		}
		catch (IllegalArgumentException ex) {
			throw new ApiProblem(HttpStatus.NOT_FOUND, "gone", "There is no chat with that id.");
		}
	}

}
