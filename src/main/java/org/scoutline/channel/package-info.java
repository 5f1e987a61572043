/**
 * Channel adapters: each turns its channel's wire format into
 * {@link org.scoutline.conversation.InboundMessage}s and renders
 * {@link org.scoutline.hotline.HotlineReply}s back. Every channel is a nested module of
 * its own ({@code webchat}: the widget's WebSocket, {@code telegram}, {@code whatsapp})
 * that may use the shared {@code common} module but no other channel; a new channel is a
 * new folder beside them.
 */
@ApplicationModule(displayName = "Channels",
		allowedDependencies = { "platform", "conversation", "dialogue", "hotline", "safety", "schedule" })
package org.scoutline.channel;

import org.springframework.modulith.ApplicationModule;
