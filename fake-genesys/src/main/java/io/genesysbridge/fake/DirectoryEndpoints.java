package io.genesysbridge.fake;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * Serves the organization and its users (contract notes §4): {@code GET
 * /api/v2/organizations/me}, {@code GET /api/v2/users} as a {@code UserEntityListing}
 * ({@code pageSize} default 25 and capped at 500, {@code pageNumber} default 1,
 * {@code pageCount = ceil(total / pageSize)}) and {@code GET /api/v2/users/{id}}.
 */
final class DirectoryEndpoints {

	static final int DEFAULT_PAGE_SIZE = 25;

	static final int MAX_PAGE_SIZE = 500;

	private static final String USERS = "/api/v2/users";

	private static final Pattern USER = Pattern.compile(USERS + "/([^/]+)");

	private static final Set<String> STATES = Set.of("active", "inactive", "deleted", "any");

	private final GenesysState state;

	DirectoryEndpoints(GenesysState state) {
		this.state = state;
	}

	/**
	 * @return the handler of this request, or null when no directory route matches
	 */
	Supplier<ResponseDefinitionBuilder> route(RequestMethod method, String path, LoggedRequest request) {
		if (!method.equals(RequestMethod.GET)) {
			return null;
		}
		if (path.equals("/api/v2/organizations/me")) {
			return () -> Replies.api(200, organization());
		}
		if (path.equals(USERS)) {
			return () -> users(request);
		}
		Matcher user = USER.matcher(path);
		if (user.matches()) {
			String userId = user.group(1);
			return () -> this.state.users.find(userId)
				.map((found) -> Replies.api(200, found))
				.orElseGet(() -> Replies.error(404, "not.found", "User " + userId + " not found"));
		}
		return null;
	}

	private ResponseDefinitionBuilder users(LoggedRequest request) {
		int pageSize;
		int pageNumber;
		try {
			pageSize = Math.min(integer(request, "pageSize", DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE);
			pageNumber = integer(request, "pageNumber", 1);
		}
		catch (IllegalArgumentException ex) {
			return Replies.error(400, "invalid.value", ex.getMessage());
		}
		String userState = text(request, "state", "active");
		if (!STATES.contains(userState)) {
			return Replies.error(400, "invalid.value", "Value [" + userState + "] is not valid for field type [state].");
		}
		List<Map<String, Object>> users = this.state.users.list(userState,
				"descending".equals(text(request, "sortOrder", "ascending")));
		return Replies.api(200, page(users, pageSize, pageNumber));
	}

	private static Map<String, Object> page(List<Map<String, Object>> users, int pageSize, int pageNumber) {
		int total = users.size();
		int pageCount = (total + pageSize - 1) / pageSize;
		long from = Math.min((long) (pageNumber - 1) * pageSize, total);
		long to = Math.min(from + pageSize, total);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("entities", users.subList((int) from, (int) to));
		body.put("pageSize", pageSize);
		body.put("pageNumber", pageNumber);
		body.put("total", total);
		body.put("pageCount", pageCount);
		body.put("firstUri", uri(pageSize, 1));
		body.put("selfUri", uri(pageSize, pageNumber));
		if (pageNumber < pageCount) {
			body.put("nextUri", uri(pageSize, pageNumber + 1));
		}
		if (pageNumber > 1) {
			body.put("previousUri", uri(pageSize, Math.min(pageNumber - 1, Math.max(pageCount, 1))));
		}
		body.put("lastUri", uri(pageSize, Math.max(pageCount, 1)));
		return body;
	}

	private static String uri(int pageSize, int pageNumber) {
		return USERS + "?pageSize=" + pageSize + "&pageNumber=" + pageNumber;
	}

	private static int integer(LoggedRequest request, String name, int defaultValue) {
		String value = text(request, name, null);
		if (value == null) {
			return defaultValue;
		}
		try {
			int number = Integer.parseInt(value);
			if (number < 1) {
				throw new IllegalArgumentException(name + " must be at least 1, was " + number + ".");
			}
			return number;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Value [" + value + "] is not valid for field type [Integer].");
		}
	}

	private static String text(LoggedRequest request, String name, String defaultValue) {
		QueryParameter parameter = request.queryParameter(name);
		return (parameter != null && parameter.isPresent() && !parameter.firstValue().isEmpty())
				? parameter.firstValue() : defaultValue;
	}

	private static Map<String, Object> organization() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", "00000000-0000-4000-8000-00000000fa4e");
		body.put("name", "Fake Genesys Org");
		body.put("defaultLanguage", "en-us");
		body.put("thirdPartyOrgName", "fake-genesys");
		body.put("domain", "fake-genesys");
		body.put("version", 1);
		body.put("state", "active");
		body.put("productPlatform", "PureCloud");
		body.put("dateCreated", Instant.EPOCH.toString());
		body.put("selfUri", "/api/v2/organizations/00000000-0000-4000-8000-00000000fa4e");
		return body;
	}

}
