package io.tinymlaas.report;

import io.tinymlaas.target.Bytes;
import io.tinymlaas.target.Target;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Says why a model does or does not fit its target and what to change: the biggest contributors
 * to what is over budget, the widest narrower layer that makes the model fit (computed by
 * re-estimating the model with that width), and otherwise the boards it does fit.
 */
final class FitAdvisor {
    private FitAdvisor() {
    }

    static String why(Estimate e) {
        Target t = e.target();
        if (e.fits()) {
            return String.format(Locale.ROOT, "fits %s: flash %s of %s (%s free), RAM %s of %s (%s free), ~%.2f ms an inference",
                    t.name(), Bytes.format(e.flash()), Bytes.format(t.usableFlashBytes()),
                    Bytes.format(t.usableFlashBytes() - e.flash()), Bytes.format(e.ram()),
                    Bytes.format(t.usableRamBytes()), Bytes.format(t.usableRamBytes() - e.ram()), e.millis());
        }
        List<String> lines = new ArrayList<>();
        lines.add(e.precision() + " model does not fit " + t.name() + ":");
        if (!e.flashFits()) {
            lines.add(overBudget("flash", e.flash(), t.usableFlashBytes(), e.flashParts(),
                    Estimate.WEIGHTS, biggestWeights(e)));
        }
        if (!e.ramFits()) {
            lines.add(overBudget("RAM", e.ram(), t.usableRamBytes(), e.ramParts(),
                    Estimate.ARENA, biggestActivation(e)));
        }
        lines.add(suggestion(e));
        return String.join("\n", lines);
    }

    /** "flash: needs .., biggest: weights 99 KB (dense(128) holds 98 KB), ..": detail explains one part. */
    private static String overBudget(String what, long used, long budget, Map<String, Long> parts,
                                     String detailedPart, String detail) {
        String biggest = parts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .filter(p -> p.getValue() > 0).limit(3)
                .map(p -> p.getKey() + " " + Bytes.format(p.getValue()) + (p.getKey().equals(detailedPart) ? detail : ""))
                .collect(Collectors.joining(", "));
        return "  " + what + ": needs " + Bytes.format(used) + ", " + Bytes.format(budget) + " usable (over by "
                + Bytes.format(used - budget) + "); biggest: " + biggest;
    }

    private static String biggestWeights(Estimate e) {
        return e.rows().stream().max(Comparator.comparingLong(Estimate.Row::weightBytes))
                .filter(r -> r.weightBytes() > 0)
                .map(r -> " (" + r.layer().dsl() + " holds " + Bytes.format(r.weightBytes()) + ")").orElse("");
    }

    /** The largest tensor the arena holds: a layer's output, or the model input. */
    private static String biggestActivation(Estimate e) {
        long input = (long) e.inputShape().size() * e.precision().activationBytes();
        return e.rows().stream().max(Comparator.comparingLong(Estimate.Row::activationBytes))
                .filter(r -> r.activationBytes() > input)
                .map(r -> " (" + r.layer().dsl() + " writes " + Bytes.format(r.activationBytes()) + ")")
                .orElse(" (the input " + e.inputShape() + " takes " + Bytes.format(input) + ")");
    }

    /** The first width change, biggest layers first, that makes it all fit; else other boards. */
    private static String suggestion(Estimate e) {
        Optional<String> narrower = narrowerLayer(e, Estimate::fits);
        if (narrower.isPresent()) {
            return "  " + narrower.get() + " would fit " + e.target().name();
        }
        List<String> boards = Target.names().stream().map(Target::of)
                .filter(b -> !b.name().equals("host") && !b.name().equals("qemu-m4"))
                .filter(b -> Estimate.of(e.graph(), b, e.precision()).fits())
                .map(Target::name).toList();
        String partial = narrowerLayer(e, e.flashFits() ? Estimate::ramFits : Estimate::flashFits)
                .map(s -> "  " + s + " would bring " + (e.flashFits() ? "RAM" : "flash") + " within budget, "
                        + (e.flashFits() ? "flash" : "RAM") + " would still be over\n")
                .filter(s -> !e.flashFits() && !e.ramFits())
                .orElse("");
        return partial + "  no narrower layer makes it fit " + e.target().name() + (boards.isEmpty()
                ? ": it is too big for every board we know; make the input smaller or the model shallower"
                : ": it fits " + String.join(", ", boards) + " (%target " + boards.get(0) + ")");
    }

    /**
     * Tries the conv and dense layers (not the last, whose width is the model's output), the one
     * taking most of the scarce resource first, each at the widest power of two below its width
     * that satisfies {@code enough}.
     */
    private static Optional<String> narrowerLayer(Estimate e, Predicate<Estimate> enough) {
        List<OpSize> layers = e.rows().stream().map(Estimate.Row::layer).toList();
        int lastWide = -1;
        for (int i = 0; i < layers.size(); i++) {
            lastWide = layers.get(i).hasWidth() ? i : lastWide;
        }
        Comparator<Estimate.Row> scarce = e.flashFits()
                ? Comparator.comparingLong(Estimate.Row::activationBytes)
                : Comparator.comparingLong(Estimate.Row::weightBytes);
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).hasWidth() && i != lastWide) {
                candidates.add(i);
            }
        }
        candidates.sort(Comparator.comparing((Integer i) -> e.rows().get(i), scarce).reversed());
        for (int i : candidates) {
            OpSize layer = layers.get(i);
            for (int w = Integer.highestOneBit(layer.width() - 1); w >= 1 && layer.width() > 1; w /= 2) {
                if (enough.test(Estimate.of(Widths.withWidth(e.graph(), i, w), e.target(), e.precision()))) {
                    String holds = e.flashFits()
                            ? " writes " + Bytes.format(e.rows().get(i).activationBytes()) + " of activations"
                            : " holds " + Bytes.format(e.rows().get(i).weightBytes()) + " of weights";
                    return Optional.of(layer.dsl() + holds + ": " + layer.dslWithWidth(w));
                }
            }
        }
        return Optional.empty();
    }
}
