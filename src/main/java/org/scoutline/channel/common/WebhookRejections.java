package org.scoutline.channel.common;

import java.util.Map;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Counts every error a messenger webhook (a controller marked {@link ChannelWebhook})
 * answers, by the channel in its path ({@code /webhooks/<channel>}) and the reason behind
 * its error code ({@link ChannelMeters.Rejection}). The body is not changed.
 */
@ControllerAdvice(annotations = ChannelWebhook.class)
class WebhookRejections implements ResponseBodyAdvice<Object> {

	private static final Map<String, ChannelMeters.Rejection> REASONS = Map.ofEntries(
			Map.entry("invalid_secret", ChannelMeters.Rejection.BAD_SECRET),
			Map.entry("invalid_signature", ChannelMeters.Rejection.BAD_SIGNATURE),
			Map.entry("invalid_verify_token", ChannelMeters.Rejection.BAD_VERIFY_TOKEN),
			Map.entry("payload_too_large", ChannelMeters.Rejection.OVERSIZED),
			Map.entry("unsupported_object", ChannelMeters.Rejection.UNSUPPORTED),
			Map.entry("unsupported_message_type", ChannelMeters.Rejection.UNSUPPORTED),
			Map.entry("unavailable", ChannelMeters.Rejection.UNAVAILABLE));

	private final ChannelMeters meters;

	WebhookRejections(ChannelMeters meters) {
		this.meters = meters;
	}

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
			Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		if (body instanceof Map<?, ?> answer && answer.get("error") instanceof String code) {
			count(request.getURI().getPath(), code);
		}
		return body;
	}

	/** Counts an error answered on {@code path}, by the reason behind {@code code}. */
	void count(String path, String code) {
		meters.rejected(channelOf(path), REASONS.getOrDefault(code, ChannelMeters.Rejection.MALFORMED));
	}

	/**
	 * @return the channel named in a webhook path, as {@link ChannelMeters} knows them
	 */
	static String channelOf(String path) {
		String rest = path == null || !path.startsWith("/webhooks/") ? "" : path.substring("/webhooks/".length());
		int slash = rest.indexOf('/');
		return slash < 0 ? rest : rest.substring(0, slash);
	}

}
