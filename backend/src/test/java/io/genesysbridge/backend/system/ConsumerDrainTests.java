package io.genesysbridge.backend.system;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.amqp.rabbit.listener.AbstractMessageListenerContainer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

class ConsumerDrainTests {

	private final ConsumerDrain drain = new ConsumerDrain(new ShutdownProperties(Duration.ofSeconds(20)));

	@Test
	void shouldBoundEachContainerByTheDrainTimeoutWithoutForcingItsChannelsClosed() {
		AbstractMessageListenerContainer container = mock(AbstractMessageListenerContainer.class);

		this.drain.manage(container);

		then(container).should().setShutdownTimeout(20_000);
		then(container).should().setForceCloseChannel(false);
	}

	@Test
	void shouldStopEveryRunningContainerAtOnceAndReportWhenTheLastIsDrained() {
		AbstractMessageListenerContainer inbound = running();
		AbstractMessageListenerContainer receipts = running();
		AbstractMessageListenerContainer stopped = mock(AbstractMessageListenerContainer.class);
		this.drain.manage(stopped);
		AtomicInteger callbacks = new AtomicInteger();
		this.drain.start();

		this.drain.stop(callbacks::incrementAndGet);

		ArgumentCaptor<Runnable> inboundDone = ArgumentCaptor.forClass(Runnable.class);
		ArgumentCaptor<Runnable> receiptsDone = ArgumentCaptor.forClass(Runnable.class);
		then(inbound).should().stop(inboundDone.capture());
		then(receipts).should().stop(receiptsDone.capture());
		then(stopped).should(never()).stop(any(Runnable.class));
		assertThat(this.drain.isRunning()).isFalse();
		inboundDone.getValue().run();
		assertThat(callbacks).hasValue(0);
		receiptsDone.getValue().run();
		assertThat(callbacks).hasValue(1);
	}

	@Test
	void shouldReportAtOnceWhenNoConsumerRuns() {
		AtomicInteger callbacks = new AtomicInteger();

		this.drain.stop(callbacks::incrementAndGet);

		assertThat(callbacks).hasValue(1);
	}

	@Test
	void shouldDrainInTheWebServersGracefulShutdownPhase() {
		assertThat(this.drain.getPhase()).isEqualTo(WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE);
	}

	private AbstractMessageListenerContainer running() {
		AbstractMessageListenerContainer container = mock(AbstractMessageListenerContainer.class);
		given(container.isRunning()).willReturn(true);
		this.drain.manage(container);
		return container;
	}

}
