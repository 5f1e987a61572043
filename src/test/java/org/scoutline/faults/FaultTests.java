package org.scoutline.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.assertj.core.api.SoftAssertions;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.scoutline.faults.Outbox.Sent;

/**
 * Issue 12, "nothing lost on Telegram and WhatsApp", measured from outside: the app runs
 * as two separate JVMs on the fault tests' own Redis, the fake Telegram and the fake Meta
 * deliver updates as the real platforms do (again and again until a 200) and record every
 * reply. Each scenario prints its numbers (and writes them to
 * {@code target/faults/<scenario>.txt}) before it asserts the targets: every update that
 * got a 200 is answered, none twice, no conversation loses its state.
 *
 * <p>
 * {@code mvn -Pfaults verify} runs only these (docs/testing.md).
 */
@Tag("faults")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultTests {

	/**
	 * how long, after the fault, replies may still come (a dead instance's stored updates
	 * are claimed by the others only after they have been idle for a while)
	 */
	/** the Telegram lanes of one instance (scoutline.telegram.lanes, default 8) */
	static final int LANES = 8;

	static final Duration SETTLE = Duration.ofSeconds(Long.getLong("faults.settle-seconds", 60));

	/** how long the follow-up that checks the conversation's state may take */
	static final Duration CHECK = Duration.ofSeconds(60);

	/** a person in a scenario: a chat on one channel */
	record Person(Users users, String chat) {

	}

	// ------------------------------------------------------------------ scenario 0

	/**
	 * The harness itself: without a fault, the same set-up loses nothing (so what the
	 * other scenarios count is the fault's doing, not the harness's).
	 */
	@Test
	@Order(0)
	void withoutAFaultNothingIsLost() {
		try (Harness harness = Harness.start("baseline", "webhook", 2)) {
			Users telegram = Users.telegramWebhook(harness.telegram());
			Users whatsApp = Users.whatsApp(harness.meta());
			List<Person> people = new ArrayList<>();
			telegram.chats(100).forEach(chat -> people.add(new Person(telegram, chat)));
			whatsApp.chats(20).forEach(chat -> people.add(new Person(whatsApp, chat)));
			List<Step> starts = sendAll(people, "/start", Replies.WELCOME, Duration.ofMillis(20));
			settle(SETTLE, () -> starts.stream().allMatch(step -> step.accepted() && step.answered()));
			Map<String, String> hello = helloTexts(starts);
			List<Step> checks = sendAll(people, "de", Replies.SITUATION, Duration.ofMillis(20));
			settle(CHECK, () -> checks.stream().allMatch(FaultTests::decided));
			harness.freeze();
			Tally total = new Tally(starts, checks, hello);
			Summary summary = new Summary("baseline", "no fault (2 instances, webhooks): the harness's zero");
			summary.line("webhook attempts by outcome", outcomes(starts));
			total.report(summary, "");
			summary.print();
			total.assertZeroLoss();
		}
	}

	// ------------------------------------------------------------------ scenario 1

	@Test
	@Order(1)
	void redisDownForFiveSecondsLosesNothing() {
		try (Harness harness = Harness.start("redis-down", "webhook", 2)) {
			Users telegram = Users.telegramWebhook(harness.telegram());
			Users whatsApp = Users.whatsApp(harness.meta());
			List<Person> people = new ArrayList<>();
			telegram.chats(50).forEach(chat -> people.add(new Person(telegram, chat)));
			whatsApp.chats(10).forEach(chat -> people.add(new Person(whatsApp, chat)));

			// before the outage every conversation begins (Redis is up)
			List<Step> welcomes = sendAll(people, "/start", Replies.WELCOME, Duration.ofMillis(20));
			settle(Duration.ofSeconds(60), () -> welcomes.stream().allMatch(Step::answered));
			assertThat(count(welcomes, Step::answered)).as("setup: chats welcomed while Redis is up")
				.isEqualTo(welcomes.size());
			Map<String, String> hello = helloTexts(welcomes);

			// the outage: Redis killed 1.5 s from now, started again from its AOF 5 s
			// later;
			// each person taps "Deutsch" once, spread evenly from 1.5 s before the outage
			// to
			// 2 s after it
			Duration lead = Duration.ofMillis(1500);
			Duration outage = Duration.ofSeconds(5);
			Duration spread = Duration.ofMillis(8500);
			AtomicReference<Instant> crashed = new AtomicReference<>();
			AtomicReference<Instant> restarted = new AtomicReference<>();
			Instant tapsFrom = Instant.now();
			AtomicLong keysBefore = new AtomicLong(-1);
			AtomicLong keysAfter = new AtomicLong(-1);
			harness.at(lead, () -> {
				keysBefore.set(harness.redis().keys());
				crashed.set(Instant.now());
				harness.redis().crash();
			});
			harness.at(lead.plus(outage), () -> {
				harness.redis().restart();
				restarted.set(Instant.now());
				keysAfter.set(harness.redis().keys());
			});
			List<Person> order = new ArrayList<>(people);
			Collections.shuffle(order, new Random(12));
			List<Step> taps = new ArrayList<>();
			for (int i = 0; i < order.size(); i++) {
				Person person = order.get(i);
				taps.add(person.users()
					.send(person.chat(), "de", Duration.ofMillis(spread.toMillis() * i / order.size()),
							Replies.SITUATION));
			}
			settle(spread.plus(SETTLE), () -> restarted.get() != null
					&& taps.stream().allMatch(step -> step.accepted() && step.answered()));

			// afterwards: the conversation goes on where it was (situation "a" -> risk
			// question)
			Instant checkFrom = Instant.now();
			List<Step> checks = sendAll(order, "a", Replies.RISK, Duration.ofMillis(20));
			settle(CHECK, () -> checks.stream().allMatch(FaultTests::decided));
			harness.freeze();

			Summary summary = new Summary("redis-down", "Redis down for 5 s (2 instances, webhooks, AOF restart)");
			summary.line("outage (Redis SIGKILL -> restarted from AOF), ms",
					Duration.between(crashed.get(), restarted.get()).toMillis());
			summary.line("Redis keys before the kill / once restarted from the AOF",
					keysBefore.get() + " / " + keysAfter.get());
			Tally total = new Tally(taps, checks, hello);
			for (Users users : List.of(telegram, whatsApp)) {
				String channel = users.channel();
				new Tally(only(taps, channel), only(checks, channel), hello).report(summary, channel + ": ");
				summary.line(channel + ": webhook attempts by outcome", outcomes(only(taps, channel)));
			}
			Map<String, Integer> unansweredByPhase = new TreeMap<>();
			for (Step step : total.unanswered()) {
				unansweredByPhase.merge(phase(step.delivery.scheduled, crashed.get(), restarted.get()), 1,
						Integer::sum);
			}
			summary.line("unanswered by when the update was first sent", unansweredByPhase);
			summary.line("\"technical problem, send again\" notices", notices(people, tapsFrom, checkFrom));
			summary.line("setup: welcome sent twice before the outage",
					welcomes.stream().mapToInt(step -> step.duplicatesBefore(tapsFrom)).sum());
			summary.line("recovery (restart -> last reply to a tap), ms",
					total.recovery(restarted.get(), total.accepted()));
			total.report(summary, "total: ");
			summary.print();
			total.assertZeroLoss();
		}
	}

	// ------------------------------------------------------------------ scenario 2

	@Test
	@Order(2)
	void anInstanceKilledMidBurstLosesNothing() {
		try (Harness harness = Harness.start("kill", "webhook", 2)) {
			Users telegram = Users.telegramWebhook(harness.telegram());
			List<Person> people = telegram.chats(600).stream().map(chat -> new Person(telegram, chat)).toList();
			AppInstance victim = harness.instances().get(0);
			Duration burst = Duration.ofSeconds(6);
			AtomicReference<Instant> killed = new AtomicReference<>();
			AtomicInteger exit = new AtomicInteger(-1);
			// 600 /start in 6 s, round robin over both instances; instance a is killed
			// (SIGKILL) 2.5 s in
			List<Step> starts = sendAll(people, "/start", Replies.WELCOME,
					Duration.ofMillis(burst.toMillis() / people.size()));
			harness.at(Duration.ofMillis(2500), () -> {
				killed.set(Instant.now());
				exit.set(victim.kill());
			});
			settle(burst.plus(SETTLE),
					() -> exit.get() >= 0 && starts.stream().allMatch(step -> step.accepted() && step.answered()));
			Map<String, String> hello = helloTexts(starts);

			// afterwards each conversation goes on: "Deutsch" -> the situation question,
			// without a second welcome
			List<Step> checks = sendAll(people, "de", Replies.SITUATION, Duration.ofMillis(10));
			settle(CHECK, () -> checks.stream().allMatch(FaultTests::decided));
			harness.freeze();

			Instant kill = Objects.requireNonNull(killed.get(), "the instance was not killed");
			List<Step> onVictim = starts.stream()
				.filter(step -> victim.name().equals(step.delivery.acceptedBy) && step.accepted()
						&& step.acceptedAt().isBefore(kill))
				.toList();
			List<Step> beforeKill = starts.stream()
				.filter(step -> step.accepted() && step.acceptedAt().isBefore(kill))
				.toList();
			Tally total = new Tally(starts, checks, hello);
			Summary summary = new Summary("kill", "an instance SIGKILLed mid-burst of 600 /start (2 instances)");
			summary.line("exit code of the killed instance (137 = SIGKILL)", exit.get());
			summary.line("accepted (200) by the killed instance before the kill", onVictim.size());
			summary.line("  of these answered before the kill", count(onVictim, step -> answeredBefore(step, kill)));
			summary.line("  of these never answered", count(onVictim, step -> !step.answered()));
			summary.line("attempts that met the dying/dead instance and were redelivered",
					count(starts, step -> step.delivery.triedOn.contains(victim.name())
							&& !victim.name().equals(step.delivery.acceptedBy)));
			summary.line("webhook attempts by outcome", outcomes(starts));
			summary.line("recovery (kill -> last reply to an update accepted before it), ms",
					total.recovery(kill, beforeKill.stream().filter(step -> !answeredBefore(step, kill)).toList()));
			summary.line("slowest reply to an update accepted after the kill, ms", slowest(starts, kill));
			total.report(summary, "");
			summary.print();
			SoftAssertions softly = new SoftAssertions();
			softly.assertThat(exit.get()).as("the instance died of SIGKILL").isEqualTo(137);
			total.assertZeroLoss(softly, LANES);
			softly.assertAll();
		}
	}

	// ------------------------------------------------------------------ scenario 3

	@Test
	@Order(3)
	void thePollingLeaderKilledLosesNothing() {
		try (Harness harness = Harness.start("polling", "polling", 2)) {
			FakeTelegram fake = harness.telegram();
			settle(Duration.ofSeconds(30), () -> !fake.getUpdatesCalls().isEmpty());
			Users telegram = Users.telegramPolling(fake, harness);
			List<Person> people = telegram.chats(300).stream().map(chat -> new Person(telegram, chat)).toList();
			Duration burst = Duration.ofSeconds(6);
			AtomicReference<Instant> killed = new AtomicReference<>();
			AtomicReference<String> victim = new AtomicReference<>();
			AtomicReference<Map<String, Integer>> pollersAtKill = new AtomicReference<>();
			AtomicInteger conflictsAtKill = new AtomicInteger();
			AtomicInteger exit = new AtomicInteger(-1);
			// 300 /start queued for getUpdates in 6 s; 3 s in, the instance that polls is
			// killed
			List<Step> starts = sendAll(people, "/start", Replies.WELCOME,
					Duration.ofMillis(burst.toMillis() / people.size()));
			harness.at(Duration.ofSeconds(3), () -> {
				AppInstance leader = leader(harness);
				pollersAtKill.set(fake.getUpdatesCalls());
				conflictsAtKill.set(fake.conflicts());
				victim.set(leader.name());
				killed.set(Instant.now());
				exit.set(leader.kill());
			});
			settle(burst.plus(SETTLE),
					() -> exit.get() >= 0 && starts.stream().allMatch(step -> step.accepted() && step.answered()));
			Map<String, String> hello = helloTexts(starts);
			List<Step> checks = sendAll(people, "de", Replies.SITUATION, Duration.ofMillis(10));
			settle(CHECK, () -> checks.stream().allMatch(FaultTests::decided));
			harness.freeze();

			Instant kill = Objects.requireNonNull(killed.get(), "the leader was not killed");
			List<Step> beforeKill = starts.stream()
				.filter(step -> step.accepted() && step.acceptedAt().isBefore(kill))
				.toList();
			Tally total = new Tally(starts, checks, hello);
			Summary summary = new Summary("polling", "the polling leader SIGKILLed (2 instances, getUpdates)");
			summary.line("instances calling getUpdates before the kill (want 1)", pollersAtKill.get().size());
			summary.line("getUpdates calls before the kill, per instance", pollersAtKill.get());
			summary.line("409 Conflict (two getUpdates at once) before the kill", conflictsAtKill.get());
			summary.line("409 Conflict in all", fake.conflicts());
			summary.line("killed (the last to receive updates), exit code", victim.get() + ", " + exit.get());
			summary.line("updates never handed out by getUpdates (skipped)", fake.neverHandedOut());
			summary.line("updates handed out more than once", fake.handedOutTwice());
			summary.line("updates handed out to both instances", fake.handedOutToSeveral());
			summary.line("updates still unconfirmed at the end", fake.unconfirmed());
			summary.line("recovery (kill -> last reply to an update queued before it), ms",
					total.recovery(kill, beforeKill.stream().filter(step -> !answeredBefore(step, kill)).toList()));
			summary.line("slowest reply to an update queued after the kill, ms", slowest(starts, kill));
			total.report(summary, "");
			summary.print();
			SoftAssertions softly = new SoftAssertions();
			softly.assertThat(pollersAtKill.get()).as("only the leader polls").hasSize(1);
			softly.assertThat(fake.neverHandedOut() + fake.unconfirmed()).as("updates skipped").isZero();
			total.assertZeroLoss(softly, LANES);
			softly.assertAll();
		}
	}

	// ------------------------------------------------------------------ the numbers

	/** What a scenario's fault did to its updates, and to the conversations after it. */
	static final class Tally {

		final List<Step> steps;

		final List<Step> checks;

		final Map<String, String> hello;

		Tally(List<Step> steps, List<Step> checks, Map<String, String> hello) {
			this.steps = steps;
			this.checks = checks;
			this.hello = hello;
		}

		List<Step> accepted() {
			return steps.stream().filter(Step::accepted).toList();
		}

		List<Step> unanswered() {
			return steps.stream().filter(step -> step.accepted() && !step.answered()).toList();
		}

		int neverAccepted() {
			return count(steps, step -> !step.accepted());
		}

		int duplicates() {
			return FaultTests.duplicates(steps) + FaultTests.duplicates(checks);
		}

		/**
		 * @return conversations whose follow-up did not continue the triage: no expected
		 * answer, or the welcome again (it started over)
		 */
		int lostState() {
			return count(checks, check -> !check.answered() || startedOver(check));
		}

		boolean startedOver(Step check) {
			String text = hello.get(check.channel);
			return text != null && check.since().stream().anyMatch(sent -> sent.text().equals(text));
		}

		/**
		 * @return ms from {@code start} to the last first reply of {@code waiting}, or
		 * what is still missing
		 */
		String recovery(Instant start, List<Step> waiting) {
			if (start == null) {
				return "n/a";
			}
			int missing = count(waiting, step -> !step.answered());
			if (missing > 0) {
				return "not recovered: " + missing + " of " + waiting.size() + " never answered";
			}
			long last = waiting.stream()
				.map(Step::firstReply)
				.mapToLong(at -> Duration.between(start, at).toMillis())
				.max()
				.orElse(0);
			return String.valueOf(Math.max(0, last)) + " (" + waiting.size() + " updates waited)";
		}

		void report(Summary summary, String prefix) {
			List<Step> accepted = accepted();
			summary.line(prefix + "updates sent", steps.size());
			summary.line(prefix + "accepted (200 / queued)", accepted.size());
			if (!steps.isEmpty() && steps.get(0).delivery != null) {
				summary.line(prefix + "  accepted at the first attempt",
						count(accepted, step -> step.delivery.attempts.get() == 1));
				summary.line(prefix + "  accepted after redelivery",
						count(accepted, step -> step.delivery.attempts.get() > 1));
			}
			summary.line(prefix + "never accepted (still redelivered at the end)", neverAccepted());
			summary.line(prefix + "answered", count(steps, Step::answered));
			summary.line(prefix + "UNANSWERED (accepted, never replied to)", unanswered().size());
			summary.line(prefix + "DUPLICATE replies", duplicates());
			summary.line(prefix + "CONVERSATIONS THAT LOST STATE", lostState() + " of " + checks.size());
		}

		void assertZeroLoss() {
			SoftAssertions softly = new SoftAssertions();
			assertZeroLoss(softly);
			softly.assertAll();
		}

		void assertZeroLoss(SoftAssertions softly) {
			assertZeroLoss(softly, 0);
		}

		/**
		 * @param inFlight how many replies may come twice: delivery is at least once, so
		 * a reply the platform took in the instant before the killed instance noted it in
		 * Redis is sent again by the instance that takes over; at most one per lane of
		 * the killed instance
		 */
		void assertZeroLoss(SoftAssertions softly, int inFlight) {
			softly.assertThat(unanswered().size()).as("updates accepted and never answered").isZero();
			softly.assertThat(neverAccepted()).as("updates never accepted").isZero();
			softly.assertThat(duplicates())
				.as("duplicate replies (at most one per lane in flight at the kill)")
				.isLessThanOrEqualTo(inFlight);
			softly.assertThat(lostState()).as("conversations that lost their state").isZero();
		}

	}

	// ------------------------------------------------------------------ helpers

	/**
	 * Sends {@code what} from every person, one every {@code pace} (scheduled by the fake
	 * platform, no sleeping here).
	 */
	private static List<Step> sendAll(List<Person> people, String what, Predicate<Sent> reply, Duration pace) {
		List<Step> steps = new ArrayList<>();
		for (int i = 0; i < people.size(); i++) {
			Person person = people.get(i);
			steps.add(person.users().send(person.chat(), what, pace.multipliedBy(i), reply));
		}
		return steps;
	}

	/**
	 * Waits until {@code done} or {@code atMost}, whichever comes first; a timeout is not
	 * a failure here (what is missing is counted afterwards).
	 */
	private static boolean settle(Duration atMost, BooleanSupplier done) {
		try {
			Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(done::getAsBoolean);
			return true;
		}
		catch (ConditionTimeoutException ex) {
			return false;
		}
	}

	/**
	 * @return whether a follow-up got its answer or a different question
	 */
	private static boolean decided(Step check) {
		return check.answered() || check.since().stream().anyMatch(sent -> !sent.choices().isEmpty());
	}

	/**
	 * @return per channel, the welcome's first text (to see a conversation start over)
	 */
	private static Map<String, String> helloTexts(List<Step> welcomes) {
		Map<String, String> hello = new HashMap<>();
		for (Step step : welcomes) {
			if (step.answered() && !hello.containsKey(step.channel)) {
				hello.put(step.channel, step.since().get(0).text());
			}
		}
		return hello;
	}

	private static AppInstance leader(Harness harness) {
		List<FakeTelegram.Poll> polls = harness.telegram().polls();
		String name = polls.isEmpty() ? harness.telegram()
			.getUpdatesCalls()
			.entrySet()
			.stream()
			.max(Map.Entry.comparingByValue())
			.map(Map.Entry::getKey)
			.orElseThrow() : polls.get(polls.size() - 1).instance();
		return harness.instance(name);
	}

	private static boolean answeredBefore(Step step, Instant instant) {
		Instant reply = step.firstReply();
		return reply != null && reply.isBefore(instant);
	}

	private static String slowest(List<Step> steps, Instant kill) {
		return steps.stream()
			.filter(step -> step.accepted() && !step.acceptedAt().isBefore(kill) && step.answered())
			.mapToLong(step -> Duration.between(step.acceptedAt(), step.firstReply()).toMillis())
			.max()
			.stream()
			.mapToObj(String::valueOf)
			.findFirst()
			.orElse("n/a");
	}

	private static int duplicates(List<Step> steps) {
		return steps.stream().mapToInt(Step::duplicates).sum();
	}

	private static int count(List<Step> steps, Predicate<Step> which) {
		return (int) steps.stream().filter(which).count();
	}

	private static List<Step> only(List<Step> steps, String channel) {
		return steps.stream().filter(step -> step.channel.equals(channel)).toList();
	}

	private static Map<String, Integer> outcomes(List<Step> steps) {
		Map<String, Integer> counts = new TreeMap<>();
		for (Step step : steps) {
			step.delivery.outcomes.forEach((outcome, n) -> counts.merge(outcome, n.get(), Integer::sum));
		}
		return counts;
	}

	private static String phase(Instant at, Instant down, Instant up) {
		if (down == null || at.isBefore(down)) {
			return "before";
		}
		return up == null || at.isBefore(up) ? "during" : "after";
	}

	/**
	 * @return "send it again" notices the fault caused, per channel
	 */
	private static Map<String, Long> notices(List<Person> people, Instant from, Instant until) {
		return people.stream()
			.collect(Collectors.groupingBy(person -> person.users().channel(), TreeMap::new,
					Collectors.summingLong(person -> person.users()
						.outbox()
						.to(person.chat())
						.stream()
						.filter(sent -> !sent.at().isBefore(from) && sent.at().isBefore(until))
						.filter(Replies::isResendNotice)
						.count())));
	}

}
