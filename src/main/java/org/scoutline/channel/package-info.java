/**
 * Channel adapters: each turns its channel's wire format into {@link org.scoutline.conversation.InboundMessage}s and
 * renders {@link org.scoutline.hotline.HotlineReply}s back. {@code webchat} is the widget's WebSocket.
 */
@ApplicationModule(displayName = "Channels",
		allowedDependencies = { "platform", "conversation", "dialogue", "hotline", "safety", "schedule" })
package org.scoutline.channel;

import org.springframework.modulith.ApplicationModule;
