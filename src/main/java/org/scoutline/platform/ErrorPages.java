package org.scoutline.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What {@code /error} answers (instead of Boot's, which with the whitelabel page off
 * looked for a view named "error" and logged a "Circular view path" stack trace for every
 * unknown page): a browser a small calm page in our words, everything else
 * {@code {"error":"not_found"}} and the like. Nothing is negotiated, so no client's
 * {@code Accept} can make this fail, and nothing is logged here: the status says it all.
 */
@Controller
class ErrorPages implements ErrorController {

	@RequestMapping("${server.error.path:${error.path:/error}}")
	void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		HttpStatus status = status(request);
		response.setStatus(status.value());
		if (wantsPage(request.getHeader("Accept"))) {
			response.setContentType(MediaType.TEXT_HTML_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.getWriter().write(page(status));
		}
		else {
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.getWriter().write("{\"error\":\"" + code(status) + "\"}");
		}
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
		return status != null && status.isError() ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

	/**
	 * @return whether the client asked for HTML by name (a browser's navigation); a
	 * client that sent no {@code Accept} or {@code *}{@code /*} gets JSON
	 */
	static boolean wantsPage(String accept) {
		return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/html");
	}

	static String code(HttpStatus status) {
		switch (status) {
			case BAD_REQUEST:
				return "bad_request";
			case UNAUTHORIZED:
				return "unauthenticated";
			case FORBIDDEN:
				return "forbidden";
			case NOT_FOUND:
				return "not_found";
			case METHOD_NOT_ALLOWED:
				return "method_not_allowed";
			case NOT_ACCEPTABLE:
				return "not_acceptable";
			case PAYLOAD_TOO_LARGE:
				return "too_large";
			case UNSUPPORTED_MEDIA_TYPE:
				return "unsupported_media_type";
			case TOO_MANY_REQUESTS:
				return "too_many_requests";
			case SERVICE_UNAVAILABLE:
				return "unavailable";
			default:
				return status.is4xxClientError() ? "bad_request" : "internal_error";
		}
	}

	private static String page(HttpStatus status) {
		String title;
		String text;
		if (status == HttpStatus.NOT_FOUND) {
			title = "Page not found";
			text = "There is no page at this address. That's all right: the chat is on the start page.";
		}
		else if (status.is4xxClientError()) {
			title = "That didn't work";
			text = "This request couldn't be answered. Please go back and try again.";
		}
		else {
			title = "Something went wrong on our side";
			text = "It's not your fault. Please try again in a moment.";
		}
		return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
				+ "<meta name=\"referrer\" content=\"no-referrer\"><title>" + title
				+ "</title></head>\n<body><main><h1>" + title + "</h1><p>" + text
				+ "</p><p><a href=\"/\">Start page</a></p>"
				+ "<p>In danger right now: call 112 (EU).</p></main></body></html>\n";
	}

}
