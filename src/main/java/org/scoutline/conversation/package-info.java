/**
 * Conversations: the {@link org.scoutline.conversation.Conversation} record, its modes,
 * its transcript and its store in Redis
 * ({@link org.scoutline.conversation.Conversations}), plus the value types every channel
 * speaks ({@link org.scoutline.conversation.Bubble},
 * {@link org.scoutline.conversation.Choice}).
 */
@ApplicationModule(displayName = "Conversation", allowedDependencies = "platform")
package org.scoutline.conversation;

import org.springframework.modulith.ApplicationModule;
