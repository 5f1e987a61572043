package org.scoutline.channel.webchat;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The headers of the widget's frame ({@code /widget/**}, the chat page the loader
 * {@code /widget.js} opens in an iframe on the host page). The only place that decides
 * who may frame it: {@code frame-ancestors} from
 * {@code scoutline.webchat.allowed-origins} and no {@code X-Frame-Options} (which would
 * forbid every host). The page loads only its own script and style and talks only to this
 * origin. Its own filter chain, ahead of the console's, so that the console keeps its own
 * headers.
 */
@Configuration(proxyBeanMethods = false)
class WidgetFrameSecurity {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain widgetFrameChain(HttpSecurity http, WebChatSettings settings) throws Exception {
		String policy = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
				+ "base-uri 'none'; form-action 'none'; frame-ancestors "
				+ FrameAncestors.of(settings.allowedOrigins());
		http.securityMatcher("/widget/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.securityContext(context -> context.disable())
			.sessionManagement(session -> session.disable())
			.headers(headers -> headers.frameOptions(frame -> frame.disable())
				.contentSecurityPolicy(csp -> csp.policyDirectives(policy))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
		return http.build();
	}

}
