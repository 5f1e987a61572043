package org.scoutline.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.scoutline.schedule.ClosedReason;
import org.scoutline.schedule.OpeningDecision;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The per-instance live line without Spring: computed once per refresh, sent only on
 * change, never stale.
 */
class LiveStatusTests {

	static final OpeningDecision OPEN = new OpeningDecision.Open(ScheduleFrameTests.TONIGHT, 2);

	static final OpeningDecision BUSY = new OpeningDecision.Closed(ClosedReason.NO_SCOUT_CHECKED_IN,
			ScheduleFrameTests.NEXT, ScheduleFrameTests.TONIGHT);

	final AtomicReference<OpeningDecision> decision = new AtomicReference<>(
			new OpeningDecision.Closed(ClosedReason.NO_SESSION, ScheduleFrameTests.NEXT));

	int asked;

	final LiveStatus status = new LiveStatus(() -> {
		asked++;
		OpeningDecision now = decision.get();
		if (now == null) {
			throw new IllegalStateException("redis is down");
		}
		return now;
	}, new ObjectMapper(), Duration.ofSeconds(15));

	@Test
	void everySocketGetsTheSameTextOnceAndAgainOnlyWhenItChanges() throws Exception {
		status.refresh();
		List<WebSocketSession> sockets = List.of(socket(), socket(), socket());
		sockets.forEach(status::watch);
		status.refresh();
		status.refresh();
		decision.set(OPEN);
		status.refresh();
		status.refresh();
		assertThat(asked).as("one question per refresh, whatever the number of sockets").isEqualTo(5);
		List<TextMessage> first = sent(sockets.get(0), 2);
		assertThat(first.get(0).getPayload()).contains("\"state\":\"closed\"");
		assertThat(first.get(1).getPayload()).contains("\"state\":\"open\"");
		for (WebSocketSession socket : sockets) {
			assertThat(sent(socket, 2).get(1)).as("the same message object for all").isSameAs(first.get(1));
		}
	}

	@Test
	void aSocketIsSentNothingBeforeTheFirstAnswerAndGetsItWithTheNextRefresh() throws Exception {
		WebSocketSession socket = socket();
		status.watch(socket);
		verify(socket, never()).sendMessage(any());
		status.refresh();
		assertThat(sent(socket, 1).get(0).getPayload()).contains("closed");
	}

	@Test
	void aFailedRefreshKeepsTheLastFrameAndSendsNothing() throws Exception {
		status.refresh();
		String before = status.current();
		WebSocketSession socket = socket();
		status.watch(socket);
		decision.set(null);
		status.refresh();
		assertThat(status.current()).isEqualTo(before);
		sent(socket, 1);
		WebSocketSession later = socket();
		status.watch(later);
		assertThat(sent(later, 1).get(0).getPayload()).isEqualTo(before);
		decision.set(BUSY);
		status.refresh();
		assertThat(sent(socket, 2).get(1).getPayload()).contains("\"state\":\"busy\"");
	}

	@Test
	void aSocketThatAlreadyHasANewerFrameIsNotSentAnOlderOne() throws Exception {
		status.refresh();
		WebSocketSession socket = socket();
		status.watch(socket);
		decision.set(OPEN);
		status.refresh();
		status.watch(socket); // a second hello on the same socket: nothing new to send
		List<TextMessage> frames = sent(socket, 2);
		assertThat(frames.get(1).getPayload()).contains("open");
	}

	@Test
	void aBrokenOrClosedSocketDoesNotStopTheOthers() throws Exception {
		status.refresh();
		WebSocketSession broken = socket();
		doThrow(new IOException("broken pipe")).when(broken).sendMessage(any());
		WebSocketSession closed = socket();
		when(closed.isOpen()).thenReturn(false);
		WebSocketSession fine = socket();
		List.of(broken, closed, fine).forEach(status::watch);
		decision.set(OPEN);
		status.refresh();
		verify(closed, never()).sendMessage(any());
		assertThat(sent(fine, 2).get(1).getPayload()).contains("open");
		assertThat(status.watching()).as("the closed socket is dropped").isEqualTo(2);
		status.unwatch(fine);
		decision.set(BUSY);
		status.refresh();
		sent(fine, 2);
		assertThat(status.watching()).isEqualTo(1);
	}

	static WebSocketSession socket() {
		WebSocketSession socket = mock(WebSocketSession.class);
		when(socket.isOpen()).thenReturn(true);
		when(socket.getId()).thenReturn("s");
		return socket;
	}

	/**
	 * @return the messages sent to the socket, after checking how many
	 */
	static List<TextMessage> sent(WebSocketSession socket, int count) throws IOException {
		ArgumentCaptor<TextMessage> captor = ArgumentCaptor.forClass(TextMessage.class);
		verify(socket, times(count)).sendMessage(captor.capture());
		return new ArrayList<>(captor.getAllValues());
	}

}
