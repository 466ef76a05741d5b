package io.tinymlaas.kernel.eval;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a JShell documentation signature names: {@code "Model Model.sequential(Shape input)"} is member
 * {@code sequential} of {@code Model} taking a {@code Shape}; {@code "Math.PI:double"} a field;
 * {@code "io.tinymlaas.nn.Model"} a class (no member). Type arguments are dropped.
 */
record MemberSignature(String owner, String member, List<String> parameterTypes) {

    static MemberSignature parse(String signature) {
        String s = eraseGenerics(signature).strip();
        int paren = s.indexOf('(');
        if (paren >= 0) {
            String head = s.substring(0, paren).strip();
            String name = head.substring(head.lastIndexOf(' ') + 1);
            String params = s.substring(paren + 1, Math.max(paren + 1, s.lastIndexOf(')'))).strip();
            List<String> types = params.isEmpty() ? List.of() : Arrays.stream(params.split(","))
                    .map(p -> simpleName(p.strip().replaceFirst("\\s+\\S+$", ""))).collect(Collectors.toList());
            return split(name, types);
        }
        int colon = s.indexOf(':');
        if (colon >= 0) {
            return split(s.substring(0, colon), List.of());
        }
        return new MemberSignature(s, "", List.of());
    }

    private static MemberSignature split(String qualifiedMember, List<String> types) {
        int dot = qualifiedMember.lastIndexOf('.');
        return dot < 0 ? new MemberSignature(qualifiedMember, "", types)
                : new MemberSignature(qualifiedMember.substring(0, dot), qualifiedMember.substring(dot + 1), types);
    }

    boolean takes(List<String> declaredTypes) {
        return declaredTypes.stream().map(t -> simpleName(eraseGenerics(t))).collect(Collectors.toList()).equals(parameterTypes);
    }

    static String eraseGenerics(String type) {
        String erased = type;
        while (erased.contains("<")) {
            String next = erased.replaceAll("<[^<>]*>", "");
            if (next.equals(erased)) {
                break;
            }
            erased = next;
        }
        return erased;
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.', type.endsWith("...") ? type.length() - 4 : type.length() - 1) + 1);
    }
}
