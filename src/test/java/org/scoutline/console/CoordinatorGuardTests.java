package org.scoutline.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scoutline.platform.ApiProblem;
import org.scoutline.support.ConsoleClient;
import org.scoutline.support.ConsoleClient.Response;
import org.scoutline.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

/**
 * A coordinator can't hurt themselves: their own account and the last enabled coordinator
 * can't be disabled, with a 409 and a stable code; any other account can.
 */
@IntegrationTest
class CoordinatorGuardTests {

	static final String PASSWORD = "coordinator-password-1";

	@Autowired
	Accounts accounts;

	@Autowired
	CoordinatorGuard guard;

	@LocalServerPort
	int port;

	private final List<ConsoleClient> open = new ArrayList<>();

	@BeforeEach
	void bootstrapCoordinator() {
		accounts.run(null);
		accounts.setEnabled(Staff.ADMIN, true);
		accounts.create("cora", PASSWORD, "Cora", Role.COORDINATOR);
		accounts.setEnabled("cora", true);
	}

	@AfterEach
	void closeAll() {
		open.forEach(ConsoleClient::close);
		open.clear();
		accounts.setEnabled(Staff.ADMIN, true);
	}

	@Test
	void aCoordinatorCannotDisableTheirOwnAccount() {
		ConsoleClient admin = login(Staff.ADMIN, Staff.ADMIN_PASSWORD);
		Response refused = admin.post("/console/api/accounts/" + Staff.ADMIN + "/disable", null);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().path("error").asText()).isEqualTo("own_account");
		assertThat(refused.json().path("message").asText()).contains("your own account");
		assertThat(accounts.find(Staff.ADMIN).orElseThrow().enabled()).isTrue();
		assertThat(admin.get("/console/api/accounts").status()).as("still logged in").isEqualTo(200);
	}

	@Test
	void anotherCoordinatorCanBeDisabledWhileOneStaysEnabled() {
		ConsoleClient admin = login(Staff.ADMIN, Staff.ADMIN_PASSWORD);
		Response done = admin.post("/console/api/accounts/cora/disable", null);
		assertThat(done.status()).as(done.body()).isEqualTo(200);
		assertThat(done.json().path("outcome").asText()).isEqualTo("disabled");
		assertThat(accounts.find("cora").orElseThrow().enabled()).isFalse();
		assertThat(admin.post("/console/api/accounts/nobody-here/disable", null).json().path("error").asText())
			.isEqualTo("no_such_account");
	}

	@Test
	void theLastEnabledCoordinatorStaysEnabled() {
		// cora's console was still open when admin disabled her account
		accounts.setEnabled("cora", false);
		assertThatThrownBy(() -> guard.disable(Staff.ADMIN, "cora")).isInstanceOfSatisfying(ApiProblem.class, p -> {
			assertThat(p.status()).isEqualTo(HttpStatus.CONFLICT);
			assertThat(p.code()).isEqualTo("last_coordinator");
			assertThat(p.getMessage()).contains("Coordinator (admin)").contains("last coordinator");
		});
		assertThat(accounts.find(Staff.ADMIN).orElseThrow().enabled()).isTrue();
	}

	@Test
	void twoCoordinatorsDisablingEachOtherAtOnceLeaveOneEnabled() throws Exception {
		for (int round = 0; round < 5; round++) {
			accounts.setEnabled(Staff.ADMIN, true);
			accounts.setEnabled("cora", true);
			ConsoleClient admin = login(Staff.ADMIN, Staff.ADMIN_PASSWORD);
			ConsoleClient cora = login("cora", PASSWORD);
			CountDownLatch start = new CountDownLatch(1);
			CompletableFuture<Integer> one = CompletableFuture
				.supplyAsync(() -> await(start, () -> admin.post("/console/api/accounts/cora/disable", null)));
			CompletableFuture<Integer> other = CompletableFuture
				.supplyAsync(() -> await(start, () -> cora.post("/console/api/accounts/admin/disable", null)));
			start.countDown();
			List<Integer> statuses = List.of(one.get(), other.get());
			assertThat(statuses).as("one wins; the other is refused or already logged out").contains(200);
			assertThat(statuses).containsAnyOf(409, 401, 403);
			long enabled = accounts.all().stream().filter(a -> a.role() == Role.COORDINATOR && a.enabled()).count();
			assertThat(enabled).isPositive();
		}
	}

	private static int await(CountDownLatch start, java.util.function.Supplier<Response> request) {
		try {
			start.await();
		}
		catch (InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
		return request.get().status();
	}

	private ConsoleClient login(String name, String password) {
		ConsoleClient client = ConsoleClient.login(port, name, password);
		open.add(client);
		return client;
	}

}
