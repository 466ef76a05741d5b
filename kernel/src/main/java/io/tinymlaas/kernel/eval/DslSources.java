package io.tinymlaas.kernel.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Javadoc of the DSL's classes, from the sources the kernel jar ships under {@code tinyml-sources/}
 * (JShell finds javadoc only in the JDK's src.zip). Each file is parsed once, when first asked.
 */
final class DslSources {
    private static final String ROOT = "tinyml-sources/";

    /** A member's declaration and its javadoc as text. */
    record Doc(String declaration, List<String> parameterTypes, String text) {
    }

    private final ClassLoader loader;
    private final Map<String, Optional<JavaSource>> parsed = new ConcurrentHashMap<>();

    DslSources(ClassLoader loader) {
        this.loader = loader;
    }

    /** The javadoc of a class, e.g. {@code io.tinymlaas.nn.Model} or the nested {@code io.tinymlaas.nn.Fit.Step}. */
    Optional<String> classDoc(String qualifiedName) {
        return locate(qualifiedName).flatMap(found -> found.source().type(found.names())
                .flatMap(found.source()::doc)).map(Javadoc::render);
    }

    /** Every member of that class named {@code member} (its constructors, if it is the class's simple name). */
    List<Doc> members(String qualifiedName, String member) {
        return locate(qualifiedName).flatMap(found -> found.source().type(found.names())
                        .map(type -> found.source().members(type, member)))
                .orElse(List.of()).stream()
                .map(m -> new Doc(m.declaration(), m.parameterTypes(), m.doc().map(Javadoc::render).orElse("")))
                .collect(Collectors.toList());
    }

    private record Located(JavaSource source, List<String> names) {
    }

    /** The file of the outermost class of {@code qualifiedName}, and the class names from it inwards. */
    private Optional<Located> locate(String qualifiedName) {
        List<String> parts = Arrays.asList(qualifiedName.split("\\."));
        for (int i = 1; i <= parts.size(); i++) {
            String file = ROOT + String.join("/", parts.subList(0, i)) + ".java";
            Optional<JavaSource> source = parsed.computeIfAbsent(file, this::read);
            if (source.isPresent()) {
                return Optional.of(new Located(source.get(), parts.subList(i - 1, parts.size())));
            }
        }
        return Optional.empty();
    }

    private Optional<JavaSource> read(String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? Optional.empty()
                    : Optional.of(JavaSource.parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
