/**
 * The WhatsApp channel (Business Cloud API): a signed webhook in, plain HTTP out with
 * Spring's {@code RestClient}; reply buttons or lists for choices; media never fetched;
 * nothing free-form outside the 24-hour window. What goes out needs only the dialogue's
 * texts, never the hotline, so that the handover can deliver through it.
 */
@ApplicationModule(displayName = "Channels: WhatsApp",
		allowedDependencies = { "platform", "conversation", "dialogue", "hotline", "channel.common" })
package org.scoutline.channel.whatsapp;

import org.springframework.modulith.ApplicationModule;
