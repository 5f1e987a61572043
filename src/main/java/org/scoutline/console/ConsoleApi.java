package org.scoutline.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.scoutline.conversation.ConversationId;
import org.scoutline.handover.ClaimOutcome;
import org.scoutline.handover.ScoutSide;
import org.scoutline.handover.ScoutDuty;
import org.scoutline.platform.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The console's REST API: who am I, the queue, my chats (a supervisor: all), one chat
 * with its summary and transcript (each line with its {@code seq}), the lines after a
 * {@code seq}, claim, transfer, close, notes. Chat access follows {@link ChatAccess};
 * refusals say why in JSON. Who is on duty to hand over to: {@link TeamApi}.
 */
@RestController
class ConsoleApi {

	static final List<String> OUTCOMES = List.of("helped", "referred", "crisis_referred", "no_reply", "not_in_scope",
			"abusive");

	private final ScoutSide handover;

	private final ChatSummaries summaries;

	private final Accounts accounts;

	private final ChatAccess access;

	private final ScoutDuty duty;

	private final ConsoleSettings settings;

	private final HandoverMeters meters;

	private final ConsoleLanguage languages;

	ConsoleApi(ScoutSide handover, ChatSummaries summaries, Accounts accounts, ChatAccess access, ScoutDuty duty,
			ConsoleSettings settings, HandoverMeters meters, ConsoleLanguage languages) {
		this.meters = meters;
		this.languages = languages;
		this.handover = handover;
		this.summaries = summaries;
		this.accounts = accounts;
		this.access = access;
		this.duty = duty;
		this.settings = settings;
	}

	record Me(String username, String alias, String role, String csrfHeader, String csrfToken, int maxMessageLength,
			int maxNoteLength, List<String> outcomes, String language) {
	}

	@GetMapping("/console/api/me")
	Me me(Authentication who, CsrfToken csrf) {
		Account account = account(who);
		return new Me(account.username(), account.alias(), account.role().name(), csrf.getHeaderName(), csrf.getToken(),
				settings.maxMessageLength(), settings.maxNoteLength(), OUTCOMES,
				accounts.language(account.username()).orElse(null));
	}

	@GetMapping("/console/api/queue")
	List<Map<String, Object>> queue(Authentication who, HttpServletRequest request) {
		account(who);
		String language = languages.of(who, request);
		List<Map<String, Object>> out = new ArrayList<>();
		List<String> waiting = handover.waiting();
		for (int i = 0; i < waiting.size(); i++) {
			int position = i + 1;
			summaries.of(new ConversationId(waiting.get(i)), language).ifPresent(s -> {
				s.put("position", position);
				out.add(s);
			});
		}
		return out;
	}

	@GetMapping("/console/api/chats")
	List<Map<String, Object>> chats(Authentication who, HttpServletRequest request) {
		account(who);
		List<String> ids = ChatAccess.has(who, Role.SUPERVISOR) ? handover.activeChats()
				: handover.chatsOf(who.getName());
		List<Map<String, Object>> out = new ArrayList<>();
		String language = languages.of(who, request);
		ids.forEach(id -> summaries.of(new ConversationId(id), language).ifPresent(out::add));
		return out;
	}

