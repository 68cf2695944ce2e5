package io.genesysbridge.fake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The organization's users (agents) that {@code GET /api/v2/users} pages through and
 * {@code GET /api/v2/users/{id}} returns, rendered as the {@code User} model (contract
 * notes §4, note 5). Users survive {@link FakeGenesys#reset()}, like clients and
 * integrations.
 */
final class UserDirectory {

	private static final String DIVISION_ID = "00000000-0000-4000-8000-0000000d1a15";

	private final Map<String, Map<String, Object>> users = new ConcurrentHashMap<>();

	/**
	 * Adds or replaces a user.
	 * @param state {@code active}, {@code inactive} or {@code deleted}
	 */
	void register(String id, String name, String email, String state) {
		Map<String, Object> user = new LinkedHashMap<>();
		user.put("id", id);
		user.put("name", name);
		Map<String, Object> division = new LinkedHashMap<>();
		division.put("id", DIVISION_ID);
		division.put("name", "Home");
		division.put("selfUri", "/api/v2/authorization/divisions/" + DIVISION_ID);
		user.put("division", division);
		user.put("email", email);
		user.put("state", state);
		user.put("username", email);
		user.put("title", "Agent");
		user.put("department", "Customer Care");
		user.put("version", 1);
		user.put("acdAutoAnswer", false);
		user.put("selfUri", "/api/v2/users/" + id);
		this.users.put(id, Collections.unmodifiableMap(user));
	}

	Optional<Map<String, Object>> find(String id) {
		return Optional.ofNullable(this.users.get(id)).map(LinkedHashMap::new);
	}

	/**
	 * @param state {@code active}, {@code inactive}, {@code deleted} or {@code any}
	 * @param descending whether to sort by name descending instead of ascending
	 * @return the matching users sorted by name, then id
	 */
	List<Map<String, Object>> list(String state, boolean descending) {
		Comparator<Map<String, Object>> byName = Comparator.comparing((Map<String, Object> user) -> (String) user.get("name"))
			.thenComparing((user) -> (String) user.get("id"));
		List<Map<String, Object>> matching = new ArrayList<>();
		for (Map<String, Object> user : this.users.values()) {
			if (state.equals("any") || state.equals(user.get("state"))) {
				matching.add(user);
			}
		}
		matching.sort(descending ? byName.reversed() : byName);
		return matching;
	}

	int size() {
		return this.users.size();
	}

}
