package io.tinymlaas.magics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code %classpath JAR_OR_FOLDER ...} adds jars or class folders to the notebook's class path;
 * {@code %classpath} alone lists what this notebook added (with {@code %maven} too).
 */
public final class ClasspathMagic extends NamedMagic {

    public ClasspathMagic() {
        super("%classpath [JAR_OR_FOLDER ...]  add jars or class folders to the class path; alone: list what was added");
    }

    @Override
    public Object run(String args, MagicContext context) {
        List<String> given = Arrays.stream(args.strip().split("\\s+")).filter(s -> !s.isEmpty()).collect(Collectors.toList());
        if (given.isEmpty()) {
            List<Path> added = context.classpath();
            return added.isEmpty() ? "nothing added to the class path yet (%classpath JAR, %maven GROUP:ARTIFACT:VERSION)"
                    : added.stream().map(Path::toString).collect(Collectors.joining("\n"));
        }
        List<Path> paths = new ArrayList<>();
        for (String g : given) {
            Path p = Path.of(g).toAbsolutePath().normalize();
            if (!Files.isDirectory(p) && !(Files.isRegularFile(p) && p.toString().endsWith(".jar"))) {
                throw new IllegalArgumentException("no jar or class folder at " + p
                        + " (the path is relative to " + Path.of("").toAbsolutePath() + ")");
            }
            paths.add(p);
        }
        List<Path> added = paths.stream().filter(context::addToClasspath).collect(Collectors.toList());
        return added.isEmpty() ? "already on the class path" : "added " + added.stream().map(Path::toString)
                .collect(Collectors.joining(", "));
    }
}
