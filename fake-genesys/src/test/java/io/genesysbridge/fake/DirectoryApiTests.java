package io.genesysbridge.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checks the organization and user directory: {@code UserEntityListing} paging (defaults
 * 25 and 1, cap 500, {@code pageCount = ceil(total / pageSize)}, the page URIs), state
 * filtering, one user, and 404 for unknown ids.
 */
class DirectoryApiTests {

	private static final String USERS = "/api/v2/users";

	private FakeGenesys fake;

	private GenesysHttp http;

	private String bearer;

	@BeforeEach
	void startFake() {
		this.fake = GenesysHttp.startFake();
		this.http = new GenesysHttp(this.fake);
		this.bearer = GenesysHttp.bearer(this.http.token());
	}

	@AfterEach
	void stopFake() {
		this.fake.close();
	}

	@Test
	void shouldServeTheFirstPageWithDefaultsAndPageUris() {
		this.fake.seedUsers(60);

		Map<String, Object> page = GenesysHttp.json(this.http.get(USERS, this.bearer));

		assertThat(page).containsEntry("pageSize", 25)
			.containsEntry("pageNumber", 1)
			.containsEntry("total", 60)
			.containsEntry("pageCount", 3)
			.containsEntry("firstUri", USERS + "?pageSize=25&pageNumber=1")
			.containsEntry("selfUri", USERS + "?pageSize=25&pageNumber=1")
			.containsEntry("nextUri", USERS + "?pageSize=25&pageNumber=2")
			.containsEntry("lastUri", USERS + "?pageSize=25&pageNumber=3")
			.doesNotContainKey("previousUri");
		assertThat(page.get("entities")).asInstanceOf(LIST)
			.hasSize(25)
			.first()
			.satisfies((user) -> assertThat(GenesysHttp.object(user)).containsEntry("name", "Agent 001"));
	}

	@Test
	void shouldServeTheLastPartialPageWithoutNextUri() {
		this.fake.seedUsers(60);

		Map<String, Object> page = GenesysHttp.json(this.http.get(USERS + "?pageSize=25&pageNumber=3", this.bearer));

		assertThat(page.get("entities")).asInstanceOf(LIST).hasSize(10);
		assertThat(page).containsEntry("previousUri", USERS + "?pageSize=25&pageNumber=2").doesNotContainKey("nextUri");
		assertThat(GenesysHttp.json(this.http.get(USERS + "?pageNumber=4", this.bearer)).get("entities"))
			.asInstanceOf(LIST)
			.isEmpty();
	}

	@Test
	void shouldCapThePageSizeAt500() {
		this.fake.seedUsers(3);

		Map<String, Object> page = GenesysHttp.json(this.http.get(USERS + "?pageSize=1000", this.bearer));

		assertThat(page).containsEntry("pageSize", 500).containsEntry("pageCount", 1).containsEntry("total", 3);
	}

	@Test
	void shouldRejectInvalidPagingWith400() {
		GenesysErrors.assertErrorBody(this.http.get(USERS + "?pageSize=0", this.bearer), 400, "invalid.value");
		GenesysErrors.assertErrorBody(this.http.get(USERS + "?pageNumber=abc", this.bearer), 400, "invalid.value");
		GenesysErrors.assertErrorBody(this.http.get(USERS + "?state=gone", this.bearer), 400, "invalid.value");
	}

	@Test
	void shouldListActiveUsersUnlessAnotherStateIsAsked() {
		this.fake.registerUser("u-1", "Ana", "ana@example.com");
		this.fake.registerUser("u-2", "Bob", "bob@example.com", "inactive");

		assertThat(names(USERS)).containsExactly("Ana");
		assertThat(names(USERS + "?state=any&sortOrder=descending")).containsExactly("Bob", "Ana");
		assertThatIllegalArgumentException().isThrownBy(() -> this.fake.registerUser("u-3", "C", "c@x", "gone"));
	}

	@Test
	void shouldReturnOneUserAnd404ForAnUnknownOne() {
		this.fake.registerUser("u-1", "Ana", "ana@example.com");

		HttpResponse<String> user = this.http.get(USERS + "/u-1", this.bearer);

		assertThat(user.statusCode()).isEqualTo(200);
		assertThat(GenesysHttp.json(user)).containsEntry("id", "u-1")
			.containsEntry("name", "Ana")
			.containsEntry("email", "ana@example.com")
			.containsEntry("state", "active")
			.containsEntry("version", 1)
			.containsEntry("selfUri", USERS + "/u-1")
			.containsKey("division");
		GenesysErrors.assertErrorBody(this.http.get(USERS + "/nobody", this.bearer), 404, "not.found");
	}

	@Test
	void shouldKeepUsersOnResetAndApplyFaultsToDirectoryCalls() {
		this.fake.seedUsers(2);
		this.fake.reset();
		this.bearer = GenesysHttp.bearer(this.http.token());
		this.fake.failNext(1, 503);

		GenesysErrors.assertErrorBody(this.http.get(USERS, this.bearer), 503, "service.unavailable");
		assertThat(names(USERS)).hasSize(2);
		assertThat(this.http.get("/api/v2/organizations/me", this.bearer).statusCode()).isEqualTo(200);
	}

	private List<Object> names(String path) {
		List<?> entities = (List<?>) GenesysHttp.json(this.http.get(path, this.bearer)).get("entities");
		return entities.stream().map((user) -> GenesysHttp.object(user).get("name")).toList();
	}

}
