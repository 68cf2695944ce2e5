package io.genesysbridge.backend.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.web.util.UriComponentsBuilder;

import io.genesysbridge.backend.genesys.UserPage;

/**
 * One page of a tenant's Genesys users, shaped like Genesys's {@code UserEntityListing} but
 * with page URIs of this API, so a caller pages by following {@code nextUri}.
 *
 * @param entities the users, each as Genesys's {@code User}
 * @param pageSize users per page as Genesys applied it
 * @param pageNumber the page, from 1
 * @param total users across all pages
 * @param pageCount number of pages
 * @param selfUri this page
 * @param firstUri the first page
 * @param previousUri the previous page, absent on the first
 * @param nextUri the next page, absent on the last
 * @param lastUri the last page
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "UserPage")
record UserPageResponse(List<JsonNode> entities, int pageSize, int pageNumber, long total, int pageCount,
		String selfUri, String firstUri, @Nullable String previousUri, @Nullable String nextUri, String lastUri) {

	static UserPageResponse of(UserPage page, String tenantId) {
		int last = Math.max(page.pageCount(), 1);
		int number = page.pageNumber();
		return new UserPageResponse(page.entities(), page.pageSize(), number, page.total(), page.pageCount(),
				uri(tenantId, page.pageSize(), number), uri(tenantId, page.pageSize(), 1),
				(number > 1) ? uri(tenantId, page.pageSize(), Math.min(number - 1, last)) : null,
				(number < page.pageCount()) ? uri(tenantId, page.pageSize(), number + 1) : null,
				uri(tenantId, page.pageSize(), last));
	}

	private static String uri(String tenantId, int pageSize, int pageNumber) {
		return UriComponentsBuilder.fromPath(ApiPaths.TENANT + "/users")
			.queryParam("pageSize", pageSize)
			.queryParam("pageNumber", pageNumber)
			.encode()
			.buildAndExpand(tenantId)
			.toUriString();
	}

}
