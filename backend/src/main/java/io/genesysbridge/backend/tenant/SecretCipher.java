package io.genesysbridge.backend.tenant;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts tenant secrets at rest with AES-256-GCM. The tenant id is bound as associated data,
 * so a ciphertext copied to another tenant's record fails to decrypt. Stored form:
 * {@code v1:<base64(12-byte IV | ciphertext | tag)>}.
 *
 * <p>
 * A wrong key or a tampered value raises {@link SecretDecryptionException}; the key and the
 * plaintext never appear in messages or logs.
 */
final class SecretCipher {

	private static final String PREFIX = "v1:";

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKey key;

	private final SecureRandom random = new SecureRandom();

	SecretCipher(byte[] key) {
		if (key.length != 32) {
			throw new IllegalArgumentException("encryption key must be 32 bytes (base64 of 256 bits), got "
					+ key.length);
		}
		this.key = new SecretKeySpec(key.clone(), "AES");
	}

	static SecretCipher fromBase64(String base64Key) {
		return new SecretCipher(Base64.getDecoder().decode(base64Key.trim()));
	}

	String encrypt(String plaintext, String associatedData) {
		byte[] iv = new byte[IV_BYTES];
		this.random.nextBytes(iv);
		try {
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, associatedData);
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[IV_BYTES + sealed.length];
			System.arraycopy(iv, 0, out, 0, IV_BYTES);
			System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
			return PREFIX + Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM encryption failed", ex);
		}
	}

	String decrypt(String stored, String associatedData) {
		if (!stored.startsWith(PREFIX)) {
			throw new SecretDecryptionException("unknown secret format");
		}
		try {
			byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
			if (in.length <= IV_BYTES) {
				throw new SecretDecryptionException("secret too short");
			}
			byte[] iv = java.util.Arrays.copyOf(in, IV_BYTES);
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, iv, associatedData);
			byte[] plain = cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
			return new String(plain, StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new SecretDecryptionException("secret cannot be decrypted (wrong key or tampered value)");
		}
	}

	private Cipher cipher(int mode, byte[] iv, String associatedData) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, this.key, new GCMParameterSpec(TAG_BITS, iv));
		cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
		return cipher;
	}

	/**
	 * A stored secret could not be decrypted: wrong key or tampered record.
	 */
	static final class SecretDecryptionException extends RuntimeException {

		SecretDecryptionException(String message) {
			super(message);
		}

	}

}
