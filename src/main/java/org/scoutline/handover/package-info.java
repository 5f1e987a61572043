/**
 * Handover to peer scouts: presence (expiring heartbeats), the one decision whether a
 * scout is on duty ({@link org.scoutline.handover.ScoutDuty}), the queue (imminent danger
 * first, then crisis chats, then waiting time), atomic claims with a per-scout capacity,
 * the live relay to the user's own channel through
 * {@link org.scoutline.conversation.ChannelGateway}s, transfers, closing, and the return
 * of chats whose scout vanished. Facades: {@link org.scoutline.handover.UserTurns}
 * decides a user's turn while a scout is involved,
 * {@link org.scoutline.handover.UserSide} carries out its
 * {@link org.scoutline.handover.FollowUp} (the user's side: the queue, positions,
 * notices), {@link org.scoutline.handover.ScoutSide} is the scout's side for the console
 * (claims, transfers, close), {@link org.scoutline.handover.SupervisorSide} a supervisor
 * next to the scout (private lines to the scout, stepping in), and
 * {@link org.scoutline.handover.Offers} the offered chat with
 * {@code scoutline.handover.assignment=offer} (the offers themselves are made by a round
 * on every instance, decided by one Lua script each). Past-tense events:
 * {@link org.scoutline.handover.ChatEvent}, also relayed over Redis.
 */
@ApplicationModule(displayName = "Handover",
		allowedDependencies = { "platform", "conversation", "dialogue", "directory", "safety", "schedule" })
package org.scoutline.handover;

import org.springframework.modulith.ApplicationModule;