	@GetMapping("/console/api/chats/{id}")
	Map<String, Object> chat(@PathVariable String id, Authentication who, HttpServletRequest request) {
		ConversationId conversation = allowed(id, who);
		Map<String, Object> chat = summaries.detail(conversation, languages.of(who, request))
			.orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "gone", "This chat no longer exists."));
		Map<String, Object> transcript = summaries.transcript(conversation, 0);
		chat.put("transcript", transcript.get("lines"));
		chat.put("seq", transcript.get("seq"));
		chat.put("notes", handover.notes(conversation));
		return chat;
	}

	/**
	 * The transcript lines after {@code after}, the {@code seq} of a line the console
	 * has: what a console that reconnects missed.
	 */
	@GetMapping("/console/api/chats/{id}/transcript")
	Map<String, Object> transcript(@PathVariable String id, @RequestParam(defaultValue = "0") String after,
			Authentication who) {
		ConversationId conversation = allowed(id, who);
		if (!after.matches("[0-9]{1,15}")) {
			throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad_after",
					"after must be the seq of a transcript line (a whole number from 0).");
		}
		return summaries.transcript(conversation, Long.parseLong(after));
	}

	@PostMapping("/console/api/chats/{id}/claim")
	Map<String, Object> claim(@PathVariable String id, Authentication who) {
		ConversationId conversation = parse(id);
		Account me = account(who);
		ClaimOutcome outcome = handover.claim(conversation, me.username(), me.alias(), me.role() == Role.SUPERVISOR);
		meters.claimed(outcome);
		refuse(outcome, "You already hold as many chats as you can (" + handover.capacity(me.role() == Role.SUPERVISOR)
				+ "). Close one first.");
		return Map.of("outcome", outcome.name().toLowerCase(), "conversation", id);
	}

	record Transfer(String to) {
	}

	@PostMapping("/console/api/chats/{id}/transfer")
	Map<String, Object> transfer(@PathVariable String id, @RequestBody Transfer body, Authentication who) {
		ConversationId conversation = allowed(id, who);
		Account target = accounts.find(body == null ? null : body.to())
			.filter(a -> a.enabled() && a.role() != Role.COORDINATOR)
			.orElseThrow(() -> new ApiProblem(HttpStatus.BAD_REQUEST, "no_such_scout",
					"There is no active scout or supervisor with that name."));
		if (!duty.onDuty().contains(target.username())) {
			throw new ApiProblem(HttpStatus.CONFLICT, "not_on_duty",
					target.alias() + " is not on duty right now. Choose someone whose console is open.");
		}
		String holder = handover.assignee(conversation);
		if (holder == null) {
			throw new ApiProblem(HttpStatus.CONFLICT, "gone", "Nobody holds this chat any more.");
		}
		ClaimOutcome outcome = handover.transfer(conversation, holder, target.username(), target.alias(),
				target.role() == Role.SUPERVISOR);
		meters.transferred(outcome);
		refuse(outcome, target.alias() + " already holds as many chats as they can.");
		return Map.of("outcome", "ok", "to", target.username());
	}

	record Close(String outcome) {
	}

	@PostMapping("/console/api/chats/{id}/close")
	Map<String, Object> close(@PathVariable String id, @RequestBody Close body, Authentication who) {
		ConversationId conversation = allowed(id, who);
		if (body == null || body.outcome() == null || body.outcome().isBlank()) {
			throw new ApiProblem(HttpStatus.BAD_REQUEST, "outcome_required",
					"Choose how the chat went before you close it: " + OUTCOMES);
		}
		if (!OUTCOMES.contains(body.outcome())) {
			throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad_outcome", "Choose one of the outcomes: " + OUTCOMES);
		}
		String holder = handover.assignee(conversation);
		Account closer = account(who);
		if (holder == null || !handover.close(conversation, holder, closer.alias(), body.outcome())) {
			throw new ApiProblem(HttpStatus.CONFLICT, "gone", "This chat is not open any more.");
		}
		meters.closed(body.outcome());
		return Map.of("outcome", "closed");
	}

	record Note(String text) {
	}

	@PostMapping("/console/api/chats/{id}/notes")
	Map<String, Object> note(@PathVariable String id, @RequestBody Note body, Authentication who) {
		ConversationId conversation = allowed(id, who);
		String text = body == null || body.text() == null ? "" : body.text().strip();
		if (text.isEmpty() || text.length() > settings.maxNoteLength()) {
			throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad_note",
					"A note needs 1 to " + settings.maxNoteLength() + " characters.");
		}
		handover.note(conversation, who.getName(), text);
		return Map.of("outcome", "noted");
	}

	private static void refuse(ClaimOutcome outcome, String full) {
		switch (outcome) {
			case OK, MINE -> {
			}
			case TAKEN ->
				throw new ApiProblem(HttpStatus.CONFLICT, "taken", "Another scout has already taken this chat.");
			case GONE -> throw new ApiProblem(HttpStatus.NOT_FOUND, "gone",
					"This chat is no longer waiting: the person left the queue or deleted their data.");
			case FULL -> throw new ApiProblem(HttpStatus.CONFLICT, "full", full);
		}
	}

	private ConversationId allowed(String id, Authentication who) {
		ConversationId conversation = parse(id);
		account(who);
		if (!access.allowed(who, id)) {
			throw new ApiProblem(HttpStatus.FORBIDDEN, "not_yours",
					"This chat is not assigned to you. Claim it from the queue, or ask the supervisor.");
		}
		return conversation;
	}

	private static ConversationId parse(String id) {
		try {
			return new ConversationId(id);
		}
		catch (IllegalArgumentException ex) {
			throw new ApiProblem(HttpStatus.NOT_FOUND, "gone", "There is no chat with that id.");
		}
	}

	/**
	 * @return the caller's account; a session of a disabled account is refused at once
	 */
	private Account account(Authentication who) {
		return accounts.find(who.getName())
			.filter(Account::enabled)
			.orElseThrow(() -> new ApiProblem(HttpStatus.FORBIDDEN, "account_disabled",
					"Your account is disabled. Please talk to your coordinator."));
	}

}
