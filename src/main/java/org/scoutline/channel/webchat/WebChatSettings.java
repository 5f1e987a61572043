package org.scoutline.channel.webchat;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;

/**
 * @param allowedOrigins the pages that may open the widget's socket ({@code *}: any, for an embeddable widget)
 * @param burst how many messages a connection may send at once
 * @param perSecond how many messages a connection may send per second in the long run
 * @param maxFrameBytes the largest frame accepted; larger frames close the connection (code 1009)
 */
@Validated
@ConfigurationProperties("scoutline.webchat")
record WebChatSettings(@DefaultValue("*") @NotEmpty List<String> allowedOrigins,
		@DefaultValue("20") @Min(1) int burst, @DefaultValue("3") @Min(1) int perSecond,
		@DefaultValue("65536") @Min(8192) @Max(1048576) int maxFrameBytes) {

}
