package org.scoutline.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.scoutline.conversation.Command;
import org.scoutline.conversation.InboundMessage;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The widget's frames read as records by their {@code type}, leniently where the protocol
 * always was.
 */
class WidgetFrameTests {

	static final ObjectMapper JSON = new ObjectMapper();

	static final String TOKEN = "a".repeat(43);

	@Test
	void eachTypeReadsAsItsRecord() throws Exception {
		assertThat(read("{\"type\":\"hello\",\"token\":null,\"locale\":\"de\",\"timeZone\":\"Europe/Berlin\"}"))
			.isEqualTo(new WidgetFrame.Hello(null, "de", null, "Europe/Berlin", null, null));
		assertThat(read("{\"type\":\"typing\"}")).isInstanceOf(WidgetFrame.Typing.class);
		assertThat(read("{\"type\":\"text\",\"id\":\"m1\",\"text\":\"hi\"}"))
			.isEqualTo(new WidgetFrame.Text("m1", "hi"));
		assertThat(read("{\"type\":\"choice\",\"id\":\"m2\",\"choice\":\"yes\"}"))
			.isEqualTo(new WidgetFrame.Tap("m2", "yes"));
		assertThat(read("{\"type\":\"command\",\"command\":\"help\"}")).isEqualTo(new WidgetFrame.Order(null, "help"));
		for (String media : new String[] { "file", "image", "media" }) {
			assertThat(read("{\"type\":\"" + media + "\",\"id\":\"m3\"}")).isEqualTo(new WidgetFrame.File("m3"));
		}
	}

	@Test
	void anUnknownTypeKeepsItsIdForTheChecksEveryMessagePasses() throws Exception {
		WidgetFrame frame = read("{\"type\":\"sticker\",\"id\":\"not valid!\",\"extra\":{\"a\":1}}");
		assertThat(frame).isEqualTo(new WidgetFrame.Unknown("not valid!"));
		assertThat(((WidgetFrame.Message) frame).validId()).isFalse();
	}

	@Test
	void fieldsThatAreNotStringsReadAsAbsent() throws Exception {
		assertThat(read("{\"type\":\"text\",\"id\":5,\"text\":{\"a\":[1]}}"))
			.isEqualTo(new WidgetFrame.Text(null, null));
		assertThat(read("{\"type\":\"hello\",\"token\":[\"x\"],\"locale\":7}"))
			.isEqualTo(new WidgetFrame.Hello(null, null, null, null, null, null));
	}

	@Test
	void aHelloResumesFromAWholeNumberFromZeroOnly() throws Exception {
		assertThat(((WidgetFrame.Hello) read("{\"type\":\"hello\",\"seq\":12}")).seq()).isEqualTo(12L);
		assertThat(((WidgetFrame.Hello) read("{\"type\":\"hello\",\"seq\":0}")).seq()).isZero();
		for (String bad : new String[] { "-1", "1.5", "\"12\"", "null", "[1]", "{\"a\":1}", "99999999999999999999" }) {
			assertThat(((WidgetFrame.Hello) read("{\"type\":\"hello\",\"seq\":" + bad + "}")).seq()).as(bad).isNull();
		}
	}

	@Test
	void theFramesValidateAsTheProtocolSays() {
		assertThat(new WidgetFrame.Hello(TOKEN, null, null, null, null, null).validToken()).isEqualTo(TOKEN);
		assertThat(new WidgetFrame.Hello("short", null, null, null, null, null).validToken()).isNull();
		assertThat(new WidgetFrame.Tap("m", "Not_Lower").inbound(TOKEN)).isNull();
		assertThat(new WidgetFrame.Text("m", null).inbound(TOKEN)).isNull();
		// the widget sends its commands word for word; anything else is an unknown
		// command
		assertThat(new WidgetFrame.Order("m", "help").inbound(TOKEN))
			.isEqualTo(InboundMessage.command(org.scoutline.conversation.Channel.WEB, TOKEN, "m", Command.HELP));
		assertThat(new WidgetFrame.Order("m", "/help@bot x").inbound(TOKEN))
			.isEqualTo(InboundMessage.command(org.scoutline.conversation.Channel.WEB, TOKEN, "m", Command.UNKNOWN));
		assertThat(new WidgetFrame.Order("m", "start").inbound(TOKEN))
			.isEqualTo(InboundMessage.command(org.scoutline.conversation.Channel.WEB, TOKEN, "m", Command.UNKNOWN));
		assertThat(new WidgetFrame.File("x".repeat(65)).validId()).isFalse();
		assertThat(new WidgetFrame.File(null).validId()).isTrue();
	}

	@Test
	void outboundFramesCarryTheirTypeFirst() throws Exception {
		assertThat(JSON.writeValueAsString(new WebChatFrames.Error("bad_frame", "nope")))
			.isEqualTo("{\"type\":\"error\",\"code\":\"bad_frame\",\"message\":\"nope\"}");
		assertThat(JSON.writeValueAsString(new WebChatFrames.Typing("Sam")))
			.isEqualTo("{\"type\":\"typing\",\"name\":\"Sam\"}");
		assertThat(JSON.valueToTree(new WebChatFrames.Deleted("gone")).path("type").asText()).isEqualTo("deleted");
	}

	private static WidgetFrame read(String frame) throws Exception {
		return JSON.readValue(frame, WidgetFrame.class);
	}

}
