/**
 * Safety rules that hold in every state and on every channel: crisis detection
 * ({@link org.scoutline.safety.CrisisDetector}), keyed pseudonyms for channel user ids
 * ({@link org.scoutline.safety.Pseudonyms}) and the limits on what a message may be
 * ({@link org.scoutline.safety.MessagePolicy}).
 */
@ApplicationModule(displayName = "Safety", allowedDependencies = "platform")
package org.scoutline.safety;

import org.springframework.modulith.ApplicationModule;
