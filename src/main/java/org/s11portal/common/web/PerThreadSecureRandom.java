package org.s11portal.common.web;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * A {@link SecureRandom} that hands each thread its own generator (the JDK's DRBG, seeded from the system's
 * entropy on first use in that thread). {@code new SecureRandom()} on Linux is {@code NativePRNG}, whose every
 * instance reads through one process-wide lock; under load, the threads issuing CSRF tokens and survey nonces
 * queued on it (a thread dump of the survey form at 200 connections). Tokens are as unpredictable as before: each
 * thread's generator is a NIST SP 800-90A Hash_DRBG.
 */
public final class PerThreadSecureRandom extends SecureRandom {

    private static final long serialVersionUID = 1L;

    private static final PerThreadSecureRandom INSTANCE = new PerThreadSecureRandom();

    private static final ThreadLocal<SecureRandom> GENERATORS = ThreadLocal.withInitial(() -> {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("DRBG is part of every JDK since 9", e);
        }
    });

    private PerThreadSecureRandom() {
    }

    /** The one instance: it can be shared by any number of threads without their waiting on each other. */
    public static SecureRandom get() {
        return INSTANCE;
    }

    @Override
    public void nextBytes(byte[] bytes) {
        GENERATORS.get().nextBytes(bytes);
    }

    @Override
    public byte[] generateSeed(int numBytes) {
        return GENERATORS.get().generateSeed(numBytes);
    }

    @Override
    public void setSeed(long seed) {
        // SecureRandom's constructor calls this before the generators exist; a seed never replaces their entropy
    }

    @Override
    public void setSeed(byte[] seed) {
        GENERATORS.get().setSeed(seed);
    }

    @Override
    public String getAlgorithm() {
        return "DRBG (one per thread)";
    }
}
