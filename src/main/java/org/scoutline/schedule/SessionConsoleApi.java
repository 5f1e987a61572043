package org.scoutline.schedule;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The coordinators' API for live sessions: list, read, create, edit (full replacement)
 * and cancel. Bad input gets a 400 with every problem by field ({@link ScheduleErrors});
 * nothing is half-saved. Authentication and the COORDINATOR role for {@code /console/**}
 * come with the console (issue 4).
 */
@RestController
@RequestMapping("/console/api/sessions")
class SessionConsoleApi {

	private final LiveSessions sessions;

	SessionConsoleApi(LiveSessions sessions) {
		this.sessions = sessions;
	}

	@GetMapping
	List<SessionView> list() {
		return sessions.all().stream().map(SessionView::of).toList();
	}

	@GetMapping("/{id}")
	SessionView one(@PathVariable String id) {
		return sessions.find(id).map(SessionView::of).orElseThrow(() -> new UnknownSessionException(id));
	}

	@PostMapping
	ResponseEntity<SessionView> create(@RequestBody SessionDraft draft) {
		LiveSession created = sessions.create(draft);
		return ResponseEntity.created(URI.create("/console/api/sessions/" + created.id()))
			.body(SessionView.of(created));
	}

	@PutMapping("/{id}")
	SessionView update(@PathVariable String id, @RequestBody SessionDraft draft) {
		return SessionView.of(sessions.update(id, draft));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> cancel(@PathVariable String id) {
		sessions.cancel(id);
		return ResponseEntity.noContent().build();
	}

	/**
	 * A session as coordinators see it: local times in its zone, as they were entered,
	 * and the roster.
	 */
	record SessionView(String id, String title, String topic, List<String> languages, List<String> channels,
			String timeZone, String start, String end, List<String> scouts, String supervisor, int maxQueueLength,
			int escalationStopMinutes, String recurrence, List<String> exceptions) {

		static SessionView of(LiveSession s) {
			return new SessionView(s.id(), s.title(), s.topic(), s.languages(),
					s.channels().stream().map(Enum::name).toList(), s.zone().getId(),
					s.start().toLocalDateTime().toString(), s.end().toLocalDateTime().toString(), s.scouts(),
					s.supervisor(), s.maxQueueLength(), s.escalationStopMinutes(), s.recurrence(),
					s.exceptions().stream().map(Object::toString).toList());
		}

	}

}
