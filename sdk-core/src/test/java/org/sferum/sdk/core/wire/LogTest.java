package org.sferum.sdk.core.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The logger's fallback without SLF4J fills the placeholders as SLF4J would (issue 15, fewer jars). */
class LogTest {
    @Test
    @DisplayName("placeholders are filled in order; missing arguments leave them, extra ones are dropped")
    void format() {
        assertEquals("messages.send attempt 1/3 ok", Log.format("{} attempt {}/{} {}", "messages.send", 1, 3, "ok"));
        assertEquals("a 1 and {}", Log.format("a {} and {}", 1));
        assertEquals("no placeholders", Log.format("no placeholders", "extra"));
        assertEquals("null here", Log.format("{} here", (Object) null));
    }
}
