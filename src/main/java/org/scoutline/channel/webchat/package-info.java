/**
 * The web chat widget's channel: a raw WebSocket at {@code /chat/ws} with JSON frames
 * told apart by their {@code type} ({@code docs/widget-protocol.md}), deliveries across
 * instances over Redis, and the live line.
 */
@ApplicationModule(displayName = "Channels: web chat",
		allowedDependencies = { "platform", "conversation", "hotline", "safety", "schedule", "channel.common" })
package org.scoutline.channel.webchat;

import org.springframework.modulith.ApplicationModule;
