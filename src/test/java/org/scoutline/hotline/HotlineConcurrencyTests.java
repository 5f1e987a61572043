package org.scoutline.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.scoutline.conversation.Channel;
import org.scoutline.conversation.Conversations;
import org.scoutline.conversation.InboundMessage;
import org.scoutline.conversation.TranscriptEntry;
import org.scoutline.dialogue.BotTurns;
import org.scoutline.dialogue.Triage;
import org.scoutline.handover.UserSide;
import org.scoutline.handover.UserTurns;
import org.scoutline.safety.CrisisDetector;
import org.scoutline.safety.MessagePolicy;
import org.scoutline.safety.Pseudonyms;
import org.scoutline.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Messages to one conversation processed at the same moment, on one instance or two, lose
 * nothing.
 */
@IntegrationTest
class HotlineConcurrencyTests {

	@Autowired
	Hotline hotline;

	@Autowired
	Conversations conversations;

	@Autowired
	Pseudonyms pseudonyms;

	@Autowired
	MessagePolicy policy;

	@Autowired
	BotTurns bot;

	@Autowired
	UserTurns users;

	@Autowired
	Refusals refusals;

	@Autowired
	Clock clock;

	@Autowired
	CrisisDetector crisis;

	@Autowired
	Triage triage;

	@Autowired
	UserSide handover;

	@Autowired
	TurnMeters meters;

	@Test
	void concurrentMessagesToOneConversationAreAllKeptInOrderOfTheirSaves() throws Exception {
		String user = "concurrent-user";
		// a second pipeline with its own locks stands for a second instance on the same
		// Redis
		Hotline otherInstance = new Hotline(conversations, pseudonyms, policy, crisis, bot, users, handover, refusals,
				triage, clock, meters);
		Hotline[] instances = { hotline, otherInstance };
		hotline.receive(InboundMessage.choice(Channel.WEB, user, "first", "en").from(null, "en", true));
		int perThread = 25;
		ExecutorService pool = Executors.newFixedThreadPool(4);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> done = new ArrayList<>();
		for (int thread = 0; thread < 4; thread++) {
			int t = thread;
			done.add(pool.submit(() -> {
				start.await();
				for (int i = 0; i < perThread; i++) {
					HotlineReply reply = instances[t % 2]
						.receive(InboundMessage.text(Channel.WEB, user, "t" + t + "-" + i, "note " + t + "-" + i)
							.from(null, "en", true));
					assertThat(reply.outcome()).isEqualTo(HotlineReply.Outcome.ANSWERED);
				}
				return null;
			}));
		}
		start.countDown();
		for (Future<?> future : done) {
			future.get();
		}
		pool.shutdown();
		var conversation = conversations.find(pseudonyms.of("WEB", user), null).conversation();
		List<String> userLines = conversations.transcript(conversation.id(), 1000)
			.stream()
			.filter(e -> e.author() == TranscriptEntry.Author.USER)
			.map(TranscriptEntry::text)
			.filter(text -> text.startsWith("note "))
			.toList();
		assertThat(userLines).hasSize(4 * perThread).doesNotHaveDuplicates();
		assertThat(conversation.version()).isEqualTo(1 + 4 * perThread);
	}

}
