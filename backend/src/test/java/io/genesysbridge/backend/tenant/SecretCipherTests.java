package io.genesysbridge.backend.tenant;

import java.security.SecureRandom;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SecretCipherTests {

	private final SecretCipher cipher = new SecretCipher(key());

	@Test
	void shouldRoundTripASecret() {
		String stored = this.cipher.encrypt("s3cr3t-value", "tenant-a");

		assertThat(stored).startsWith("v1:").doesNotContain("s3cr3t");
		assertThat(this.cipher.decrypt(stored, "tenant-a")).isEqualTo("s3cr3t-value");
	}

	@Test
	void shouldUseAFreshIvEachTime() {
		assertThat(this.cipher.encrypt("same", "t")).isNotEqualTo(this.cipher.encrypt("same", "t"));
	}

	@Test
	void shouldRefuseACiphertextMovedToAnotherTenant() {
		String stored = this.cipher.encrypt("secret", "tenant-a");

		assertThatExceptionOfType(SecretCipher.SecretDecryptionException.class)
			.isThrownBy(() -> this.cipher.decrypt(stored, "tenant-b"));
	}

	@Test
	void shouldRefuseATamperedCiphertext() {
		String stored = this.cipher.encrypt("secret", "t");
		byte[] raw = Base64.getDecoder().decode(stored.substring(3));
		raw[raw.length / 2] ^= 0x01;
		String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);

		assertThatExceptionOfType(SecretCipher.SecretDecryptionException.class)
			.isThrownBy(() -> this.cipher.decrypt(tampered, "t"));
	}

	@Test
	void shouldRefuseTheWrongKeyWithoutRevealingAnything() {
		String stored = this.cipher.encrypt("pl41ntext-value", "t");

		assertThatExceptionOfType(SecretCipher.SecretDecryptionException.class)
			.isThrownBy(() -> new SecretCipher(key()).decrypt(stored, "t"))
			.withMessageNotContaining("pl41ntext")
			.withMessageContaining("wrong key or tampered");
	}

	@Test
	void shouldRejectKeysThatAreNot256Bits() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SecretCipher(new byte[16]))
			.withMessageContaining("32 bytes");
	}

	private static byte[] key() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return key;
	}

}
