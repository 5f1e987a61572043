/**
 * Handover to peer scouts. For now it holds the one decision every "talk to a scout" request goes through,
 * {@link org.scoutline.handover.ScoutDuty}; the queue, claims and presence follow.
 */
@ApplicationModule(displayName = "Handover", allowedDependencies = { "platform", "conversation" })
package org.scoutline.handover;

import org.springframework.modulith.ApplicationModule;
