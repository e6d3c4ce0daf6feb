package org.s11portal.support;

import java.net.URL;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import io.quarkus.test.common.http.TestHTTPResource;

/** One headless Chromium per browser test class, pointed at the running test application. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest {

    @TestHTTPResource("/")
    URL baseUrl;

    protected Browser browser;

    @BeforeAll
    void startBrowser() {
        browser = new Browser(baseUrl.toString());
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }
}
