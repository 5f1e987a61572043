package org.scoutline.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The buffers every open connection keeps for as long as it is open: for an idle widget
 * socket they are most of what it costs (docs/benchmarks.md, "Idle widget connections").
 * They are chunks that reads and writes pass through, not limits: a larger message or
 * request body takes several of them (the limits are {@code scoutline.webchat.*},
 * {@code scoutline.console.stomp-frame-bytes} and Tomcat's own).
 *
 * @param readBufferBytes Tomcat's read buffer of a connection
 * ({@code socket.appReadBufSize})
 * @param writeBufferBytes Tomcat's write buffer of a connection
 * ({@code socket.appWriteBufSize})
 * @param websocketBufferBytes the input, output and encoding buffers of a WebSocket (the
 * system property {@code org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE}, set from this;
 * a longer message goes out as several frames of at most this size)
 * @param textBufferChars a WebSocket's buffer for a text message: a longer one reaches a
 * handler that takes messages in parts (the widget's, the console's STOMP) in parts, and
 * closes any other socket with code 1009
 * @param binaryBufferBytes a WebSocket's buffer for a binary message (also where a text
 * message's bytes wait to be decoded)
 */
@Validated
@ConfigurationProperties("scoutline.sockets")
record SocketBufferSettings(@DefaultValue("1024") @Min(512) @Max(65536) int readBufferBytes,
		@DefaultValue("1024") @Min(512) @Max(65536) int writeBufferBytes,
		@DefaultValue("1024") @Min(512) @Max(65536) int websocketBufferBytes,
		@DefaultValue("1024") @Min(256) @Max(65536) int textBufferChars,
		@DefaultValue("1024") @Min(256) @Max(65536) int binaryBufferBytes) {

}
