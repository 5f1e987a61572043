/**
 * The hotline's message pipeline, the same for every channel: pseudonym, de-duplication,
 * the safety rules (length limit, crisis screen on every text in every state), then the
 * turn, decided by the owner of the conversation's mode (the dialogue's
 * {@link org.scoutline.dialogue.BotTurns} or the handover's
 * {@link org.scoutline.handover.UserTurns}), saved in one round trip, and the handover's
 * follow-up carried out. Channels call {@link org.scoutline.hotline.Hotline} with an
 * {@link org.scoutline.conversation.InboundMessage} and render the
 * {@link org.scoutline.hotline.HotlineReply};
 * {@link org.scoutline.hotline.ChannelSignals} takes what else a channel knows about a
 * user (opened, typing, unreachable).
 */
@ApplicationModule(displayName = "Hotline",
		allowedDependencies = { "platform", "conversation", "dialogue", "safety", "handover", "schedule" })
package org.scoutline.hotline;

import org.springframework.modulith.ApplicationModule;
