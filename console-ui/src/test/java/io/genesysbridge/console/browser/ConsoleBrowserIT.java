package io.genesysbridge.console.browser;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.genesysbridge.console.audit.AuditLog;
import io.genesysbridge.console.deadletter.DeadLetterQuery;
import io.genesysbridge.console.deadletter.DeadLetterStatus;
import io.genesysbridge.console.deadletter.DeadLetterStore;
import io.genesysbridge.console.deadletter.DeadLetterSummary;
import io.genesysbridge.console.support.ConsoleIntegrationTest;
import io.genesysbridge.console.support.ConsoleTestRun;
import io.genesysbridge.console.support.DeadLetters;
import io.genesysbridge.console.support.ProcessorUnderTest;
import io.genesysbridge.fake.FakeGenesys;
import io.genesysbridge.fake.RecordedInbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console in a real browser against the real processor and a fake Genesys: sign in,
 * see a dead letter, replay it and see it delivered once, a viewer cannot replay, a post
 * without CSRF token is refused, a payload with a script renders inert, the
 * acceptance run: 200 dead letters replayed as one bulk replay at 20 per second, each
 * delivered once, each audited; and a tenant's Genesys 429 and deferral show on its row
 * of the tenants page. Screenshots of every page go to
 * {@code target/screenshots} (or {@code -Dconsole.screenshots}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT extends ConsoleIntegrationTest {

	private static final String ACME = ConsoleTestRun.tenantId("acme");

	private static final String BULK = ConsoleTestRun.tenantId("bulk");

	private static final String GLOBEX = ConsoleTestRun.tenantId("globex");

	@LocalServerPort
	private int port;

	@Autowired
	private RabbitTemplate rabbit;

	@Autowired
	private AmqpAdmin admin;

	@Autowired
	private DeadLetterStore store;

	@Autowired
	private AuditLog audit;

	private FakeGenesys fake;

	private ProcessorUnderTest processor;

	private Browser browser;

	@RegisterExtension
	final TestWatcher screenshotOnFailure = new TestWatcher() {

		@Override
		public void testFailed(ExtensionContext context, Throwable cause) {
			if (ConsoleBrowserIT.this.browser != null) {
				ConsoleBrowserIT.this.browser.screenshot("failed-" + context.getRequiredTestMethod().getName());
			}
		}

	};

	@BeforeAll
	void start() throws Exception {
		this.fake = FakeGenesys.start();
		this.processor = ProcessorUnderTest.start(this.fake, List.of(ACME, BULK, GLOBEX));
		this.browser = Browser.open("http://localhost:" + this.port);
	}

	@AfterAll
	void stop() throws Exception {
		if (this.browser != null) {
			this.browser.close();
		}
		if (this.processor != null) {
			this.processor.stop(this.admin);
		}
		if (this.fake != null) {
			this.fake.close();
		}
	}

	@BeforeEach
	void signedOut() {
		this.browser.signOut();
	}

	@Test
	@Order(1)
	void shouldShowADeadLetterAndReplayItToGenesysOnce() {
		this.fake.failNext(1, 400);
		send(ACME, "wamid.browser.replay", "Hello from the browser test");
		DeadLetterSummary deadLetter = awaitDeadLetter(ACME, "wamid.browser.replay");
		this.browser.go("/login");
		this.browser.screenshot("login");

		this.browser.signIn("operator", ConsoleTestRun.PASSWORD);
		this.browser.go("/dead-letters?tenant=" + ACME);
		assertThat(this.browser.text("#dead-letters")).contains("wamid.browser.replay");
		this.browser.find("#dead-letters tr[data-id='" + deadLetter.id() + "'] a.dl-link").click();
		assertThat(this.browser.text("#payload")).contains("********3210")
			.doesNotContain("Hello from the browser test");
		new Actions(this.browser.driver()).doubleClick(this.browser.find("#replay")).perform();

		this.browser.waiting(Duration.ofSeconds(10)).until((d) -> this.browser.has("#flash"));
		await().atMost(Duration.ofSeconds(15)).until(() -> deliveries("wamid.browser.replay") == 1);
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(3))
			.until(() -> deliveries("wamid.browser.replay") == 1);
		this.browser.go("/dead-letters/" + deadLetter.id());
		assertThat(this.browser.text("#dl-status")).isEqualTo("replayed");
	}

	@Test
	@Order(2)
	void shouldDeliverOnceWhenTheReplayFormIsSentTwiceAtOnce() {
		this.fake.failNext(1, 400);
		send(ACME, "wamid.browser.twice", "Twice");
		DeadLetterSummary deadLetter = awaitDeadLetter(ACME, "wamid.browser.twice");
		this.browser.signIn("operator", ConsoleTestRun.PASSWORD);
		this.browser.go("/dead-letters/" + deadLetter.id());

		Object statuses = this.browser.script("""
				const form = document.querySelector('form[data-once]');
				const send = () => fetch(form.action, { method: 'POST', body: new FormData(form), redirect: 'manual' });
				return Promise.all([send(), send()]).then((r) => r.map((x) => x.type + ':' + x.status).join(','));""");

		assertThat(String.valueOf(statuses)).isEqualTo("opaqueredirect:0,opaqueredirect:0");
		await().atMost(Duration.ofSeconds(15)).until(() -> deliveries("wamid.browser.twice") == 1);
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(3))
			.until(() -> deliveries("wamid.browser.twice") == 1);
		assertThat(this.audit.page((e) -> e.targets().contains(deadLetter.id()), null, 10))
			.extracting((e) -> e.action() + ":" + e.result())
			.containsExactlyInAnyOrder("deadletter.replay:OK", "deadletter.replay:REFUSED");
	}

	@Test
	@Order(3)
	void shouldNotLetAViewerReplay() {
		DeadLetterSummary deadLetter = directDeadLetter(GLOBEX, "wamid.browser.viewer", "Viewer cannot");
		this.browser.signIn("viewer", ConsoleTestRun.PASSWORD);
		this.browser.go("/dead-letters/" + deadLetter.id());
		assertThat(this.browser.has("#replay")).isFalse();

		postWithToken("/dead-letters/" + deadLetter.id() + "/replay", true);

		assertThat(this.browser.text("#error-status")).isEqualTo("403");
		assertThat(statusOf(deadLetter)).isEqualTo(DeadLetterStatus.WAITING);
	}

	@Test
	@Order(4)
	void shouldRefuseAPostWithoutCsrfToken() {
		DeadLetterSummary deadLetter = directDeadLetter(GLOBEX, "wamid.browser.csrf", "No token");
		this.browser.signIn("operator", ConsoleTestRun.PASSWORD);
		this.browser.go("/dead-letters/" + deadLetter.id());

		postWithToken("/dead-letters/" + deadLetter.id() + "/replay", false);

		assertThat(this.browser.text("#error-status")).isEqualTo("403");
		assertThat(statusOf(deadLetter)).isEqualTo(DeadLetterStatus.WAITING);
	}

	@Test
	@Order(5)
	void shouldRenderAScriptInAPayloadInert() {
		String attack = "<script>window.__owned=1</script><img src=x onerror=\"window.__owned=2\">";
		DeadLetterSummary deadLetter = directDeadLetter(GLOBEX, "wamid.browser.<script>x</script>", attack);
		this.browser.signIn("admin", ConsoleTestRun.PASSWORD);

		this.browser.go("/dead-letters?tenant=" + GLOBEX);
		this.browser.go("/dead-letters/" + deadLetter.id() + "?unmasked=true");

		assertThat(this.browser.text("#payload")).contains("<script>window.__owned=1</script><img src=x onerror=");
		assertThat(this.browser.text("#dl-message-id")).isEqualTo("wamid.browser.<script>x</script>");
		assertThat(this.browser.script("return window.__owned === undefined")).isEqualTo(true);
		assertThat(this.browser.script("return document.querySelectorAll('main img, main script').length"))
			.isEqualTo(0L);
		this.browser.screenshot("dead-letter-detail-admin");
	}

	@Test
	@Order(6)
	void shouldReplay200DeadLettersAsOneBulkReplayAt20PerSecondDeliveringEachOnce() {
		this.fake.failRandomly(1.0, 400, 7);
		for (int i = 0; i < 200; i++) {
			send(BULK, "wamid.bulk." + i, "Bulk message " + i, String.format("4915100%05d", i));
		}
		DeadLetterQuery bulk = new DeadLetterQuery(BULK, "", "", "", Set.of(DeadLetterStatus.WAITING), null, null);
		await().atMost(Duration.ofSeconds(60)).until(() -> this.store.find(bulk).size() == 200);
		this.fake.failRandomly(0, 0, 0);
		assertThat(deliveriesOf(BULK)).isEmpty();

		this.browser.signIn("operator", ConsoleTestRun.PASSWORD);
		this.browser.go("/dead-letters?tenant=" + BULK);
		this.browser.screenshot("dead-letters");
		this.browser.find("#replay-all").click();
		this.browser.waiting(Duration.ofSeconds(10)).until((d) -> this.browser.has("#frozen-count"));
		assertThat(this.browser.text("#frozen-count")).isEqualTo("200");
		new Select(this.browser.find("#rate")).selectByValue("20");
		this.browser.find("#confirm-count").sendKeys("200");
		this.browser.find("#bulk-reason").sendKeys("Genesys fixed the 400s");
		this.browser.screenshot("bulk-replay-confirm");
		Instant started = Instant.now();
		this.browser.find("#start-replay").click();
		String operation = this.browser.url().replaceAll(".*/replays/", "");

		this.browser.waiting(Duration.ofSeconds(30))
			.until((d) -> Integer.parseInt(this.browser.text("#replay-done")) >= 40);
		this.browser.screenshot("bulk-replay-progress");
		this.browser.waiting(Duration.ofSeconds(90))
			.until((d) -> "DONE".equalsIgnoreCase(this.browser.text("#replay-status")));
		Duration took = Duration.between(started, Instant.now());

		assertThat(this.browser.text("#replay-done")).isEqualTo("200");
		assertThat(took).isGreaterThan(Duration.ofSeconds(9));
		await().atMost(Duration.ofSeconds(30)).until(() -> deliveriesOf(BULK).size() == 200);
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(3))
			.until(() -> deliveriesOf(BULK).size() == 200);
		Map<String, Long> perMessage = deliveriesOf(BULK).stream()
			.collect(Collectors.groupingBy(RecordedInbound::channelMessageId, Collectors.counting()));
		assertThat(perMessage).hasSize(200).allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
		assertThat(this.audit.page((e) -> operation.equals(e.operation()) && "deadletter.replay".equals(e.action())
				&& "OK".equals(e.result()), null, 500))
			.hasSize(200)
			.allSatisfy((e) -> assertThat(e.reason()).isEqualTo("Genesys fixed the 400s"));
		this.browser.go("/audit?target=" + operation);
		this.browser.screenshot("audit-log");
	}

	@Test
	@Order(7)
	void shouldForceACircuitOnTheProcessorAndShowTheOtherPagesLive() {
		this.browser.signIn("admin", ConsoleTestRun.PASSWORD);
		String row = "#circuits tr[data-id='genesys-" + GLOBEX + "'] ";
		this.browser.go("/circuits");
		this.browser.find(row + "input[name=reason]").sendKeys("Genesys incident INC-42");
		this.browser.find(row + "button[value=FORCED_OPEN]").click();

		this.browser.waiting(Duration.ofSeconds(20)).until((d) -> {
			this.browser.go("/circuits");
			return this.browser.text(row).contains("forced FORCED_OPEN by admin: Genesys incident INC-42");
		});
		assertThat(this.browser.text(row + "[data-field=state]")).isEqualToIgnoringCase("FORCED_OPEN");
		this.browser.screenshot("circuits");
		this.browser.go("/overview");
		this.browser.waiting(Duration.ofSeconds(10))
			.until((d) -> this.browser.text("[data-live-stamp]").startsWith("live ·"));
		assertThat(this.browser.text("#tile-circuits")).contains("genesys-" + GLOBEX);
		this.browser.screenshot("overview");
		this.browser.go("/circuits");
		this.browser.find(row + "input[name=reason]").sendKeys("incident over");
		this.browser.find(row + "button[value=CLOSED]").click();
		this.browser.waiting(Duration.ofSeconds(20)).until((d) -> {
			this.browser.go("/circuits");
			return this.browser.text(row + "[data-field=state]").equalsIgnoreCase("CLOSED");
		});

		this.browser.go("/tenants");
		assertThat(this.browser.text("#tenants")).contains(ACME, BULK, GLOBEX);
		this.browser.screenshot("tenants");
		this.browser.go("/replays");
		this.browser.screenshot("replays");
		this.browser.go("/dead-letters?status=ALL&tenant=" + ACME);
		this.browser.find("#dead-letters a.dl-link").click();
		this.browser.screenshot("dead-letter-detail");
	}

	@Test
	@Order(8)
	void shouldShowATenantsGenesys429AndItsDeferralOnTheTenantsPage() {
		String row = "#tenants tr[data-id='" + ACME + "'] ";
		this.fake.failNext(1, 429);
		send(ACME, "wamid.browser.throttled", "Slow down");
		await().atMost(Duration.ofSeconds(30)).until(() -> deliveries("wamid.browser.throttled") == 1);
		this.browser.signIn("viewer", ConsoleTestRun.PASSWORD);

		this.browser.go("/tenants");

		this.browser.waiting(Duration.ofSeconds(20))
			.until((d) -> "1".equals(this.browser.text(row + "[data-field=throttled]")));
		assertThat(Integer.parseInt(this.browser.text(row + "[data-field=deferred]"))).isGreaterThanOrEqualTo(1);
		assertThat(this.browser.text("#tenants thead")).contains("Deferred 5 min", "429s 5 min");
		this.browser.screenshot("tenants");
	}

	private void postWithToken(String path, boolean withToken) {
		this.browser.script("""
				const form = document.createElement('form');
				form.method = 'post';
				form.action = arguments[0];
				const token = document.querySelector('input[name=_csrf]');
				if (arguments[1] && token) { form.appendChild(token.cloneNode()); }
				document.body.appendChild(form);
				form.submit();""", path, withToken);
		this.browser.waiting(Duration.ofSeconds(10)).until((d) -> this.browser.has("#error-status"));
	}

	private void send(String tenant, String messageId, String text) {
		send(tenant, messageId, text, "919876543210");
	}

	private void send(String tenant, String messageId, String text, String customer) {
		String body = DeadLetters.envelope(tenant, messageId, text, UUID.randomUUID().toString(), Instant.now(),
				customer);
		this.rabbit.send("", ConsoleTestRun.INPUT_QUEUE,
				MessageBuilder.withBody(body.getBytes())
					.setContentType("application/json")
					.setDeliveryMode(MessageDeliveryMode.PERSISTENT)
					.build());
	}

	private DeadLetterSummary directDeadLetter(String tenant, String messageId, String text) {
		this.rabbit.send("", ConsoleTestRun.DEAD_LETTER_QUEUE,
				DeadLetters.of(tenant, messageId, text, "genesys.inbound-message.400", Instant.now()));
		return awaitDeadLetter(tenant, messageId);
	}

	private DeadLetterSummary awaitDeadLetter(String tenant, String messageId) {
		DeadLetterQuery query = new DeadLetterQuery(tenant, "", "", messageId, Set.of(), null, null);
		await().atMost(Duration.ofSeconds(30)).until(() -> !this.store.find(query).isEmpty());
		return this.store.find(query).getFirst();
	}

	private DeadLetterStatus statusOf(DeadLetterSummary deadLetter) {
		return this.store.summaries(List.of(deadLetter.id())).getFirst().status();
	}

	private long deliveries(String messageId) {
		return this.fake.inboundMessages().stream().filter((m) -> messageId.equals(m.channelMessageId())).count();
	}

	private List<RecordedInbound> deliveriesOf(String tenant) {
		return this.fake.inboundMessages()
			.stream()
			.filter((m) -> ("integration-" + tenant).equals(m.integrationId()))
			.toList();
	}

}
