package io.tinymlaas.magics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code %maven group:artifact:version ...}: resolves each artifact and its runtime dependencies
 * from Maven Central (cached in ~/.m2/repository) and adds their jars to the notebook's class path.
 */
public final class MavenMagic extends NamedMagic {
    private final MavenArtifacts artifacts;

    public MavenMagic() {
        this(new MavenArtifacts(MavenArtifacts.userRepository()));
    }

    MavenMagic(MavenArtifacts artifacts) {
        super("%maven GROUP:ARTIFACT:VERSION ...  add jars from Maven Central (and what they need) to the class path");
        this.artifacts = artifacts;
    }

    @Override
    public Object run(String args, MagicContext context) {
        List<String> coordinates = Arrays.stream(args.strip().split("\\s+")).filter(s -> !s.isEmpty())
                .collect(Collectors.toList());
        if (coordinates.isEmpty()) {
            throw new IllegalArgumentException("%maven needs coordinates, e.g. %maven org.apache.commons:commons-text:1.12.0");
        }
        List<Path> added = new ArrayList<>();
        for (String c : coordinates) {
            for (Path jar : artifacts.resolve(c)) {
                if (context.addToClasspath(jar)) {
                    added.add(jar);
                }
            }
        }
        return added.isEmpty() ? "already on the class path: " + String.join(", ", coordinates)
                : "added " + added.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", "));
    }
}
