package io.tinymlaas.magics;

import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Jars from Maven Central, with their runtime dependencies, resolved by Maven's own resolver and
 * kept in the local repository Maven uses ({@code ~/.m2/repository}): a second notebook, or the
 * next day's, finds them there without the network.
 */
public final class MavenArtifacts {
    private static final RemoteRepository CENTRAL =
            new RemoteRepository.Builder("central", "default", "https://repo.maven.apache.org/maven2/").build();

    private final Path localRepository;
    private RepositorySystem system;

    public MavenArtifacts(Path localRepository) {
        this.localRepository = localRepository;
    }

    /** Maven's local repository of this user. */
    public static Path userRepository() {
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /**
     * The jar of {@code coordinates} ({@code group:artifact:version}, or with an extension and
     * classifier as Maven writes them) and the jars it needs at run time, itself first.
     *
     * @throws IllegalArgumentException if the coordinates are malformed or cannot be resolved
     */
    public List<Path> resolve(String coordinates) {
        DefaultArtifact artifact;
        try {
            artifact = new DefaultArtifact(coordinates);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + coordinates + "\" is not group:artifact:version"
                    + " (e.g. org.apache.commons:commons-text:1.12.0)");
        }
        CollectRequest collect = new CollectRequest(new Dependency(artifact, JavaScopes.RUNTIME), List.of(CENTRAL));
        DependencyRequest request = new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
        try {
            return system().resolveDependencies(session(), request).getArtifactResults().stream()
                    .map(ArtifactResult::getArtifact).map(a -> a.getFile().toPath()).collect(Collectors.toList());
        } catch (DependencyResolutionException e) {
            throw new IllegalArgumentException("cannot resolve " + coordinates + " from Maven Central: "
                    + rootMessage(e) + " (check the coordinates on https://central.sonatype.com, and the network)");
        }
    }

    private synchronized RepositorySystem system() {
        if (system == null) {
            system = new RepositorySystemSupplier().get();
        }
        return system;
    }

    private DefaultRepositorySystemSession session() {
        DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
        // POMs activate profiles by the JDK and the OS (Apache Commons' parent does); without these
        // properties their models fail to build and the dependencies would be silently dropped.
        session.setSystemProperties(System.getProperties());
        session.setLocalRepositoryManager(system().newLocalRepositoryManager(session, new LocalRepository(localRepository.toFile())));
        return session;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
