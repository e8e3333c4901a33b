package org.sferum.sdk.samples.journal;

/**
 * HTML of the journal: escaping (everything that is not a literal of this sample goes through {@link #escape})
 * and the page layout.
 */
final class JournalHtml {
    private JournalHtml() {
    }

    /**
     * Escapes text for an element's content or a quoted attribute value.
     *
     * @param text the text, may be null
     * @return the escaped text, empty for null
     */
    static String escape(Object text) {
        if (text == null) {
            return "";
        }
        String s = text.toString();
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A POST form with the session's CSRF token and one submit button.
     *
     * @param action the path
     * @param csrf the session's token
     * @param hidden name and value pairs of hidden fields
     * @param buttonClass the button's CSS class
     * @param label the button's text
     * @return the form
     */
    static String postButton(String action, String csrf, String[][] hidden, String buttonClass, String label) {
        StringBuilder form = new StringBuilder("<form method=\"post\" action=\"").append(escape(action))
                .append("\" class=\"inline\">");
        form.append(csrfField(csrf));
        for (String[] field : hidden) {
            form.append("<input type=\"hidden\" name=\"").append(escape(field[0])).append("\" value=\"")
                    .append(escape(field[1])).append("\">");
        }
        return form.append("<button type=\"submit\" class=\"").append(escape(buttonClass)).append("\">")
                .append(escape(label)).append("</button></form>").toString();
    }

    /**
     * The hidden CSRF field every POST form carries.
     *
     * @param csrf the session's token
     * @return the field
     */
    static String csrfField(String csrf) {
        return "<input type=\"hidden\" name=\"" + WebSessions.CSRF_FIELD + "\" value=\"" + escape(csrf) + "\">";
    }

    /**
     * A whole page.
     *
     * @param title the title, plain text
     * @param nav the navigation bar, HTML (empty when nobody is logged in)
     * @param body the content, HTML
     * @return the page
     */
    static String page(String title, String nav, String body) {
        return page(title, nav, body, "");
    }

    /**
     * A whole page whose live parts are fetched again from another address than the browser's (a page shown in
     * answer to a POST).
     *
     * @param title the title, plain text
     * @param nav the navigation bar, HTML (empty when nobody is logged in)
     * @param body the content, HTML
     * @param liveUrl the address the page's live parts come from, or empty for the browser's
     * @return the page
     */
    static String page(String title, String nav, String body, String liveUrl) {
        return "<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + " — Электронный журнал (демо)</title>\n"
                + "<link rel=\"icon\" href=\"/favicon.ico\" type=\"image/svg+xml\">\n"
                + "<style>" + STYLE + "</style>\n"
                + (nav.isEmpty() ? "" : "<script src=\"" + SCRIPT_PATH + "\" defer></script>\n")
                + "</head>\n<body>\n"
                + "<header><strong>Электронный журнал</strong> <span class=\"sub\">демо на эмуляторе Сферума</span>"
                + nav + "</header>\n<main" + (liveUrl.isEmpty() ? "" : " data-url=\"" + escape(liveUrl) + "\"")
                + ">\n<h1>" + escape(title) + "</h1>\n" + body + "</main>\n</body>\n</html>\n";
    }

    /** Where the journal's script is served. */
    static final String SCRIPT_PATH = "/static/live.js";

    /** The journal's icon (an SVG served at {@code /favicon.ico}). */
    static final String ICON = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\">"
            + "<rect width=\"32\" height=\"32\" rx=\"6\" fill=\"#2a5885\"/>"
            + "<path d=\"M9 8h14v16H9z\" fill=\"#fff\"/><path d=\"M12 13h8M12 17h8M12 21h5\" stroke=\"#2a5885\""
            + " stroke-width=\"2\"/></svg>";

    private static final String STYLE = "body{font-family:sans-serif;margin:0;background:#f5f6f8;color:#222}"
            + "header{background:#2a5885;color:#fff;padding:10px 20px}header a,header button.link{color:#fff}"
            + "header .sub,header .clock{color:#e3ecf5}"
            + "header nav{display:inline-block;margin-left:24px}header nav a{margin-right:14px}"
            + "main{padding:10px 20px;max-width:960px;overflow-wrap:anywhere}"
            + "table{border-collapse:collapse;background:#fff}td,th{border:1px solid #ccd;padding:6px 10px;"
            + "text-align:left;overflow-wrap:anywhere}.muted{color:#5b6270}.error{color:#b00020;font-weight:bold}"
            + ".ok{color:#1b7f3b}.message .text{white-space:pre-wrap;overflow-wrap:anywhere}"
            + "label{display:block;margin:8px 0 4px;font-weight:bold}textarea{width:100%;box-sizing:border-box}"
            + "textarea[aria-invalid=true]{border:2px solid #b00020}.counter{font-size:90%;color:#5b6270}"
            + "form.inline{display:inline}button{padding:5px 12px;border-radius:6px;border:1px solid #99a;"
            + "cursor:pointer}button.blue{background:#2787f5;color:#fff;border-color:#2787f5}"
            + "button.grey{background:#ddd;color:#777}button.danger{background:#e64646;color:#fff;"
            + "border-color:#e64646}button.link{background:none;border:none;text-decoration:underline;padding:0}"
            + ".tabs a{display:inline-block;padding:6px 14px;margin-right:4px;background:#dde;border-radius:6px 6px 0 0;"
            + "text-decoration:none;color:#222}.tabs a.active{background:#fff;font-weight:bold}"
            + ".panel{background:#fff;padding:12px;border-radius:0 6px 6px 6px}"
            + ".message{margin:6px 0}.message .who{font-weight:bold}.message .when{color:#889;font-size:85%}";
}
