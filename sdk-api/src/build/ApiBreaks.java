import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The API compatibility check's last step (issue 14): every breaking change japicmp reports in sdk-api against the
 * 0.1.0 baseline must be listed in CHANGELOG.md under a heading "Accepted API breaks", as a bullet whose first
 * code span is the break's key:
 *
 * <pre>
 * - `METHOD_REMOVED org.sferum.sdk.roster.Roster#sync(java.lang.String,java.util.List)`: why, and what to use
 * </pre>
 *
 * A key is japicmp's change type, the class, and for a member {@code #name(parameter types)} (a field:
 * {@code #name}). A listed {@code CLASS_REMOVED} covers every change inside that class. A break that is not listed
 * fails the build, with the lines to add; a listed break japicmp no longer reports is only warned about.
 *
 * <p>Run by the build as a single-file program: {@code java ApiBreaks.java REPORT.xml CHANGELOG.md}.
 */
public final class ApiBreaks {
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*)$");
    private static final Pattern ENTRY = Pattern.compile("^\\s*[-*]\\s+`([^`]+)`");

    private ApiBreaks() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: java ApiBreaks.java JAPICMP-REPORT.xml CHANGELOG.md");
        }
        Path report = Path.of(args[0]);
        Path changelog = Path.of(args[1]);
        if (!Files.isRegularFile(report)) {
            fail("japicmp's report " + report + " is missing: did the japicmp step run?");
        }
        if (!Files.isRegularFile(changelog)) {
            fail(changelog + " is missing: it must list the accepted API breaks");
        }
        Set<String> breaks = breaks(report);
        Set<String> accepted = accepted(changelog);
        List<String> unlisted = new ArrayList<>();
        for (String key : breaks) {
            if (!accepted.contains(key) && !accepted.contains("CLASS_REMOVED " + classOf(key))) {
                unlisted.add(key);
            }
        }
        for (String key : accepted) {
            if (!breaks.contains(key)) {
                System.out.println("[api-check] WARNING: CHANGELOG.md lists `" + key + "`, which japicmp no longer "
                        + "reports; remove it if the break was undone");
            }
        }
        if (!unlisted.isEmpty()) {
            StringBuilder message = new StringBuilder("sferum-sdk-api breaks its 0.1.0 API in " + unlisted.size()
                    + " way(s) that CHANGELOG.md does not list under \"Accepted API breaks\". Undo the change, or "
                    + "accept it by adding these lines there, each with the reason and what users should do:\n");
            for (String key : unlisted) {
                message.append("- `").append(key).append("`: …\n");
            }
            fail(message.toString());
        }
        System.out.println("[api-check] sferum-sdk-api against 0.1.0: " + breaks.size()
                + " breaking change(s), all listed in CHANGELOG.md under \"Accepted API breaks\"");
    }

    /** The keys of the binary or source incompatible changes in japicmp's XML report. */
    static Set<String> breaks(Path report) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(report.toFile());
        Set<String> out = new TreeSet<>();
        NodeList changes = doc.getElementsByTagName("compatibilityChange");
        for (int i = 0; i < changes.getLength(); i++) {
            Element change = (Element) changes.item(i);
            if ("true".equals(change.getAttribute("binaryCompatible"))
                    && "true".equals(change.getAttribute("sourceCompatible"))) {
                continue;
            }
            Element owner = (Element) change.getParentNode().getParentNode();
            Element type = owner;
            while (!type.getTagName().equals("class")) {
                type = (Element) type.getParentNode();
            }
            String key = change.getAttribute("type") + " " + type.getAttribute("fullyQualifiedName");
            switch (owner.getTagName()) {
                case "method", "constructor" -> key += "#" + owner.getAttribute("name") + "(" + parameters(owner) + ")";
                case "field" -> key += "#" + owner.getAttribute("name");
                default -> { }
            }
            out.add(key);
        }
        return out;
    }

    private static String parameters(Element member) {
        List<String> types = new ArrayList<>();
        for (Node child = member.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element list && list.getTagName().equals("parameters")) {
                for (Node p = list.getFirstChild(); p != null; p = p.getNextSibling()) {
                    if (p instanceof Element parameter && parameter.getTagName().equals("parameter")) {
                        types.add(parameter.getAttribute("type"));
                    }
                }
            }
        }
        return String.join(",", types);
    }

    /** The keys listed under every "Accepted API breaks" heading of the changelog. */
    static Set<String> accepted(Path changelog) throws IOException {
        Set<String> out = new TreeSet<>();
        boolean inSection = false;
        for (String line : Files.readAllLines(changelog, StandardCharsets.UTF_8)) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                inSection = heading.group(1).strip().equalsIgnoreCase("Accepted API breaks");
                continue;
            }
            Matcher entry = ENTRY.matcher(line);
            if (inSection && entry.find()) {
                out.add(entry.group(1).strip());
            }
        }
        return out;
    }

    private static String classOf(String key) {
        String target = key.substring(key.indexOf(' ') + 1);
        int hash = target.indexOf('#');
        return hash < 0 ? target : target.substring(0, hash);
    }

    private static void fail(String message) {
        System.err.println("[api-check] ERROR: " + message);
        System.exit(1);
    }
}
