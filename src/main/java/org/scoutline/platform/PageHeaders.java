package org.scoutline.platform;

import java.util.regex.Pattern;

import org.springframework.core.env.Environment;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The {@code Content-Security-Policy} of every response: scripts, styles, images and
 * fonts from this origin only (no inline script or style), sockets to this origin
 * ({@code ws:} and {@code wss:} named as well, for browsers whose {@code 'self'} does not
 * cover them), no plugins, no {@code <base>}, forms posted here only, and the
 * {@code frame-ancestors} of the path from {@link FrameAncestors}; pages nobody may frame
 * also get {@code X-Frame-Options: DENY} for old browsers. Spring Security writes it with
 * its other headers (see the console's security configuration).
 */
@Component
public class PageHeaders implements HeaderWriter {

	static final String CSP = "Content-Security-Policy";

	private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
			+ "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";

	private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\]");

	private final FrameAncestors frames;

	PageHeaders(SecuritySettings settings, Environment environment) {
		this.frames = FrameAncestors.of(settings, environment);
	}

	@Override
	public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String ancestors = frames.forPath(path);
		response.setHeader(CSP, POLICY + "; connect-src 'self'" + sockets(request) + "; frame-ancestors " + ancestors);
		if ("'none'".equals(ancestors)) {
			response.setHeader("X-Frame-Options", "DENY");
		}
		else if ("'self'".equals(ancestors)) {
			response.setHeader("X-Frame-Options", "SAMEORIGIN");
		}
	}

	/**
	 * @return this origin's WebSocket sources as the browser sees it (behind a proxy:
	 * with {@code server.forward-headers-strategy} set), or nothing for an odd host
	 */
	private static String sockets(HttpServletRequest request) {
		String host = request.getServerName();
		if (host == null || !HOST.matcher(host).matches()) {
			return "";
		}
		int port = request.getServerPort();
		boolean secure = request.isSecure();
		String authority = host + ((secure ? port == 443 : port == 80) || port <= 0 ? "" : ":" + port);
		return " " + (secure ? "wss://" : "ws://") + authority;
	}

}
