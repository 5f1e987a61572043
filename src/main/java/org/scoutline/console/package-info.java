/**
 * The operator console for scouts, supervisors and coordinators: accounts in Redis
 * (BCrypt), form login with CSRF and a session, the REST API under {@code /console/api},
 * the STOMP endpoint {@code /console/ws} with per-message authorisation, and the console
 * page {@code /console}. Chat logic lives in {@link org.scoutline.handover.Handover};
 * this module decides who may do what and carries events to the browsers.
 */
@ApplicationModule(displayName = "Console",
		allowedDependencies = { "platform", "conversation", "handover", "safety", "schedule", "directory" })
package org.scoutline.console;

import org.springframework.modulith.ApplicationModule;
