package org.scoutline.channel.webchat;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.scoutline.channel.common.CountryGuess;
import org.scoutline.channel.common.InboundTurns;
import org.scoutline.conversation.Channel;
import org.scoutline.hotline.ChannelSignals;
import org.scoutline.hotline.Opening;
import org.scoutline.safety.Pseudonyms;
import org.springframework.stereotype.Component;

/**
 * Answers a widget's {@code hello}: keeps the token it offers (or hands out a new one),
 * guesses the user's country from the page, time zone and language (in memory, for the
 * socket only), listens for the scouts' deliveries to the user, and sends {@code ready}
 * with the conversation so far (or, when the hello has the {@code seq} of the last line
 * the widget shows, the lines after it), the welcome for a new one, then the live line.
 * What the scouts send meanwhile follows the {@code ready}, without the lines it had.
 */
@Component
class WidgetHello {

	private final SecureRandom random = new SecureRandom();

	private final ChannelSignals signals;

	private final WebSessions sessions;

	private final Pseudonyms pseudonyms;

	private final LiveStatus liveStatus;

	private final ClientLimitSettings limits;

	private final InboundTurns turns;

	WidgetHello(ChannelSignals signals, WebSessions sessions, Pseudonyms pseudonyms, LiveStatus liveStatus,
			ClientLimitSettings limits, InboundTurns turns) {
		this.limits = limits;
		this.turns = turns;
		this.signals = signals;
		this.sessions = sessions;
		this.pseudonyms = pseudonyms;
		this.liveStatus = liveStatus;
	}

	void greet(WidgetSocket socket, WidgetFrame.Hello hello) throws IOException {
		String token = hello.validToken() != null ? hello.validToken() : newToken();
		socket.forget(sessions);
		String pseudonym = pseudonyms.of(Channel.WEB.name(), token);
		if (sessions.count(pseudonym) >= limits.socketsPerToken()) {
			socket.token(null);
			socket.send(new WebChatFrames.Error("too_many_windows",
					turns.notice(hello.locale(), "system.too_many_windows")));
			return;
		}
		socket.token(token);
		socket.country(CountryGuess.browser(hello.country(), hello.timeZone(), hello.language()));
		socket.listen(sessions, pseudonym);
		long shown = 0;
		try {
			Opening opening = signals.open(Channel.WEB, token, hello.locale(),
					hello.validToken() == null ? null : hello.seq());
			socket.locale(opening.locale());
			socket.started(opening.welcome().isEmpty());
			socket.send(WebChatFrames.Ready.of(token, opening.locale(), opening.history(),
					opening.welcome().isEmpty() ? opening.choices() : List.of(), opening.withScout(), opening.seq(),
					opening.resumed()));
			if (!opening.welcome().isEmpty()) {
				socket.send(WebChatFrames.Bot.of(opening.locale(), opening.welcome(), opening.choices()));
			}
			shown = opening.seq();
		}
		finally {
			socket.release(shown);
		}
		// the live line: the frame this instance rendered last, then every change (sent
		// once per socket)
		liveStatus.watch(socket.out());
	}

	private String newToken() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
