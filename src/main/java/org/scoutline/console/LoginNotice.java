package org.scoutline.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.security.web.WebAttributes;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.HtmlUtils;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Shows a {@link LoginRefused} message (wait, lock) on Spring's generated login page,
 * which since Security 6.5 says only "Invalid credentials" after any failure. A stopgap
 * until the console has its own login page: that page should show the message of the
 * session's {@link WebAttributes#AUTHENTICATION_EXCEPTION} when it is a
 * {@link LoginRefused}, and this filter goes.
 */
class LoginNotice extends OncePerRequestFilter {

	private static final String GENERIC = ">Invalid credentials<";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"GET".equals(request.getMethod()) || !"/login".equals(request.getRequestURI())
				|| !"error".equals(request.getQueryString());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		Object last = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
		if (!(last instanceof LoginRefused refused)) {
			chain.doFilter(request, response);
			return;
		}
		ContentCachingResponseWrapper page = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, page);
		String html = new String(page.getContentAsByteArray(), StandardCharsets.UTF_8);
		byte[] shown = html.replace(GENERIC, ">" + HtmlUtils.htmlEscape(refused.getMessage(), "UTF-8") + "<")
			.getBytes(StandardCharsets.UTF_8);
		response.setContentLength(shown.length);
		response.getOutputStream().write(shown);
	}

}
