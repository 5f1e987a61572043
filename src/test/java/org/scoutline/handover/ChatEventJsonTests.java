package org.scoutline.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The same event records travel on the Redis relay: every one comes back equal, named by
 * its kind.
 */
class ChatEventJsonTests {

	final ObjectMapper json = new ObjectMapper();

	@Test
	void everyEventTravelsAndComesBackEqual() throws Exception {
		List<ChatEvent> events = List.of(new ChatEvent.ChatQueued("c1", true, "suicide", "imminent", "s:1", 5),
				new ChatEvent.ChatLeft("c1", "s:1", true, 6), new ChatEvent.ChatClaimed("c1", "lena", "s:1", 70, 7),
				new ChatEvent.MessageWritten("c1", "user", "words", "lena", false, 4, 8),
				new ChatEvent.CrisisFlagged("c1", "lena", "danger", "concern", 9),
				new ChatEvent.ChatTransferred("c1", "sam", 10),
				new ChatEvent.ChatClosed("c1", "sam", "helped", null, 900, 11),
				new ChatEvent.ChatRequeued("c1", "sam", 12), new ChatEvent.ChatErased("c1", 13),
				new ChatEvent.UserTyped("c1", "sam", 14),
				new ChatEvent.WhisperWritten("c1", "sam", "sue", "Sue", "ask about the police", 15),
				new ChatEvent.SupervisorJoined("c1", "sam", "sue", "Sue", 16),
				new ChatEvent.ChatOffered("c1", "ann", 30_000, 17));
		for (ChatEvent event : events) {
			String wire = json.writeValueAsString(event);
			assertThat(json.readValue(wire, ChatEvent.class)).isEqualTo(event);
		}
		JsonNode queued = json.readTree(json.writeValueAsString(events.get(0)));
		assertThat(queued.get("event").asText()).isEqualTo("queued");
		assertThat(events).extracting(e -> e.getClass().getSimpleName())
			.doesNotHaveDuplicates()
			.hasSize(ChatEvent.class.getPermittedSubclasses().length);
	}

}
