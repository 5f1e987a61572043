package org.scoutline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.apache.catalina.connector.Connector;
import org.apache.tomcat.websocket.WsWebSocketContainer;
import org.junit.jupiter.api.Test;
import org.scoutline.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.core.io.ClassPathResource;

import jakarta.servlet.ServletContext;
import jakarta.websocket.server.ServerContainer;

/**
 * The buffers every connection keeps have the small sizes of {@link SocketBufferSettings}
 * (they decide what an idle widget costs), and larger requests and responses still pass
 * through them whole.
 */
@IntegrationTest
class SocketBuffersTests {

	@LocalServerPort
	int port;

	@Autowired
	SocketBufferSettings settings;

	@Autowired
	ServletWebServerApplicationContext context;

	@Autowired
	ServletContext servletContext;

	@Test
	void tomcatsConnectionAndWebSocketBuffersHaveTheConfiguredSizes() {
		assertThat(settings).isEqualTo(new SocketBufferSettings(1024, 1024, 1024, 1024, 1024));
		Connector connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
		assertThat(connector.getProperty("socket.appReadBufSize")).hasToString("" + settings.readBufferBytes());
		assertThat(connector.getProperty("socket.appWriteBufSize")).hasToString("" + settings.writeBufferBytes());
		// what org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE came to when Tomcat read
		// it
		assertThat(new WsWebSocketContainer().getDefaultMaxTextMessageBufferSize())
			.isEqualTo(settings.websocketBufferBytes());
		ServerContainer container = (ServerContainer) servletContext
			.getAttribute("jakarta.websocket.server.ServerContainer");
		assertThat(container.getDefaultMaxTextMessageBufferSize()).isEqualTo(settings.textBufferChars());
		assertThat(container.getDefaultMaxBinaryMessageBufferSize()).isEqualTo(settings.binaryBufferBytes());
	}

	@Test
	void aResponseAndRequestHeadersLargerThanTheBuffersPassWhole() throws Exception {
		byte[] script = new ClassPathResource("static/widget/frame.js").getContentAsByteArray();
		assertThat(script.length).isGreaterThan(16 * settings.writeBufferBytes());
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/widget/frame.js"))
				.header("X-Padding", "p".repeat(6 * settings.readBufferBytes()))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(script);
	}

}
