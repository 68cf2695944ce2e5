package io.genesysbridge.backend.inbound;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Properties of validation: it never fails with anything but a named rule, accepts every
 * well-formed envelope whatever its strings, and rejects a message once a required field is
 * blanked.
 */
class InboundValidatorProperties {

	private final InboundValidator validator = new InboundValidator(InboundFixtures.JSON, "Opaque");

	@Property(tries = 300)
	void shouldOnlyEverFailWithANamedRule(@ForAll byte[] body) {
		Throwable thrown = catchThrowable(() -> this.validator.validate(body));

		assertThat(thrown).satisfiesAnyOf((t) -> assertThat(t).isNull(),
				(t) -> assertThat(t).isInstanceOf(InvalidMessageException.class));
	}

	@Property(tries = 300)
	void shouldOnlyEverFailWithANamedRuleOnMutatedEnvelopes(@ForAll("mutations") ObjectNode envelope) {
		Throwable thrown = catchThrowable(() -> this.validator.validate(InboundFixtures.bytes(envelope)));

		assertThat(thrown).satisfiesAnyOf((t) -> assertThat(t).isNull(),
				(t) -> assertThat(t).isInstanceOf(InvalidMessageException.class));
	}

	@Property(tries = 200)
	void shouldAcceptAnyWellFormedEnvelope(@ForAll("nonBlank") String tenantId, @ForAll("nonBlank") String wamid,
			@ForAll("nonBlank") String text) {
		ObjectNode root = InboundFixtures.valid(tenantId, wamid);
		root.withObjectProperty("genesysPayload").put("text", text);

		InboundMessage message = this.validator.validate(InboundFixtures.bytes(root));

		assertThat(message.metadata().tenantId()).isEqualTo(tenantId);
		assertThat(message.metadata().whatsappMessageId()).isEqualTo(wamid);
		assertThat(message.genesysPayload().text()).isEqualTo(text);
	}

	@Property(tries = 200)
	void shouldRejectWhenARequiredFieldIsBlanked(@ForAll("requiredPaths") List<String> path,
			@ForAll("blanks") String blank) {
		ObjectNode root = InboundFixtures.valid("tenant", "wamid.p");
		ObjectNode parent = root;
		for (String step : path.subList(0, path.size() - 1)) {
			parent = parent.withObjectProperty(step);
		}
		parent.put(path.getLast(), blank);

		Throwable thrown = catchThrowable(() -> this.validator.validate(InboundFixtures.bytes(root)));

		assertThat(thrown).isInstanceOf(InvalidMessageException.class);
	}

	@Provide
	Arbitrary<String> nonBlank() {
		return Arbitraries.strings().ofMinLength(1).ofMaxLength(40).filter((s) -> !s.isBlank());
	}

	@Provide
	Arbitrary<String> blanks() {
		return Arbitraries.of("", " ", "\t", "  \n ");
	}

	@Provide
	Arbitrary<List<String>> requiredPaths() {
		return Arbitraries.of(List.of("metadata", "tenantId"), List.of("metadata", "whatsapp_message_id"),
				List.of("metadata", "correlationId"), List.of("genesysPayload", "id"),
				List.of("genesysPayload", "direction"), List.of("genesysPayload", "channel", "from", "id"),
				List.of("genesysPayload", "channel", "time"));
	}

	@Provide
	Arbitrary<ObjectNode> mutations() {
		Arbitrary<String> paths = Arbitraries.of("metadata", "genesysPayload", "tenantId", "channel", "from", "text",
				"content", "time", "direction", "type", "id");
		Arbitrary<Object> values = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(10).map((s) -> (Object) s),
				Arbitraries.integers().map((i) -> (Object) i), Arbitraries.just((Object) "Inbound"),
				Arbitraries.just((Object) List.of()));
		return Combinators.combine(paths, values, Arbitraries.integers().between(0, 3)).as((field, value, depth) -> {
			ObjectNode root = InboundFixtures.withAttachment(InboundFixtures.valid("t", "w"));
			ObjectNode target = switch (depth) {
				case 0 -> root;
				case 1 -> root.withObjectProperty("genesysPayload");
				case 2 -> root.withObjectProperty("genesysPayload").withObjectProperty("channel");
				default -> root.withObjectProperty("metadata");
			};
			target.putPOJO(field, value);
			return root;
		});
	}

}
