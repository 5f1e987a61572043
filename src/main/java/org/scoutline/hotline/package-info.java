/**
 * The hotline's message pipeline, the same for every channel: pseudonym, de-duplication, the safety rules (media
 * refusal, length limit, crisis screen), commands, then the triage, saved in one round trip.
 * Channels call {@link org.scoutline.hotline.Hotline} with an {@link org.scoutline.hotline.InboundMessage} and render
 * the {@link org.scoutline.hotline.HotlineReply}.
 */
@ApplicationModule(displayName = "Hotline",
		allowedDependencies = { "platform", "conversation", "dialogue", "safety", "handover", "schedule" })
package org.scoutline.hotline;

import org.springframework.modulith.ApplicationModule;
