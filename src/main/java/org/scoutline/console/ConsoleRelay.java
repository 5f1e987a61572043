package org.scoutline.console;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.scoutline.handover.ChatEvent;
import org.scoutline.handover.Presence;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionConnectedEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * Carries handover events to the consoles connected to this instance, and keeps the presence of the scouts and
 * supervisors connected here alive (a heartbeat while at least one of their console sessions is open).
 */
@Component
class ConsoleRelay {

	private final SimpMessagingTemplate broker;

	private final Presence presence;

	/** connected staff on this instance: username -> open sessions */
	private final Map<String, Integer> connected = new ConcurrentHashMap<>();

	ConsoleRelay(SimpMessagingTemplate broker, Presence presence) {
		this.broker = broker;
		this.presence = presence;
	}

	@EventListener
	void on(ChatEvent event) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", event.type().name().toLowerCase());
		body.put("conversation", event.conversation());
		body.put("crisis", event.crisis());
		if (event.severity() != null) {
			// why the chat is flagged: kind and severity of the signal, never the message
			body.put("kind", event.kind());
			body.put("severity", event.severity());
		}
		body.put("at", event.at());
		if (event.scout() != null) {
			body.put("scout", event.scout());
		}
		if (event.type() == ChatEvent.Type.TYPING) {
			body.put("author", event.author());
			broker.convertAndSend("/topic/chat/" + event.conversation(), body);
			return;
		}
		if (event.type() == ChatEvent.Type.MESSAGE || event.type() == ChatEvent.Type.CLOSED) {
			body.put("author", event.author());
			body.put("text", event.text());
			broker.convertAndSend("/topic/chat/" + event.conversation(), body);
			return;
		}
		Map<String, Object> summary = new LinkedHashMap<>(body);
		summary.remove("text");
		broker.convertAndSend("/topic/chat/" + event.conversation(), summary);
		broker.convertAndSend("/topic/queue", summary);
		broker.convertAndSend("/topic/chats", summary);
		if (event.crisis() && (event.type() == ChatEvent.Type.QUEUED || event.type() == ChatEvent.Type.CRISIS)) {
			broker.convertAndSend("/topic/alerts", summary);
		}
		if ((event.type() == ChatEvent.Type.TRANSFERRED || event.type() == ChatEvent.Type.CLAIMED)
				&& event.scout() != null) {
			broker.convertAndSendToUser(event.scout(), "/queue/assigned", summary);
		}
	}

	@EventListener
	void on(SessionConnectedEvent event) {
		String staff = staff(event.getUser());
		if (staff != null) {
			connected.merge(staff, 1, Integer::sum);
			presence.beat(staff);
		}
	}

	@EventListener
	void on(SessionDisconnectEvent event) {
		String staff = staff(event.getUser());
		if (staff != null) {
			connected.computeIfPresent(staff, (name, count) -> count > 1 ? count - 1 : null);
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
