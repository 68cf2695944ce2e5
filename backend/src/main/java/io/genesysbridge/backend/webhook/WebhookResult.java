package io.genesysbridge.backend.webhook;

/**
 * How one webhook request ended; also the JSON body of the answer.
 *
 * @param outcome the outcome
 * @param reason a stable, low-cardinality reason code, e.g. {@code signature.invalid}
 */
record WebhookResult(WebhookOutcome outcome, String reason) {

	static WebhookResult of(WebhookOutcome outcome, String reason) {
		return new WebhookResult(outcome, reason);
	}

	/**
	 * @return the answer's JSON body
	 */
	Body body() {
		return new Body(this.outcome.tag(), this.reason);
	}

	/**
	 * @param outcome the outcome tag
	 * @param reason the reason code
	 */
	record Body(String outcome, String reason) {
	}

}
