/**
 * The WhatsApp channel (Business Cloud API): a signed webhook in, plain HTTP out with Spring's {@code RestClient};
 * reply buttons or lists for choices; media never fetched; nothing free-form outside the 24-hour window.
 */
package org.scoutline.channel.whatsapp;
