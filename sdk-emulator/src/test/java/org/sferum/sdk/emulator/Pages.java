package org.sferum.sdk.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.http.HttpResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/** Reads the emulator's pages in tests as a browser's HTML parser does (jsoup), never with regular expressions. */
final class Pages {
    private Pages() {
    }

    /**
     * Parses a page.
     *
     * @param page the answer
     * @return the document, with links resolved against the request's URI
     */
    static Document parse(HttpResponse<String> page) {
        return Jsoup.parse(page.body(), page.uri().toString());
    }

    /**
     * Checks that each selector finds at least one element.
     *
     * @param page the page
     * @param selectors CSS selectors
     */
    static void assertHas(Document page, String... selectors) {
        for (String selector : selectors) {
            assertFalse(page.select(selector).isEmpty(), () -> selector + " not found on " + page.outerHtml());
        }
    }

    /**
     * The one element a selector finds.
     *
     * @param page the page
     * @param selector a CSS selector
     * @return the element
     */
    static Element only(Document page, String selector) {
        Elements found = page.select(selector);
        assertEquals(1, found.size(), () -> selector + " found " + found.size() + " times on " + page.outerHtml());
        return found.first();
    }
}
