package io.tinymlaas.kernel.eval;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** One Java source file parsed by javac (not compiled): its classes, their members and doc comments. */
final class JavaSource {

    /** A method, constructor or field: how it is declared, its parameters' types as written, its javadoc. */
    record Member(String declaration, List<String> parameterTypes, Optional<DocCommentTree> doc) {
    }

    private final List<? extends CompilationUnitTree> units;
    private final DocTrees trees;

    private JavaSource(List<? extends CompilationUnitTree> units, DocTrees trees) {
        this.units = units;
        this.trees = trees;
    }

    static JavaSource parse(String name, String code) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }
        };
        JavacTask task = (JavacTask) javac.getTask(null, null, diagnostic -> { }, List.of("-proc:none"), null, List.of(file));
        try {
            List<CompilationUnitTree> parsed = new ArrayList<>();
            task.parse().forEach(parsed::add);
            return new JavaSource(parsed, DocTrees.instance(task));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<DocCommentTree> docOfFirstClass() {
        return units.stream().flatMap(u -> u.getTypeDecls().stream().map(t -> new TreePath(new TreePath(u), t)))
                .findFirst().map(trees::getDocCommentTree);
    }

    /** The class named {@code names}, outermost first (a nested class has several). */
    Optional<TreePath> type(List<String> names) {
        for (CompilationUnitTree unit : units) {
            TreePath path = new TreePath(unit);
            List<? extends Tree> candidates = unit.getTypeDecls();
            for (String name : names) {
                TreePath found = null;
                for (Tree t : candidates) {
                    if (t instanceof ClassTree c && c.getSimpleName().contentEquals(name)) {
                        found = new TreePath(path, t);
                    }
                }
                if (found == null) {
                    path = null;
                    break;
                }
                path = found;
                candidates = ((ClassTree) found.getLeaf()).getMembers();
            }
            if (path != null) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }

    Optional<DocCommentTree> doc(TreePath path) {
        return Optional.ofNullable(trees.getDocCommentTree(path));
    }

    /** The members of {@code type} named {@code name} (its simple name: the constructors). */
    List<Member> members(TreePath type, String name) {
        ClassTree c = (ClassTree) type.getLeaf();
        List<Member> members = new ArrayList<>();
        for (Tree t : c.getMembers()) {
            TreePath path = new TreePath(type, t);
            if (t instanceof MethodTree m && (m.getName().contentEquals(name)
                    || m.getName().contentEquals("<init>") && c.getSimpleName().contentEquals(name))) {
                List<String> types = m.getParameters().stream().map(JavaSource::typeOf).collect(Collectors.toList());
                String parameters = m.getParameters().stream().map(p -> typeOf(p) + " " + p.getName())
                        .collect(Collectors.joining(", "));
                String result = m.getReturnType() == null ? "" : m.getReturnType() + " ";
                members.add(new Member(result + c.getSimpleName() + "." + (m.getReturnType() == null ? c.getSimpleName() : m.getName())
                        + "(" + parameters + ")", types, doc(path)));
            } else if (t instanceof VariableTree v && v.getName().contentEquals(name)) {
                members.add(new Member(v.getType() + " " + c.getSimpleName() + "." + v.getName(), List.of(), doc(path)));
            }
        }
        return members;
    }

    /** A parameter's type as written; a varargs parameter's with "..." as in its declaration. */
    private static String typeOf(VariableTree parameter) {
        String type = parameter.getType().toString();
        return parameter.toString().contains("...") ? type.replaceFirst("\\[]$", "...") : type;
    }
}
