package io.genesysbridge.fake;

import java.time.Instant;

/**
 * One inbound call (message, receipt or event) that the fake accepted, as a test would
 * want to assert on it.
 *
 * <p>
 * Only accepted calls are recorded, so a test that sees a record knows Genesys would have
 * taken the message; rejected and fault-injected calls only show up in
 * {@link FakeGenesys#inboundAttempts()}.
 *
 * @param integrationId the Open Messaging integration from the path
 * @param body the raw JSON body as received
 * @param channelMessageId {@code channel.messageId} from the body, or {@code null}
 * @param genesysMessageId the {@code id} the fake returned (for receipts: the receipt's
 * {@code id})
 * @param conversationId the conversation the call belongs to, or {@code null} when there
 * is none (receipts, typing before any message)
 * @param accessToken the bearer token the call used
 * @param receivedAt when the fake accepted the call
 */
public record RecordedInbound(String integrationId, String body, String channelMessageId, String genesysMessageId,
		String conversationId, String accessToken, Instant receivedAt) {
}
