package org.majordome.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Field;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.manager.SeleniumManager;

/**
 * The browser harness itself: a real headless Chromium that runs a page's script, a second browser as a second
 * visitor with its own cookies, nothing sent beyond loopback (a request for the network reaches the trap, never
 * the network), Selenium Manager never asked for a driver, and no process left behind by a browser that quits.
 */
class BrowserHarnessIT {

    @RegisterExtension
    static final BrowserExtension browsers = new BrowserExtension();

    @Test
    void aHeadlessChromiumRunsThePagesScript(Browser browser) {
        browser.driver().get("data:text/html,<title>t</title><h1 id=p>before</h1>"
                + "<script>document.getElementById('p').textContent='after'</script>");

        assertThat(Browser.text(browser.byRole("heading", "after"))).isEqualTo("after");
    }

    @Test
    void aSecondBrowserIsAnotherVisitorWithItsOwnProfileAndLeavesNoProcessWhenItQuits(Browser first) {
        Browser second = browsers.open();
        first.driver().get("data:text/html,<p>first</p>");
        second.driver().get("data:text/html,<p>second</p>");

        assertThat(first.script("return document.body.textContent")).isEqualTo("first");
        assertThat(second.script("return document.body.textContent")).isEqualTo("second");
        assertThat(second.profile()).isNotEqualTo(first.profile());
        browsers.close(second);
        assertThat(ProcessHandle.current().descendants().filter(process -> process.info().commandLine()
                .map(line -> line.contains(second.profile().toString())).orElse(false)).toList()).isEmpty();
    }

    @Test
    void aRequestForTheNetworkReachesTheTrapNeverTheNetwork(Browser browser) {
        try {
            browser.driver().get("http://majordome-test.invalid/probe");
        } catch (WebDriverException cannotLoad) {
            // The trap answers nothing: that is the point.
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(browsers.takeOutboundAttempts())
                .anySatisfy(attempt -> assertThat(attempt).contains("majordome-test.invalid")));
    }

    @Test
    void seleniumManagerIsNeverAskedForADriver(Browser browser) throws Exception {
        browser.driver().get("data:text/html,<p>ok</p>");

        // Selenium makes its manager eagerly, but locates (and extracts) the manager's program only to run it.
        Field program = SeleniumManager.class.getDeclaredField("binary");
        program.setAccessible(true);
        assertThat(program.get(SeleniumManager.getInstance()))
                .as("Selenium Manager was run, and may have downloaded a driver").isNull();
    }
}
