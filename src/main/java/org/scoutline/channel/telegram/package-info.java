/**
 * The Telegram channel: long polling or a webhook ({@code scoutline.telegram.mode}), the
 * real telegrambots client for everything the bot sends, inline keyboards for choices,
 * media deleted at once and never downloaded.
 */
@ApplicationModule(displayName = "Channels: Telegram",
		allowedDependencies = { "platform", "conversation", "hotline", "channel.common" })
package org.scoutline.channel.telegram;

import org.springframework.modulith.ApplicationModule;
