package org.scoutline.bench;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.Deflater;

/**
 * The client side of {@link IdleConnectionsBenchmark}, run as its own process so that its
 * memory does not count: opens the given number of widget sockets, says hello on each,
 * waits for the first answer on each, prints {@code CONNECTED <n>} and holds the sockets
 * open until its standard input closes.
 * <p>
 * A plain blocking socket speaks the handshake and the frames itself, so that it can ask
 * for {@code permessage-deflate} as browsers do (the JDK's WebSocket client cannot): with
 * the argument {@code deflate} the handshake carries Chromium's
 * {@code Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits}, and where
 * the server agrees, the hello goes out compressed, as a browser sends it. It prints
 * {@code DEFLATE <n>}: on how many sockets the server agreed.
 */
public final class IdleWidgetClients {

	private static final String HELLO = "{\"type\":\"hello\",\"token\":null,\"locale\":\"de\"}";

	private IdleWidgetClients() {
	}

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		int count = Integer.parseInt(args[1]);
		boolean deflate = args.length > 2 && "deflate".equals(args[2]);
		List<Socket> sockets = new ArrayList<>(count);
		int compressed = 0;
		for (int i = 0; i < count; i++) {
			Socket socket = new Socket();
			socket.connect(new InetSocketAddress("127.0.0.1", port), 30_000);
			socket.setSoTimeout(60_000);
			boolean agreed = handshake(socket, port, deflate);
			compressed += agreed ? 1 : 0;
			socket.getOutputStream().write(frame(HELLO, agreed));
			sockets.add(socket);
		}
		int answered = 0;
		for (Socket socket : sockets) {
			answered += answered(socket.getInputStream()) ? 1 : 0;
		}
		System.out.println("DEFLATE " + compressed);
		System.out.println((answered == count ? "CONNECTED " : "PARTIAL ") + answered);
		System.out.flush();
		new BufferedReader(new InputStreamReader(System.in)).readLine();
		for (Socket socket : sockets) {
			socket.close();
		}
	}

	/**
	 * @return whether the server agreed to {@code permessage-deflate}
	 */
	private static boolean handshake(Socket socket, int port, boolean deflate) throws IOException {
		byte[] key = new byte[16];
		ThreadLocalRandom.current().nextBytes(key);
		String request = "GET /chat/ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
				+ "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
				+ Base64.getEncoder().encodeToString(key) + "\r\n"
				+ (deflate ? "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n" : "") + "\r\n";
		OutputStream out = socket.getOutputStream();
		out.write(request.getBytes(StandardCharsets.ISO_8859_1));
		String response = headers(socket.getInputStream());
		if (!response.startsWith("HTTP/1.1 101")) {
			throw new IOException("no upgrade: " + response.lines().findFirst().orElse(""));
		}
		return response.toLowerCase(Locale.ROOT).contains("sec-websocket-extensions: permessage-deflate");
	}

	private static String headers(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
			int b = in.read();
			if (b < 0) {
				throw new IOException("closed during the handshake");
			}
			head.write(b);
		}
		return head.toString(StandardCharsets.ISO_8859_1);
	}

	/**
	 * A masked text frame as a client sends it, compressed (RSV1) when {@code deflate}.
	 */
	static byte[] frame(String text, boolean deflate) {
		byte[] payload = text.getBytes(StandardCharsets.UTF_8);
		if (deflate) {
			Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
			deflater.setInput(payload);
			byte[] out = new byte[payload.length + 64];
			int length = deflater.deflate(out, 0, out.length, Deflater.SYNC_FLUSH);
			deflater.end();
			// RFC 7692: the trailing 00 00 ff ff of the flush is left off
			payload = Arrays.copyOf(out, length - 4);
		}
		if (payload.length > 125) {
			throw new IllegalArgumentException("a hello fits a short frame");
		}
		byte[] mask = new byte[4];
		ThreadLocalRandom.current().nextBytes(mask);
		byte[] frame = new byte[2 + 4 + payload.length];
		frame[0] = (byte) (0x80 | (deflate ? 0x40 : 0) | 0x1);
		frame[1] = (byte) (0x80 | payload.length);
		System.arraycopy(mask, 0, frame, 2, 4);
		for (int i = 0; i < payload.length; i++) {
			frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
		}
		return frame;
	}

	/**
	 * @return whether the server's first frame is a text frame (its answer to the hello);
	 * the rest stays unread
	 */
	private static boolean answered(InputStream in) throws IOException {
		int first = in.read();
		return first >= 0 && (first & 0x0F) == 0x1;
	}

}
