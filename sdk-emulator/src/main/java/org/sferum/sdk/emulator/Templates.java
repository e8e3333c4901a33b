package org.sferum.sdk.emulator;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * Renders the emulator's HTML pages from the templates of {@code sdk-emulator/src/main/jte}, which jte-maven-plugin
 * compiles into classes of this package at build time (no template compiler at run time). The content type is
 * {@link ContentType#Html}: every {@code ${…}} is escaped for where it stands (element text, attribute value), so a
 * value from outside cannot become markup; only {@code $unsafe{…}} writes text as it is, and the templates use it
 * for nothing but the stylesheet and the opener page's script, both made here.
 */
final class Templates {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html,
            Templates.class.getClassLoader(), Templates.class.getPackageName());

    private Templates() {
    }

    /**
     * Renders a page.
     *
     * @param template the template's file name, such as {@code "vkid-step.jte"}
     * @param model the template's one parameter
     * @return the HTML
     */
    static String render(String template, Object model) {
        StringOutput output = new StringOutput();
        ENGINE.render(template, model, output);
        return output.toString();
    }
}
