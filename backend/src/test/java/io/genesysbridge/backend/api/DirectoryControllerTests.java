package io.genesysbridge.backend.api;

import org.junit.jupiter.api.Test;

/**
 * The organization and users through the API, including paging with the API's own page URIs
 * and a Genesys 404.
 */
class DirectoryControllerTests extends ApiTestSupport {

	@Test
	void shouldReturnTheOrganization() {
		api().get()
			.uri(tenantPath("/organization"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Fake Genesys Org");
	}

	@Test
	void shouldPageThroughUsersWithThisApisUris() {
		String users = tenantPath("/users");

		api().get()
			.uri(users + "?pageSize=25")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.entities.length()")
			.isEqualTo(25)
			.jsonPath("$.total")
			.isEqualTo(30)
			.jsonPath("$.pageCount")
			.isEqualTo(2)
			.jsonPath("$.selfUri")
			.isEqualTo(users + "?pageSize=25&pageNumber=1")
			.jsonPath("$.nextUri")
			.isEqualTo(users + "?pageSize=25&pageNumber=2")
			.jsonPath("$.lastUri")
			.isEqualTo(users + "?pageSize=25&pageNumber=2")
			.jsonPath("$.previousUri")
			.doesNotExist();
		api().get()
			.uri(users + "?pageSize=25&pageNumber=2")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.entities.length()")
			.isEqualTo(5)
			.jsonPath("$.entities[4].name")
			.isEqualTo("Agent 030")
			.jsonPath("$.previousUri")
			.isEqualTo(users + "?pageSize=25&pageNumber=1")
			.jsonPath("$.nextUri")
			.doesNotExist();
	}

	@Test
	void shouldUseGenesysDefaultsAndRefuseOutOfRangePaging() {
		api().get()
			.uri(tenantPath("/users"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.pageSize")
			.isEqualTo(25)
			.jsonPath("$.pageNumber")
			.isEqualTo(1);
		for (String query : new String[] { "?pageSize=0", "?pageSize=501", "?pageNumber=0" }) {
			api().get()
				.uri(tenantPath("/users") + query)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.error")
				.isEqualTo("validation_failed");
		}
		api().get().uri(tenantPath("/users?pageSize=many")).exchange().expectStatus().isBadRequest();
	}

	@Test
	void shouldAnswer502WhenGenesysRefusesTheBridgesCredentials() {
		ApiFixtures.FAKE.failTokenEndpoint(401);
		ApiFixtures.FAKE.expireAllTokens();

		api().get()
			.uri(tenantPath("/organization"))
			.exchange()
			.expectStatus()
			.isEqualTo(502)
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("genesys_error")
			.jsonPath("$.operation")
			.isEqualTo("token")
			.jsonPath("$.status")
			.isEqualTo(401);
	}

	@Test
	void shouldReturnOneUserAndAGenesys404ForAnUnknownOne() {
		api().get()
			.uri(tenantPath("/users/" + ApiFixtures.USER_IDS.get(2)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Agent 003");
		api().get()
			.uri(tenantPath("/users/nobody"))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("genesys_error")
			.jsonPath("$.operation")
			.isEqualTo("user")
			.jsonPath("$.contextId")
			.isNotEmpty();
	}

}
