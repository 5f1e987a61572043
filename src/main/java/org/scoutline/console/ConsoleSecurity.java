package org.scoutline.console;

import java.io.IOException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.scoutline.platform.PageHeaders;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.session.SessionInformationExpiredEvent;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Who may open what over HTTP. Public: the widget page and script, the widget socket, the
 * webhooks (without CSRF: they are signed instead), health and the flow diagram. The
 * console page and its API need a login (our own {@link LoginPage}, form login with CSRF
 * and a session); API errors are JSON ({@code 401} without login, {@code 403} without the
 * role), never a redirect or a stack trace. Wrong passwords slow down and then lock
 * further attempts ({@link LoginThrottle}). Every response carries the safe headers:
 * {@code nosniff}, {@code Referrer-Policy: no-referrer}, a {@code Permissions-Policy}
 * without camera, microphone and geolocation, and the Content-Security-Policy of
 * {@link PageHeaders} (whose {@code frame-ancestors} replace Spring's
 * {@code X-Frame-Options}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class ConsoleSecurity {

	/** no page of ours needs these; a framed or injected one gets none of them either */
	static final String PERMISSIONS = "camera=(), microphone=(), geolocation=()";

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	/** the logins open on this instance, so that a revoked account's can be ended */
	@Bean
	SessionRegistry sessionRegistry() {
		return new SessionRegistryImpl();
	}

	/** tells the session registry when a login's HTTP session ends */
	@Bean
	static HttpSessionEventPublisher httpSessionEventPublisher() {
		return new HttpSessionEventPublisher();
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, SessionRegistry logins, PageHeaders pages,
			LoginThrottle throttle, LoginFailures loginFailures) throws Exception {
		RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/console/api/**");
		RequestMatcher socket = PathPatternRequestMatcher.withDefaults().matcher("/console/ws/**");
		http.authorizeHttpRequests(requests -> requests.requestMatchers("/console/api/duty")
			.hasAnyRole("COORDINATOR", "SUPERVISOR")
			.requestMatchers("/console/api/accounts", "/console/api/accounts/**")
			.hasRole("COORDINATOR")
			.requestMatchers("/console/api/sessions", "/console/api/sessions/**")
			.hasRole("COORDINATOR")
			.requestMatchers("/console/api/queue", "/console/api/chats/**", "/console/api/team", "/console/api/offer",
					"/console/api/offer/**")
			.hasAnyRole("SCOUT", "SUPERVISOR")
			.requestMatchers("/console/ws/**")
			.hasAnyRole("SCOUT", "SUPERVISOR")
			.requestMatchers("/console", "/console/**")
			.authenticated()
			.anyRequest()
			.permitAll())
			.csrf(csrf -> csrf.ignoringRequestMatchers("/webhooks/**"))
			.headers(headers -> headers.frameOptions(frames -> frames.disable())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
				.permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS))
				.addHeaderWriter(pages))
			.formLogin(form -> form.loginPage("/login")
				.permitAll()
				.defaultSuccessUrl("/console", true)
				.withObjectPostProcessor(loginFailures.asTheFormsHandler()))
			.addFilterBefore(new LoginThrottleFilter(throttle, loginFailures),
					UsernamePasswordAuthenticationFilter.class)
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			.sessionManagement(session -> session.maximumSessions(-1)
				.sessionRegistry(logins)
				.expiredSessionStrategy(ConsoleSecurity::expired))
			.exceptionHandling(errors -> errors
				.defaultAuthenticationEntryPointFor(
						(request, response, ex) -> json(response, HttpStatus.UNAUTHORIZED, "unauthenticated"), api)
				.defaultAuthenticationEntryPointFor(
						(request, response, ex) -> json(response, HttpStatus.UNAUTHORIZED, "unauthenticated"), socket)
				.defaultAccessDeniedHandlerFor(
						(request, response, ex) -> json(response, HttpStatus.FORBIDDEN, "forbidden"), api)
				.defaultAccessDeniedHandlerFor(
						(request, response, ex) -> json(response, HttpStatus.FORBIDDEN, "forbidden"), socket));
		return http.build();
	}

	/**
	 * A login whose account's access was taken away: the API and the socket get
	 * {@code 401 session_expired}, a page the login form again.
	 */
	private static void expired(SessionInformationExpiredEvent event) throws IOException {
		String path = event.getRequest().getRequestURI();
		if (path.startsWith("/console/api") || path.startsWith("/console/ws")) {
			json(event.getResponse(), HttpStatus.UNAUTHORIZED, "session_expired");
		}
		else {
			event.getResponse().sendRedirect("/login?expired");
		}
	}

	private static void json(HttpServletResponse response, HttpStatus status, String code) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getWriter().write("{\"error\":\"" + code + "\"}");
	}

}
