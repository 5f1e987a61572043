package org.scoutline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scoutline.channel.common.IntakeScriptKeys;
import org.scoutline.channel.telegram.PollerScriptKeys;
import org.scoutline.conversation.ConversationId;
import org.scoutline.conversation.ConversationScriptKeys;
import org.scoutline.handover.HandoverScriptKeys;
import org.scoutline.schedule.ScheduleScriptKeys;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import io.lettuce.core.cluster.SlotHash;

/**
 * Every Lua script touches the keys of one Redis Cluster slot only: the test reads each
 * script under {@code redis/}, checks that it reaches keys only through {@code KEYS[n]}
 * (or the few keys it builds on purpose, listed here), that its call site gives it as
 * many keys as it reads, and that the keys each call site builds (for many people,
 * conversations, scouts and channels) hash to one slot, as {@code CLUSTER KEYSLOT} would
 * compute it (Lettuce's CRC16). A new script without an entry here fails.
 */
class ScriptSlotTests {

	private static final Pattern KEYS = Pattern.compile("KEYS\\[(\\d+)\\]");

	private static final Pattern CALL = Pattern.compile("redis\\.call(?:\\(|,)\\s*'(\\w+)'\\s*,\\s*([^)]*)\\)");

	/** keys a script builds from its arguments, on purpose, in the slot of its KEYS */
	private static final Map<String, Set<String>> BUILT = Map.of("find-conversation.lua",
			Set.of("conv", "conv .. ':log'", "conv .. ':seen'"), "save-conversation.lua", Set.of("ARGV[5] .. mapped"));

	private static final List<String> PREFIXES = List.of("scoutline:", "sl-test-" + UUID.randomUUID() + ":");

	private static final Map<String, String> scripts = new HashMap<>();

