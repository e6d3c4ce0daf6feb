import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes one survey form body per line for the load test, each with its own valid one-time nonce (signed
 * with the portal's nonce key the same way SurveyNonces does), so every request stores a new response.
 * Run with the JDK's single-file launcher: java SurveyBenchBodies.java KEY TOKEN CSRF COUNT > bodies.txt
 */
public class SurveyBenchBodies {

    public static void main(String[] args) throws Exception {
        String key = args[0];
        String token = args[1];
        String csrf = args[2];
        int count = Integer.parseInt(args[3]);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        SecureRandom random = new SecureRandom();
        long expires = LocalDate.now(ZoneId.of("Europe/London")).plusDays(2).toEpochDay();
        StringBuilder answers = new StringBuilder("roleBand=FRONTLINE&worksWith=BOTH");
        for (int q = 1; q <= 14; q++) {
            answers.append("&q").append(q).append('=').append(q == 13 ? "PROCEDURES" : q == 4 || q == 6 || q == 8 || q == 10 || q == 11 ? "A" : "YES");
        }
        StringBuilder out = new StringBuilder();
        byte[] bytes = new byte[16];
        for (int i = 0; i < count; i++) {
            random.nextBytes(bytes);
            String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "." + expires;
            String signature = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal((payload + "." + token).getBytes(StandardCharsets.UTF_8)));
            out.append("csrf-token=").append(csrf).append("&nonce=").append(payload).append('.').append(signature)
                    .append('&').append(answers).append('\n');
            if (out.length() > 1 << 20) {
                System.out.print(out);
                out.setLength(0);
            }
        }
        System.out.print(out);
    }
}
