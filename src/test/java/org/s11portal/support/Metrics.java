package org.s11portal.support;

import static io.restassured.RestAssured.given;

import java.net.URL;
import java.util.Arrays;
import java.util.List;

/**
 * One scrape of /q/metrics on the management port, as Prometheus reads it. Inject the address in the test with
 * {@code @TestHTTPResource(value = "metrics", management = true) URL metrics}. The test database and the counters are
 * shared by every test class of a run: compare a value before and after, never with a fixed number.
 */
public final class Metrics {

    private final String text;

    private Metrics(String text) {
        this.text = text;
    }

    public static Metrics scrape(URL metrics) {
        return new Metrics(given().get(metrics).then().statusCode(200).extract().asString());
    }

    public String text() {
        return text;
    }

    /**
     * The sample's value; {@code labels} are name/value pairs it must carry (others may be present). 0 when no such
     * sample is there yet (a counter never incremented is still listed, but a tagged one may not be).
     */
    public double value(String name, String... labels) {
        List<String> wanted = Arrays.stream(labelPairs(labels)).toList();
        double found = 0;
        int matches = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            String series = line.substring(0, space);
            if (wanted.stream().allMatch(series::contains)) {
                found = Double.parseDouble(line.substring(space + 1));
                matches++;
            }
        }
        if (matches > 1) {
            throw new AssertionError("more than one sample of " + name + " with " + wanted + ":\n" + text);
        }
        return found;
    }

    private static String[] labelPairs(String... labels) {
        if (labels.length % 2 != 0) {
            throw new IllegalArgumentException("labels come in name/value pairs");
        }
        String[] pairs = new String[labels.length / 2];
        for (int i = 0; i < labels.length; i += 2) {
            pairs[i / 2] = labels[i] + "=\"" + labels[i + 1] + "\"";
        }
        return pairs;
    }
}
