package org.majordome.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The browser harness fails, never skips, when Chromium or its driver is missing, and says how to install them. */
class BrowserExtensionTest {

    @Test
    void aMissingBrowserFailsWithTheInstallCommand() {
        assertThatThrownBy(() -> BrowserExtension.findExecutable("chromium", "", Path.of("/nonexistent")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sudo apt-get install -y chromium chromium-driver")
                .hasMessageContaining("`chromium` not found");
        assertThatThrownBy(() -> BrowserExtension.findExecutable("chromedriver", "", Path.of("/nonexistent")))
                .hasMessageContaining("sudo apt-get install -y chromium chromium-driver");
    }

    @Test
    void onlyChromiumsOwnBackgroundRequestsAreToleratedAtTheTrap() {
        assertThat(BrowserExtension.isBrowserOwn("CONNECT update.googleapis.com:443 HTTP/1.1")).isTrue();
        assertThat(BrowserExtension.isBrowserOwn("POST http://update.googleapis.com/service/update2/json HTTP/1.1"))
                .isTrue();
        assertThat(BrowserExtension.isBrowserOwn("GET http://cdn.example.com/chat.js HTTP/1.1")).isFalse();
        assertThat(BrowserExtension.isBrowserOwn("CONNECT fonts.googleapis.com:443 HTTP/1.1")).isFalse();
        assertThat(BrowserExtension.isBrowserOwn("(a connection that sent nothing)")).isFalse();
    }

    /** Seen failing WebChatBrowserIT on a loaded machine, after every one of its tests had passed. */
    @Test
    void theComponentUpdatersDownloadRedirectorFailedABrowserClassThatRanLong() {
        assertThat(BrowserExtension.isBrowserOwn("CONNECT redirector.gvt1.com:443 HTTP/1.1")).isTrue();
        assertThat(BrowserExtension.isBrowserOwn("CONNECT evil.gvt1.com:443 HTTP/1.1")).isFalse();
    }
}
