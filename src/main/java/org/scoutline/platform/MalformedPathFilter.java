package org.scoutline.platform;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A path with a broken percent escape ({@code /a;%}, {@code /%zz}) gets {@code 400} and a
 * one-line JSON body before anything parses it (Spring would throw on it and answer 500
 * with a stack trace in the log). Logged once a minute at most, in one short line,
 * without the path.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class MalformedPathFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(MalformedPathFilter.class);

	private final AtomicLong lastLogged = new AtomicLong();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (brokenEscape(request.getRequestURI())) {
			long now = System.currentTimeMillis();
			long last = lastLogged.get();
			if (now - last > 60_000 && lastLogged.compareAndSet(last, now)) {
				log.info("request with a broken percent escape refused (logged once a minute)");
			}
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.getWriter().write("{\"error\":\"bad_request\"}");
			return;
		}
		chain.doFilter(request, response);
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
