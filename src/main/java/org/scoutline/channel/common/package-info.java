/**
 * What the messenger adapters share: ordered per-chat lanes, replay protection and webhook request handling.
 */
package org.scoutline.channel.common;
