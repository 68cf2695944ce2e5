package io.genesysbridge.backend.system;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The identifiers every log line about a message carries (as MDC entries, so structured JSON
 * logs get them as fields): tenant, WhatsApp message id, correlation id and, once Genesys
 * answered, the Genesys message id. Never message text.
 */
public final class LogContext {

	public static final String TENANT_ID = "tenantId";

	public static final String WHATSAPP_MESSAGE_ID = "whatsappMessageId";

	public static final String CORRELATION_ID = "correlationId";

	public static final String GENESYS_MESSAGE_ID = "genesysMessageId";

	private LogContext() {
	}

	public static void put(String tenantId, String whatsappMessageId, String correlationId) {
		MDC.put(TENANT_ID, tenantId);
		MDC.put(WHATSAPP_MESSAGE_ID, whatsappMessageId);
		MDC.put(CORRELATION_ID, correlationId);
	}

	/**
	 * @param genesysMessageId the id Genesys gave the message, or null if unknown
	 */
	public static void putGenesysMessageId(@Nullable String genesysMessageId) {
		if (genesysMessageId != null && !genesysMessageId.isEmpty()) {
			MDC.put(GENESYS_MESSAGE_ID, genesysMessageId);
		}
	}

	/**
	 * @return "message &lt;wamid&gt; of tenant &lt;id&gt;" when known, else "a message"
	 */
	public static String describe() {
		@Nullable String wamid = MDC.get(WHATSAPP_MESSAGE_ID);
		return (wamid != null) ? "message " + wamid + " of tenant " + MDC.get(TENANT_ID) : "a message";
	}

	public static void clear() {
		MDC.remove(TENANT_ID);
		MDC.remove(WHATSAPP_MESSAGE_ID);
		MDC.remove(CORRELATION_ID);
		MDC.remove(GENESYS_MESSAGE_ID);
	}

}
