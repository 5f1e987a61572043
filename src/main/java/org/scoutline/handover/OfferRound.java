package org.scoutline.handover;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * With {@code scoutline.handover.assignment=offer}, runs on every instance: offers the
 * waiting chats, in the queue's order (imminent danger, then crisis, then waiting time),
 * each to the free scout with the most room left (the chat limit minus the chats they
 * hold; enabled scout accounts on duty now, with no other offer open), one who has not
 * had it in this round. An offer nobody accepts in
 * {@code scoutline.handover.offer-timeout} lapses and the chat goes to the next scout;
 * once every free scout has had it, the round starts again. Safe with any number of
 * instances: each offer is decided by one Lua script that refuses a second live offer for
 * the chat or for the scout.
 */
@Component
class OfferRound {

	private static final Logger log = LoggerFactory.getLogger(OfferRound.class);

	private final HandoverStore store;

	private final OfferStore offers;

	private final Offers desk;

	private final ScoutDuty duty;

	private final OfferTargets targets;

	private final ScoutSide scouts;

	private final HandoverEvents events;

	private final HandoverSettings settings;

	private final Clock clock;

	OfferRound(HandoverStore store, OfferStore offers, Offers desk, ScoutDuty duty, OfferTargets targets,
			ScoutSide scouts, HandoverEvents events, HandoverSettings settings, Clock clock) {
		this.store = store;
		this.offers = offers;
		this.desk = desk;
		this.duty = duty;
		this.targets = targets;
		this.scouts = scouts;
		this.events = events;
		this.settings = settings;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${scoutline.handover.offer-sweep:1s}",
			initialDelayString = "${scoutline.handover.offer-sweep:1s}")
	void tick() {
		if (!desk.offering()) {
			return;
		}
		try {
			offerWaitingChats();
		}
		catch (RuntimeException ex) {
			log.warn("handover offers failed cause={}", ex.getClass().getSimpleName());
		}
	}

	/**
	 * @return how many offers were made
	 */
	int offerWaitingChats() {
		List<String> waiting = store.waiting();
		if (waiting.isEmpty()) {
			return 0;
		}
		Map<String, Integer> room = freeScouts();
		int made = 0;
		for (String id : waiting) {
			if (room.isEmpty()) {
				break;
			}
			String scout = offerToBest(id, room);
			if (scout != null) {
				room.remove(scout);
				made++;
			}
		}
		return made;
	}

	/**
	 * @return the scouts who may get an offer now, with the room each has left
	 */
	private Map<String, Integer> freeScouts() {
		int capacity = scouts.capacity(false);
		Map<String, Integer> room = new LinkedHashMap<>();
		for (String name : duty.onDuty()) {
			if (!targets.takesOffers(name) || desk.current(name).isPresent() || offers.offered(name) != null) {
				continue;
			}
			int left = capacity - store.chatsOf(name).size();
			if (left > 0) {
				room.put(name, left);
			}
		}
		return room;
	}

	/**
	 * @return the scout the chat was offered to, or {@code null}
	 */
	private String offerToBest(String id, Map<String, Integer> room) {
		List<String> ranked = new ArrayList<>(room.keySet());
		ranked.sort(Comparator.comparing((String name) -> -room.get(name)).thenComparing(Comparator.naturalOrder()));
		List<String> tried = offers.tried(id);
		List<String> untried = ranked.stream().filter(name -> !tried.contains(name)).toList();
		boolean newRound = untried.isEmpty();
		for (String scout : newRound ? ranked : untried) {
			String result = offers.offer(id, scout, scouts.capacity(false), settings.offerTimeout().toMillis(),
					newRound);
			switch (result) {
				case "ok" -> {
					events.publish(
							new ChatEvent.ChatOffered(id, scout, settings.offerTimeout().toMillis(), clock.millis()));
					log.info("handover offered conversation={}", id);
					return scout;
				}
				case "offered", "full" -> room.remove(scout);
				case "tried" -> {
					// another instance offered it to this scout a moment ago
				}
				default -> {
					// gone or busy: this chat is not to be offered now
					return null;
				}
			}
		}
		return null;
	}

}