	@BeforeAll
	static void readScripts() throws IOException {
		for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:redis/*.lua")) {
			scripts.put(resource.getFilename(), resource.getContentAsString(StandardCharsets.UTF_8));
		}
	}

	/** a call site's keys, the script's own KEYS first, then any it builds */
	private record CallSite(int given, Function<Sample, List<String>> keys) {
	}

	/** one person, their conversation, two scouts and a channel */
	private record Sample(String prefix, String pseudonym, String id, String otherId, String scout, String otherScout,
			String channel, String arrival, String chat) {

		static Sample random(String prefix) {
			String pseudonym = UUID.randomUUID().toString();
			return new Sample(prefix, pseudonym, ConversationId.forPerson(pseudonym).value(),
					ConversationId.forPerson(pseudonym).value(), "scout-" + UUID.randomUUID(),
					"scout-" + UUID.randomUUID(), List.of("telegram", "whatsapp").get(pseudonym.length() % 2),
					UUID.randomUUID().toString(), UUID.randomUUID().toString());
		}

	}

	private static Map<String, CallSite> callSites() {
		Map<String, CallSite> sites = new HashMap<>();
		sites.put("find-conversation.lua",
				new CallSite(1, s -> new ConversationScriptKeys(s.prefix()).find(s.pseudonym(), s.otherId())));
		sites.put("save-conversation.lua",
				new CallSite(4, s -> new ConversationScriptKeys(s.prefix()).save(s.id(), s.pseudonym(), s.otherId())));
		sites.put("read-transcript.lua", new CallSite(2, s -> new ConversationScriptKeys(s.prefix()).read(s.id())));
		sites.put("handover-enqueue.lua", new CallSite(2, s -> new HandoverScriptKeys(s.prefix()).enqueue(s.id())));
		sites.put("handover-claim.lua",
				new CallSite(4, s -> new HandoverScriptKeys(s.prefix()).claim(s.id(), s.scout())));
		sites.put("handover-transfer.lua",
				new CallSite(3, s -> new HandoverScriptKeys(s.prefix()).transfer(s.id(), s.scout(), s.otherScout())));
		sites.put("handover-release.lua",
				new CallSite(4, s -> new HandoverScriptKeys(s.prefix()).release(s.id(), s.scout())));
		sites.put("handover-offer.lua",
				new CallSite(4, s -> new HandoverScriptKeys(s.prefix()).offer(s.id(), s.scout())));
		sites.put("handover-accept.lua",
				new CallSite(5, s -> new HandoverScriptKeys(s.prefix()).accept(s.id(), s.scout())));
		sites.put("handover-decline.lua",
				new CallSite(2, s -> new HandoverScriptKeys(s.prefix()).decline(s.id(), s.scout())));
		sites.put("handover-step-in.lua", new CallSite(1, s -> new HandoverScriptKeys(s.prefix()).stepIn(s.id())));
		sites.put("handover-tell.lua", new CallSite(1, s -> new HandoverScriptKeys(s.prefix()).tell(s.id())));
		sites.put("intake-offer.lua",
				new CallSite(4, s -> new IntakeScriptKeys(s.prefix()).offer(s.channel(), s.arrival(), s.chat())));
		sites.put("intake-step.lua",
				new CallSite(4, s -> new IntakeScriptKeys(s.prefix()).step(s.channel(), s.chat())));
		sites.put("intake-claim.lua", new CallSite(1, s -> new IntakeScriptKeys(s.prefix()).claim(s.channel())));
		sites.put("poller-lease.lua", new CallSite(1, s -> PollerScriptKeys.lease(s.prefix())));
		sites.put("poller-offset.lua", new CallSite(2, s -> PollerScriptKeys.offset(s.prefix())));
		sites.put("schedule-save.lua", new CallSite(2, s -> ScheduleScriptKeys.save(s.prefix())));
		return sites;
	}

	@Test
	void everyScriptHasACallSiteHere() {
		assertThat(scripts).as("the scripts on the class path").isNotEmpty();
		assertThat(callSites().keySet()).containsExactlyInAnyOrderElementsOf(scripts.keySet());
	}

	@Test
	void everyScriptReachesKeysOnlyThroughItsKeysOrTheFewItBuildsOnPurpose() {
		scripts.forEach((name, source) -> {
			Matcher call = CALL.matcher(source);
			while (call.find()) {
				List<String> arguments = new ArrayList<>(
						Arrays.stream(call.group(2).split(",")).map(String::trim).toList());
				if (call.group(1).equals("XGROUP")) {
					arguments.remove(0); // the subcommand
				}
				String key = arguments.get(0);
				if (!key.startsWith("KEYS[")) {
					assertThat(BUILT.getOrDefault(name, Set.of())).as(name + ": " + call.group()).contains(key);
				}
			}
		});
	}

	@Test
	void everyCallSiteGivesItsScriptAsManyKeysAsItReads() {
		Sample sample = Sample.random("scoutline:");
		callSites().forEach((name, site) -> {
			Set<Integer> read = new TreeSet<>();
			Matcher keys = KEYS.matcher(scripts.get(name));
			while (keys.find()) {
				read.add(Integer.parseInt(keys.group(1)));
			}
			assertThat(read).as(name + " reads KEYS[1..n]").hasSize(site.given()).allMatch(i -> i <= site.given());
			assertThat(site.keys().apply(sample)).as(name).hasSizeGreaterThanOrEqualTo(site.given());
		});
	}

	@Test
	void theKeysOfEveryScriptCallHashToOneSlot() {
		for (String prefix : PREFIXES) {
			for (int i = 0; i < 200; i++) {
				Sample sample = Sample.random(prefix);
				callSites().forEach((name, site) -> {
					List<String> keys = site.keys().apply(sample);
					Set<Integer> slots = new TreeSet<>(keys.stream().map(SlotHash::getSlot).toList());
					assertThat(slots).as(name + " " + keys).hasSize(1);
				});
			}
		}
	}

	@Test
	void theKeysOfOneConversationAndItsPersonShareOneSlot() {
		for (int i = 0; i < 200; i++) {
			Sample sample = Sample.random("scoutline:");
			List<String> keys = new ConversationScriptKeys("scoutline:").all(sample.id(), sample.pseudonym());
			assertThat(new TreeSet<>(keys.stream().map(SlotHash::getSlot).toList())).as(keys.toString()).hasSize(1);
		}
	}

	@Test
	void peopleSpreadOverTheSlots() {
		Set<Integer> slots = new TreeSet<>();
		for (int i = 0; i < 2000; i++) {
			Sample sample = Sample.random("scoutline:");
			slots.add(SlotHash.getSlot(new ConversationScriptKeys("scoutline:").read(sample.id()).get(0)));
		}
		assertThat(slots).as("2000 people land in many slots (4096 tags)").hasSizeGreaterThan(1000);
	}

}
