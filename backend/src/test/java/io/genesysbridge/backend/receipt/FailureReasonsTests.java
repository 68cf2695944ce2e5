package io.genesysbridge.backend.receipt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.genesysbridge.backend.genesys.OpenInboundReceipt;

import static org.assertj.core.api.Assertions.assertThat;

class FailureReasonsTests {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			(#131047) Re-engagement message                                    | MessageExpired
			Message failed to send because more than 24 hours have passed      | MessageExpired
			131048: Spam rate limit hit                                        | RateLimited
			(#130429) Rate limit hit                                           | RateLimited
			131050 user stopped marketing messages                             | RecipientOptedOut
			The customer opted out                                             | RecipientOptedOut
			131026 Message undeliverable                                       | InvalidDestination
			Recipient phone number not in allowed list                         | InvalidDestination
			131051 Unsupported message type                                    | UnsupportedMessage
			131053 Media upload error                                          | MediaTypeNotAllowed
			131053 Media upload error: file size too large                     | InvalidMediaContentLength
			The mime type image/tiff is not allowed for images                 | MediaTypeNotAllowed
			131049 meta chose not to deliver                                   | MessageNotAllowed
			(#368) Temporarily blocked for policies violations                 | MessageNotAllowed
			132001 Template name does not exist in the translation             | InvalidMessageStructure
			Parameter value is not valid                                       | InvalidMessageStructure
			131000 Something went wrong                                        | ServerError
			Service unavailable                                                | ServerError
			Failed for an unknown reason                                       | GeneralError
			The file weighs 100 MB                                             | GeneralError
			""")
	void shouldMapAReasonToItsConversationReasonCode(String reason, String code) {
		assertThat(FailureReasons.code(reason)).isEqualTo(code);
	}

	@Test
	void shouldSendTheOriginalTextAsTheMessage() {
		OpenInboundReceipt.Reason reason = FailureReasons.toReason("131026 Message undeliverable", 256);

		assertThat(reason).isEqualTo(new OpenInboundReceipt.Reason("InvalidDestination", "131026 Message undeliverable"));
	}

	@Test
	void shouldCapTheMessageAndStripControlCharacters() {
		OpenInboundReceipt.Reason reason = FailureReasons.toReason("line one\nline two\t" + "x".repeat(300), 32);

		assertThat(reason.message()).hasSize(32).startsWith("line one line two x").doesNotContain("\n", "\t");
	}

	@Test
	void shouldGiveAGeneralErrorWithAMessageWhenThereIsNoReason() {
		assertThat(FailureReasons.toReason(null, 256))
			.isEqualTo(new OpenInboundReceipt.Reason("GeneralError", FailureReasons.NO_REASON));
		assertThat(FailureReasons.toReason("  ", 256).code()).isEqualTo("GeneralError");
	}

}
