package org.scoutline.faults;

import java.io.IOException;
import java.net.ServerSocket;

/** Free TCP ports on the loopback interface. */
final class Ports {

	private Ports() {
	}

	static int free() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException("no free port", ex);
		}
	}

}
