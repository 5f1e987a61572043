package org.scoutline.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.scoutline.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

import org.scoutline.channel.common.ChannelMeters;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the handover pushes while a {@code hello} is answered waits for the {@code ready},
 * then goes out in order, without the frames whose lines the {@code ready} had: so a
 * widget that comes back sees each line once and in order.
 */
@IntegrationTest
class WidgetSocketTests {

	private final List<String> written = new CopyOnWriteArrayList<>();

	/** the real registry of widget sockets, on the real Redis */
	@Autowired
	WebSessions sessions;

	private WidgetSocket socket() throws Exception {
		WebSocketSession session = mock(WebSocketSession.class);
		when(session.isOpen()).thenReturn(true);
		when(session.getId()).thenReturn("s1");
		when(session.getAttributes()).thenReturn(new HashMap<>());
		doAnswer(call -> written.add(((WebSocketMessage<?>) call.getArgument(0)).getPayload().toString())).when(session)
			.sendMessage(any());
		return WidgetSocket.open(session, new WebChatSettings(List.of("*"), List.of(), 100, 100, 8192,
				Duration.ofSeconds(15), Duration.ofMinutes(5)), new ObjectMapper(),
				new ChannelMeters(new SimpleMeterRegistry()));
	}

	@Test
	void framesPushedWhileAHelloIsAnsweredFollowTheReadyWithoutTheLinesItHad() throws Exception {
		WidgetSocket socket = socket();
		socket.listen(sessions, "p");
		socket.pushed(new TextMessage("{\"seq\":7}"), 7);
		socket.pushed(new TextMessage("{\"position\":2}"), 0);
		socket.pushed(new TextMessage("{\"seq\":9}"), 9);
		assertThat(written).as("held until the ready went out").isEmpty();

		written.add("ready up to 8");
		socket.release(8);
		assertThat(written).containsExactly("ready up to 8", "{\"position\":2}", "{\"seq\":9}");

		socket.pushed(new TextMessage("{\"seq\":10}"), 10);
		assertThat(written).last().isEqualTo("{\"seq\":10}");
	}

	@Test
	void aSocketThatStopsListeningDropsWhatWasHeld() throws Exception {
		WidgetSocket socket = socket();
		socket.listen(sessions, "p");
		socket.pushed(new TextMessage("{\"seq\":3}"), 3);
		socket.forget(sessions);
		socket.release(0);
		assertThat(written).isEmpty();
	}

}
