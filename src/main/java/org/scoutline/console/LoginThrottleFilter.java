package org.scoutline.console;

import java.io.IOException;
import java.util.Optional;

import org.scoutline.platform.LogGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sits before the form login: a login POST that comes too early after failures, or for a
 * locked username or address, is refused before its password is checked (no BCrypt,
 * nothing counted), through {@link LoginFailures}. The client address is
 * {@code getRemoteAddr()}: behind a proxy, {@code server.forward-headers-strategy} makes
 * that the client from {@code X-Forwarded-For}. Not a bean, so that it runs in the
 * security chain only.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottleFilter.class);

	private final RequestMatcher login = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login");

	private final LoginThrottle throttle;

	private final LoginFailures failures;

	private final LogGate gate = new LogGate();

	LoginThrottleFilter(LoginThrottle throttle, LoginFailures failures) {
		this.throttle = throttle;
		this.failures = failures;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (login.matches(request)) {
			Optional<LoginThrottle.Refusal> refusal = Optional.empty();
			try {
				refusal = throttle.check(
						request.getParameter(UsernamePasswordAuthenticationFilter.SPRING_SECURITY_FORM_USERNAME_KEY),
						request.getRemoteAddr());
			}
			catch (RuntimeException ex) {
				// the accounts live in the same Redis: without it the login fails anyway
				if (gate.open("login check")) {
					log.warn("console login limits could not be checked: {}", ex.getClass().getSimpleName());
				}
			}
			if (refusal.isPresent()) {
				failures.onAuthenticationFailure(request, response, LoginRefused.of(refusal.get(), false));
				return;
			}
		}
		chain.doFilter(request, response);
	}

}
