package org.scoutline.console;

import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.scoutline.conversation.ConversationId;
import org.scoutline.handover.ChatEvent;
import org.scoutline.handover.Presence;
import org.scoutline.schedule.OpeningChanged;
import org.scoutline.schedule.OpeningChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionConnectedEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * Carries handover events to the consoles connected to this instance, and keeps the
 * presence of the scouts and supervisors connected here alive (a heartbeat while at least
 * one of their console sessions is open).
 */
@Component
class ConsoleRelay {

	private static final Logger log = LoggerFactory.getLogger(ConsoleRelay.class);

	private final SimpMessagingTemplate broker;

	private final Presence presence;

	/** connected staff on this instance: username -> open sessions */
	private final Map<String, Integer> connected = new ConcurrentHashMap<>();

	private final OpeningChanges openings;

	private final ChatNumbers numbers;

	ConsoleRelay(SimpMessagingTemplate broker, Presence presence, OpeningChanges openings, ChatNumbers numbers) {
		this.broker = broker;
		this.presence = presence;
		this.openings = openings;
		this.numbers = numbers;
	}

	/**
	 * Tells the browsers connected to this instance what happened to a chat, on whichever
	 * instance it happened.
	 */
	@EventListener
	void on(ChatEvent.Relayed relayed) {
		ChatEvent event = relayed.event();
		ConsoleFrame frame = ConsoleFrame.of(event);
		if (event instanceof ChatEvent.ChatOffered offered) {
			broker.convertAndSendToUser(offered.scout(), "/queue/offers", frame.body());
			return;
		}
		String chat = "/topic/chat/" + event.conversation();
		if (frame.forChatOnly()) {
			broker.convertAndSend(chat, frame.body());
			return;
		}
		broker.convertAndSend(chat, frame.body());
		broker.convertAndSend("/topic/queue", frame.body());
		broker.convertAndSend("/topic/chats", frame.body());
		if (frame.alert()) {
			// the supervisor is told which chat by the number every console shows ("Chat
			// 3")
			broker.convertAndSend("/topic/alerts", numbered(frame.body(), event.conversation()));
		}
		if (frame.assigns() != null) {
			broker.convertAndSendToUser(frame.assigns(), "/queue/assigned", frame.body());
		}
	}

	/**
	 * @return the alert with the chat's number; without it when Redis cannot say, so that
	 * a crisis alert always goes out (the console then names the chat by its id)
	 */
	private Map<String, Object> numbered(Map<String, Object> body, String conversation) {
		Map<String, Object> alert = new HashMap<>(body);
		try {
			alert.put("number", numbers.of(new ConversationId(conversation)));
		}
		catch (RuntimeException ex) {
			log.warn("crisis alert sent without its chat number cause={}", ex.getClass().getSimpleName());
		}
		return alert;
	}

	/**
	 * A staff member checks in: their console connected (the widgets hear it at once).
	 */
	@EventListener
	void on(SessionConnectedEvent event) {
		String staff = staff(event.getUser());
		if (staff != null) {
			connected.merge(staff, 1, Integer::sum);
			presence.beat(staff);
			openings.checkedIn(staff);
		}
	}

	/**
	 * Their last console here closed: checked out at once, unless one is open elsewhere.
	 */
	@EventListener
	void on(SessionDisconnectEvent event) {
		String staff = staff(event.getUser());
		if (staff != null && connected.computeIfPresent(staff, (name, count) -> count > 1 ? count - 1 : null) == null) {
			presence.checkOut(staff);
			openings.checkedOut(staff);
		}
	}

	/** Someone checked out on another instance while their console is still open here. */
	@EventListener
	void on(OpeningChanged changed) {
		if (OpeningChanged.CHECKED_OUT.equals(changed.reason()) && changed.staff() != null
				&& connected.containsKey(changed.staff())) {
			presence.beat(changed.staff());
			openings.checkedIn(changed.staff());
		}
	}

	@Scheduled(fixedDelayString = "${scoutline.handover.heartbeat:10s}")
	void heartbeat() {
		connected.keySet().forEach(presence::beat);
	}

	private static String staff(Principal user) {
		if (user instanceof Authentication who
				&& (ChatAccess.has(who, Role.SCOUT) || ChatAccess.has(who, Role.SUPERVISOR))) {
			return who.getName();
		}
		return null;
	}

}
