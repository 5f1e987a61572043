package org.scoutline.platform;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Paths no client of ours sends get {@code 400} and a one-line JSON body, never a 500
 * with a stack trace: a broken percent escape ({@code /a;%}, {@code /%zz}), refused here
 * before anything parses it (Spring would throw on it), and whatever Spring Security's
 * firewall refuses ({@code ;}, an encoded slash), as its {@link RequestRejectedHandler}.
 * Logged once a minute at most, in one short line, without the path.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class MalformedPaths extends OncePerRequestFilter implements RequestRejectedHandler {

	private static final Logger log = LoggerFactory.getLogger(MalformedPaths.class);

	private final LogGate gate = new LogGate();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (brokenEscape(request.getRequestURI())) {
			refuse(response, "broken percent escape");
			return;
		}
		chain.doFilter(request, response);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException ex)
			throws IOException {
		refuse(response, "refused by the firewall");
	}

	private void refuse(HttpServletResponse response, String why) throws IOException {
		if (gate.open(why)) {
			log.info("malformed request path, {} (logged once a minute)", why);
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getWriter().write("{\"error\":\"bad_request\"}");
	}

	/**
	 * @return whether a {@code %} in {@code path} is not followed by two hex digits
	 */
	static boolean brokenEscape(String path) {
		if (path == null) {
			return false;
		}
		for (int i = path.indexOf('%'); i >= 0; i = path.indexOf('%', i + 1)) {
			if (i + 2 >= path.length() || Character.digit(path.charAt(i + 1), 16) < 0
					|| Character.digit(path.charAt(i + 2), 16) < 0) {
				return true;
			}
		}
		return false;
	}

}
