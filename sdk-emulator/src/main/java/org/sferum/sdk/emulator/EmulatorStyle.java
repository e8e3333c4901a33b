package org.sferum.sdk.emulator;

/**
 * The one small stylesheet of the emulator's pages (VK ID's login pages and the call page), inlined in each page's
 * {@code <style>} (the emulator's Content-Security-Policy allows inline styles and nothing else that runs).
 */
final class EmulatorStyle {
    /** The stylesheet. */
    static final String CSS = "body{font-family:-apple-system,'Segoe UI',Roboto,Arial,sans-serif;margin:0;"
            + "background:#edeef0;color:#222}main{max-width:560px;margin:32px auto;background:#fff;"
            + "border-radius:12px;padding:20px 28px;box-shadow:0 1px 3px rgba(0,0,0,.12)}"
            + "h1{font-size:22px;margin:0 0 16px}h2{font-size:17px}label{display:block;margin:8px 0}"
            + "input[type=text],input[type=tel],input[type=password]{display:block;width:100%;box-sizing:border-box;"
            + "padding:8px;margin-top:4px;border:1px solid #b5bcc6;border-radius:8px;font-size:15px}"
            + "button{padding:8px 16px;margin:4px 4px 4px 0;border-radius:8px;border:1px solid #2787f5;"
            + "background:#2787f5;color:#fff;font-size:15px;cursor:pointer}"
            + "button.secondary{background:#fff;color:#2a5885}button.danger{background:#d42c2c;border-color:#d42c2c}"
            + "form.inline{display:inline}.error{color:#b00020;background:#fdecea;padding:8px 12px;border-radius:8px}"
            + ".emulator{background:#fff7d6;border:1px dashed #b08900;padding:8px 12px;border-radius:8px;color:#5c4700}"
            + ".note{color:#555;font-size:14px}.back{display:inline-block;margin-bottom:12px;color:#2a5885}"
            + "ul.people{padding:0;list-style:none}ul.people li{padding:6px 0;border-bottom:1px solid #e7e8ec;"
            + "overflow-wrap:anywhere}a{color:#2a5885}";

    private EmulatorStyle() {
    }
}
