package org.scoutline.channel.telegram;

import java.util.List;

import org.scoutline.channel.common.InboundTurns;
import org.scoutline.conversation.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Starts the bot: registers its commands in German (also the default) and English, and
 * registers the webhook when {@code webhook-url} is set in webhook mode. In polling mode
 * the {@link TelegramPoller} fetches the updates.
 */
class TelegramBot implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);

	static final List<String> UPDATE_TYPES = List.of("message", "edited_message", "callback_query", "my_chat_member",
			"channel_post");

	private final TelegramSettings settings;

	private final TelegramApi api;

	private final InboundTurns turns;

	private volatile boolean running;

	TelegramBot(TelegramSettings settings, TelegramApi api, InboundTurns turns) {
		this.settings = settings;
		this.api = api;
		this.turns = turns;
	}

	@Override
	public void start() {
		try {
			registerCommands();
			if (settings.mode() == TelegramSettings.Mode.POLLING) {
				log.info("telegram bot polling for updates (one instance at a time)");
			}
			else if (settings.webhookUrl() != null) {
				api.setWebhook(SetWebhook.builder()
					.url(settings.webhookUrl().toString())
					.secretToken(settings.webhookSecret())
					.allowedUpdates(UPDATE_TYPES)
					.build());
				log.info("telegram webhook registered");
			}
			else {
				log.info("telegram bot waiting for webhook calls (webhook registered elsewhere)");
			}
		}
		catch (TelegramApiException ex) {
			throw new IllegalStateException("Telegram bot could not start: " + ex.getClass().getSimpleName()
					+ " (check scoutline.telegram.token and .api-url)", ex);
		}
		running = true;
	}

	private void registerCommands() throws TelegramApiException {
		// the default language's menu for every other language, then one per language
		// offered
		api.call(SetMyCommands.builder().commands(commands(turns.locales().iterator().next())).build());
		for (String locale : turns.locales()) {
			api.call(SetMyCommands.builder().commands(commands(locale)).languageCode(locale).build());
		}
	}

	private List<BotCommand> commands(String locale) {
		return Command.menu()
			.stream()
			.map(command -> new BotCommand(command.word(), turns.notice(locale, "system.command_" + command.word())))
			.toList();
	}

	@Override
	public void stop() {
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

}
