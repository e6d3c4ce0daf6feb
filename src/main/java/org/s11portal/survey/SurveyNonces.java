package org.s11portal.survey;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.s11portal.common.config.PortalClock;
import org.s11portal.common.config.PortalConfig;
import org.s11portal.common.web.PerThreadSecureRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * One-time form nonces for the survey, so a double click or a resubmitted form stores one response.
 * Opening the form writes nothing (a GET never changes state): the nonce is random, carries its expiry day
 * and is signed for its link. Submitting records only the nonce's hash as used; nothing ties it to the
 * response it came with. Production refuses to start without a real key
 * ({@link org.s11portal.common.config.ProductionSettings}).
 */
@ApplicationScoped
public class SurveyNonces {

    /** One generator per thread: a shared {@code new SecureRandom()} makes every request queue on one lock. */
    private final SecureRandom random = PerThreadSecureRandom.get();

    /** A keyed MAC per thread: set up once, as every survey answer is checked with it. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(() -> {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(this.config.survey().nonceKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    });

    @Inject
    PortalConfig config;

    @Inject
    PortalClock clock;

    public record Checked(String hash, LocalDate expiresOn) {
    }

    public String issue(String linkToken) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long expires = clock.today().plusDays(config.survey().nonceDays()).toEpochDay();
        String payload = nonce + "." + expires;
        return payload + "." + sign(payload + "." + linkToken);
    }

    /** The nonce's hash and expiry when it is genuine, for this link and not expired; otherwise null. */
    public Checked check(String value, String linkToken) {
        if (value == null || value.length() > 200) {
            return null;
        }
        String[] parts = value.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        String payload = parts[0] + "." + parts[1];
        if (!MessageDigest.isEqual(sign(payload + "." + linkToken).getBytes(StandardCharsets.US_ASCII),
                parts[2].getBytes(StandardCharsets.US_ASCII))) {
            return null;
        }
        LocalDate expires;
        try {
            expires = LocalDate.ofEpochDay(Long.parseLong(parts[1]));
        } catch (RuntimeException e) {
            return null;
        }
        if (expires.isBefore(clock.today())) {
            return null;
        }
        return new Checked(sha256(value), expires);
    }

    private String sign(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(macs.get().doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
