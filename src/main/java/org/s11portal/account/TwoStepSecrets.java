package org.s11portal.account;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.s11portal.common.config.PortalConfig;
import org.s11portal.common.web.PerThreadSecureRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Encrypts what two-step sign-in keeps secret (authenticator secrets, recovery codes waiting to be shown) with
 * AES-256-GCM under a key from {@code portal.two-step.key} (S11_TWO_STEP_KEY). Each value is bound to its user (the
 * user's id is authenticated data), so a ciphertext copied to another user's row does not decrypt. The stored form is
 * Base64 of the 12-byte nonce followed by the ciphertext and its tag. Production refuses to start without a real
 * key ({@link org.s11portal.common.config.ProductionSettings}).
 */
@ApplicationScoped
public class TwoStepSecrets {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = PerThreadSecureRandom.get();

    @Inject
    PortalConfig config;

    String encrypt(long userId, byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, userId, nonce, plain);
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    }

    /** The plain bytes; throws when the value was not made by this key for this user. */
    public byte[] decrypt(long userId, String stored) {
        byte[] all = Base64.getDecoder().decode(stored);
        byte[] nonce = java.util.Arrays.copyOfRange(all, 0, NONCE_BYTES);
        byte[] sealed = java.util.Arrays.copyOfRange(all, NONCE_BYTES, all.length);
        return run(Cipher.DECRYPT_MODE, userId, nonce, sealed);
    }

    private byte[] run(int mode, long userId, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(("s11-two-step:" + userId).getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("two-step secret could not be " + (mode == Cipher.ENCRYPT_MODE ? "encrypted" : "decrypted")
                    + " (is S11_TWO_STEP_KEY the key it was stored with?)", e);
        }
    }

    /** 256 bits from the configured key, whatever its length. */
    private SecretKeySpec key() throws GeneralSecurityException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(config.twoStep().key().getBytes(StandardCharsets.UTF_8));
        return new SecretKeySpec(digest, "AES");
    }
}
