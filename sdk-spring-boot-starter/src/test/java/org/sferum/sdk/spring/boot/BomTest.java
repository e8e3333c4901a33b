package org.sferum.sdk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * sferum-bom has no parent (so that it pins only Sferum artifacts), so nothing else keeps it in step with the reactor:
 * this test does. Every reactor module that publishes a jar (it does not set {@code maven.source.skip}) must be in
 * the BOM, at the reactor's version.
 */
class BomTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    @DisplayName("sferum-bom pins every published module of the reactor, at the reactor's version")
    void bomListsEveryPublishedModule() throws Exception {
        Document root = read(ROOT.resolve("pom.xml"));
        Document bom = read(ROOT.resolve("sdk-bom/pom.xml"));
        String version = child(root.getDocumentElement(), "version");
        assertThat(child(bom.getDocumentElement(), "version")).as("sdk-bom/pom.xml's version").isEqualTo(version);

        List<String> pinned = new ArrayList<>();
        NodeList deps = bom.getElementsByTagName("dependency");
        for (int i = 0; i < deps.getLength(); i++) {
            pinned.add(child((Element) deps.item(i), "artifactId"));
        }
        List<String> published = new ArrayList<>();
        NodeList modules = root.getElementsByTagName("module");
        for (int i = 0; i < modules.getLength(); i++) {
            published.addAll(publishedArtifacts(ROOT.resolve(modules.item(i).getTextContent().strip())));
        }
        assertThat(published).as("the published modules").contains("sferum-sdk-api", "sferum-micrometer");
        assertThat(pinned).as("what sferum-bom pins").containsAll(published).contains("sferum-emulator");
    }

    /** The artifacts a module directory publishes: itself when it is a jar, or those of its own modules. */
    private static List<String> publishedArtifacts(Path dir) throws Exception {
        Path pom = dir.resolve("pom.xml");
        if (!Files.exists(pom)) {
            return List.of();
        }
        Document doc = read(pom);
        Element project = doc.getDocumentElement();
        if (doc.getElementsByTagName("maven.source.skip").getLength() > 0) {
            return List.of();
        }
        String packaging = child(project, "packaging");
        if ("pom".equals(packaging)) {
            if ("sferum-bom".equals(child(project, "artifactId"))) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            NodeList modules = doc.getElementsByTagName("module");
            for (int i = 0; i < modules.getLength(); i++) {
                out.addAll(publishedArtifacts(dir.resolve(modules.item(i).getTextContent().strip())));
            }
            return out;
        }
        return List.of(child(project, "artifactId"));
    }

    private static Document read(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(pom.toFile());
    }

    /** The text of an element's direct child, or null. */
    private static String child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element.getTextContent().strip();
            }
        }
        return null;
    }
}
