/**
 * What the channel adapters share: the one way a user's message is taken
 * ({@link org.scoutline.channel.common.InboundTurns}: replay check, the hotline, the
 * channel's {@link org.scoutline.channel.common.TurnRenderer}, the "please resend" notice
 * on failure), ordered per-chat lanes, replay protection, webhook request handling,
 * messenger texts and the country guess.
 */
@ApplicationModule(displayName = "Channels: common",
		allowedDependencies = { "platform", "conversation", "hotline", "safety" })
package org.scoutline.channel.common;

import org.springframework.modulith.ApplicationModule;
