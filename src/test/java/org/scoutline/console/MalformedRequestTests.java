package org.scoutline.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scoutline.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Paths no client of ours sends, written raw on the socket as a scanner would: a short
 * {@code 400}, never a 500 or a stack trace.
 */
@IntegrationTest
class MalformedRequestTests {

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "/a;%", "/%zz", "/console/api/queue%", "/a;b", "/console/api/queue;x=1",
			"/console/%2e%2e/api", "/a%2Fb" })
	void aPathTheFirewallRefusesGetsAShort400(String path) throws IOException {
		String response = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(response).startsWith("HTTP/1.1 400");
		assertThat(response).doesNotContain("Exception").doesNotContain("at org.");
		assertThat(response.length()).as("a short answer, not a stack trace").isLessThan(1_000);
	}

	private String raw(String request) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(5_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}

}
