package org.scoutline.conversation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one list of commands a user can give, on every channel: typed as {@code /word} on
 * the messengers, sent as a command frame by the widget, or run by a triage button. A
 * word that is none of them is {@link #UNKNOWN}, which gets an "unknown command" answer.
 */
public enum Command {

	/** begins again from the welcome (the messengers' first message) */
	START(true, false),
	/** begins the triage again */
	RESTART(false, true),
	/** what the bot can do, and the commands */
	HELP(true, true),
	/** switches the language */
	LANGUAGE(true, true),
	/** asks for a peer scout */
	SCOUT(true, true),
	/** erases every key about the user */
	DELETE(true, true),
	/** shows the action plan again */
	PLAN(false, true),
	/** how to leave the chat (Telegram's menu; the channel answers it itself) */
	EXIT(true, false),
	/** any other word */
	UNKNOWN(false, false);

	private final boolean inMenu;

	private final boolean runByButton;

	Command(boolean inMenu, boolean runByButton) {
		this.inMenu = inMenu;
		this.runByButton = runByButton;
	}

	/**
	 * @return the word the user types after the slash, and the id a triage button names
	 */
	public String word() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @return whether a messenger lists it in its command menu (Telegram's
	 * {@code setMyCommands})
	 */
	public boolean inMenu() {
		return inMenu;
	}

	/**
	 * @return whether a triage button may run it ({@code command:} in
	 * {@code config/triage.yml})
	 */
	public boolean runByButton() {
		return runByButton;
	}

	/**
	 * @return the commands a messenger lists in its menu, in menu order
	 */
	public static List<Command> menu() {
		return Arrays.stream(values()).filter(Command::inMenu).toList();
	}

	/**
	 * @return the words a triage button may run
	 */
	public static List<String> buttonWords() {
		return Arrays.stream(values()).filter(Command::runByButton).map(Command::word).toList();
	}

	/**
	 * @return the command named by {@code word} (case-insensitive), empty for anything
	 * else
	 */
	public static Optional<Command> of(String word) {
		if (word == null) {
			return Optional.empty();
		}
		String wanted = word.trim().toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter(c -> c != UNKNOWN && c.word().equals(wanted)).findFirst();
	}

	/**
	 * @return the command a triage button may run named by exactly {@code word} (the
	 * widget's command frames), else {@link #UNKNOWN}
	 */
	public static Command exactly(String word) {
		return Arrays.stream(values()).filter(c -> c.runByButton && c.word().equals(word)).findFirst().orElse(UNKNOWN);
	}

	/**
	 * @param typed what the user typed, with or without the slash, with a bot's name
	 * ({@code /help@our_bot}) or arguments after it
	 * @return the command, {@link #UNKNOWN} when the word is none of ours
	 */
	public static Command parse(String typed) {
		String word = typed == null ? "" : typed.strip();
		if (word.startsWith("/")) {
			word = word.substring(1);
		}
		int end = 0;
		while (end < word.length() && !Character.isWhitespace(word.charAt(end)) && word.charAt(end) != '@') {
			end++;
		}
		return of(word.substring(0, end)).orElse(UNKNOWN);
	}

}
