package org.scoutline.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The metrics endpoint ({@code /actuator/prometheus}) has a filter chain of its own,
 * ahead of the console's: a request passes with the configured bearer token (compared in
 * constant time) or from a configured network; anything else gets {@code 401} (or
 * {@code 404} when neither is configured, so the endpoint is closed by default). No
 * session, no cookie, no CSRF: a scraper sends one stateless GET.
 * {@code /actuator/health} is not matched here and stays public.
 */
@Configuration(proxyBeanMethods = false)
class MetricsSecurity {

	static final String[] PATHS = { "/actuator/prometheus", "/actuator/prometheus/**" };

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 10)
	SecurityFilterChain metricsFilterChain(HttpSecurity http, MetricsSettings settings) throws Exception {
		MetricsAccess access = new MetricsAccess(settings);
		http.securityMatcher(PATHS)
			.authorizeHttpRequests(requests -> requests.anyRequest().access(access))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.exceptionHandling(
					errors -> errors.authenticationEntryPoint((request, response, ex) -> refuse(settings, response))
						.accessDeniedHandler((request, response, ex) -> refuse(settings, response)));
		return http.build();
	}

	private static void refuse(MetricsSettings settings, HttpServletResponse response) throws IOException {
		if (settings.open()) {
			response.setStatus(HttpStatus.UNAUTHORIZED.value());
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
			json(response, "unauthenticated");
		}
		else {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			json(response, "not_found");
		}
	}

	private static void json(HttpServletResponse response, String code) throws IOException {
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getWriter().write("{\"error\":\"" + code + "\"}");
	}

	/** The token or the network decides; nothing else does. */
	static final class MetricsAccess implements AuthorizationManager<RequestAuthorizationContext> {

		private final byte[] token;

		private final List<IpAddressMatcher> networks;

		MetricsAccess(MetricsSettings settings) {
			this.token = settings.token() == null ? null : settings.token().getBytes(StandardCharsets.UTF_8);
			this.networks = settings.allowedNetworks().stream().map(IpAddressMatcher::new).toList();
		}

		@Override
		public AuthorizationDecision check(Supplier<Authentication> authentication,
				RequestAuthorizationContext context) {
			HttpServletRequest request = context.getRequest();
			return new AuthorizationDecision(hasToken(request) || fromNetwork(request));
		}

		private boolean hasToken(HttpServletRequest request) {
			String header = request.getHeader(HttpHeaders.AUTHORIZATION);
			if (token == null || header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
				return false;
			}
			return MessageDigest.isEqual(token, header.substring(7).strip().getBytes(StandardCharsets.UTF_8));
		}

		private boolean fromNetwork(HttpServletRequest request) {
			String address = request.getRemoteAddr();
			return address != null && networks.stream().anyMatch(network -> network.matches(address));
		}

	}

}
