package org.scoutline.console;

import java.io.IOException;

import org.scoutline.platform.LogGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.stereotype.Component;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What a failed console login does: counts it ({@link LoginThrottle}), and when that
 * makes the next attempt wait or locks, shows so instead of the plain error. Then, as
 * Spring's default, back to {@code /login?error}, the message in the session; refused
 * attempts also carry {@code Retry-After}.
 */
@Component
class LoginFailures implements AuthenticationFailureHandler {

	private static final Logger log = LoggerFactory.getLogger(LoginFailures.class);

	private final LoginThrottle throttle;

	private final AuthenticationFailureHandler page = new SimpleUrlAuthenticationFailureHandler("/login?error");

	private final LogGate gate = new LogGate();

	LoginFailures(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	/**
	 * Makes this the form login's failure handler, leaving the form's failure URL (and so
	 * the generated login page's error display) as it is.
	 */
	ObjectPostProcessor<UsernamePasswordAuthenticationFilter> asTheFormsHandler() {
		return new ObjectPostProcessor<>() {
			@Override
			public <O extends UsernamePasswordAuthenticationFilter> O postProcess(O filter) {
				filter.setAuthenticationFailureHandler(LoginFailures.this);
				return filter;
			}
		};
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		AuthenticationException shown = exception;
		if (!(exception instanceof LoginRefused)) {
			try {
				shown = throttle
					.failed(request
						.getParameter(UsernamePasswordAuthenticationFilter.SPRING_SECURITY_FORM_USERNAME_KEY),
							request.getRemoteAddr())
					.<AuthenticationException>map(refusal -> LoginRefused.of(refusal, true))
					.orElse(exception);
			}
			catch (RuntimeException ex) {
				if (gate.open("login count")) {
					log.warn("a failed console login could not be counted: {}", ex.getClass().getSimpleName());
				}
			}
		}
		if (shown instanceof LoginRefused refused) {
			response.setHeader("Retry-After", Long.toString(refused.retryAfterSeconds()));
		}
		page.onAuthenticationFailure(request, response, shown);
	}

}
