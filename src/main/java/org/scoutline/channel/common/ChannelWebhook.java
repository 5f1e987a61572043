package org.scoutline.channel.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a channel's webhook controller, so that {@link WebhookErrors} answers whatever
 * goes wrong in it with JSON. A new channel's webhook carries it; nothing outside the
 * channel's folder names the channel.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ChannelWebhook {

}
