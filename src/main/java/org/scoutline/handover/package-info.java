/**
 * Handover to peer scouts: presence (expiring heartbeats), the one decision whether a scout is on duty
 * ({@link org.scoutline.handover.ScoutDuty}), the queue (imminent danger first, then crisis chats, then waiting time), atomic claims with a
 * per-scout capacity, the live relay to the user's own channel through
 * {@link org.scoutline.conversation.ChannelGateway}s, transfers, closing, and the return of chats whose scout
 * vanished. Facade: {@link org.scoutline.handover.Handover}; events: {@link org.scoutline.handover.ChatEvent}.
 */
@ApplicationModule(displayName = "Handover",
		allowedDependencies = { "platform", "conversation", "dialogue", "directory", "safety", "schedule" })
package org.scoutline.handover;

import org.springframework.modulith.ApplicationModule;
