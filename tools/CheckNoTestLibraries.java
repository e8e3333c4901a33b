import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Fails (exit code 1) when a runnable jar carries a test library (issue 14): an entry under {@code org/junit/},
 * {@code org/opentest4j/} or {@code org/apiguardian/} (what {@code jar tf} would show), or a class that refers to
 * one (its constant pool names {@code org/junit/...}), which would be test code that only runs where JUnit is.
 * Run by the build (exec-maven-plugin, phase verify) on sferum-emulator.jar and the sample jars:
 * {@code java tools/CheckNoTestLibraries.java JAR...}. Exit code 2 when a jar is missing or unreadable.
 */
public final class CheckNoTestLibraries {
    private static final String[] BANNED = {"org/junit/", "org/opentest4j/", "org/apiguardian/"};

    private CheckNoTestLibraries() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: java tools/CheckNoTestLibraries.java JAR...");
            System.exit(2);
        }
        boolean failed = false;
        for (String arg : args) {
            Path jar = Path.of(arg);
            if (!Files.isRegularFile(jar)) {
                System.err.println("CheckNoTestLibraries: no such jar: " + jar.toAbsolutePath());
                System.exit(2);
            }
            List<String> problems = problems(jar);
            if (problems.isEmpty()) {
                System.out.println("CheckNoTestLibraries: " + jar.getFileName() + " carries no test library");
            } else {
                failed = true;
                System.err.println("CheckNoTestLibraries: " + jar.toAbsolutePath() + " carries test code ("
                        + problems.size() + "):");
                problems.stream().limit(20).forEach(p -> System.err.println("  " + p));
                System.err.println("  Keep JUnit out of the runtime dependencies of this jar (test scope, or optional"
                        + " in the module that uses it) and test-only packages out of the shaded jar.");
            }
        }
        System.exit(failed ? 1 : 0);
    }

    /** Returns what is wrong with the jar: banned entries, and classes that refer to a banned package. */
    static List<String> problems(Path jar) throws IOException {
        List<String> problems = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                String inside = name.startsWith("META-INF/versions/") ? name.replaceFirst("^META-INF/versions/\\d+/", "")
                        : name;
                for (String banned : BANNED) {
                    if (inside.startsWith(banned)) {
                        problems.add("entry " + name);
                    }
                }
                if (name.endsWith(".class") && !entry.isDirectory()) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        // Class and descriptor names are ASCII in the constant pool's modified UTF-8.
                        String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                        for (String banned : BANNED) {
                            if (text.contains(banned) && !inside.startsWith(banned)) {
                                problems.add(name + " refers to " + banned);
                            }
                        }
                    }
                }
            }
        }
        return problems;
    }
}
