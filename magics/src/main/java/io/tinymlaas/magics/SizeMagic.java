package io.tinymlaas.magics;

import io.tinymlaas.quant.QuantizedModel;
import io.tinymlaas.report.SizeReport;

import java.util.List;

/**
 * {@code %size [variable]}: the size report of a model on the current target; alone, of the
 * variable that most recently received a quantized model.
 */
public final class SizeMagic extends NamedMagic {

    public SizeMagic() {
        super("%size [model]  flash, RAM and latency of a model on the current %target "
                + "(default: the last quantized model)");
    }

    @Override
    public Object run(String args, MagicContext context) {
        String name = args == null ? "" : args.trim();
        Object model = name.isEmpty() ? lastQuantized(context) : variable(name, context);
        try {
            return SizeReport.ofAny(model, context.state().target());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException((name.isEmpty() ? "the last quantized model" : name) + ": "
                    + e.getMessage(), e);
        }
    }

    private static Object lastQuantized(MagicContext context) {
        return context.latest(QuantizedModel.class).orElseThrow(() -> new IllegalArgumentException(
                "no quantized model yet: quantize one (var q = model.quantize(data.train().take(500))) "
                        + "or name a model: %size model"));
    }

    private static Object variable(String name, MagicContext context) {
        return context.variable(name).orElseThrow(() -> new IllegalArgumentException(
                "no variable '" + name + "' in this notebook: variables are " + context.variableNames()));
    }

    /** Names of the notebook's models: the variables %size can report on. */
    @Override
    public List<String> complete(String prefix, MagicContext context) {
        String typed = prefix == null ? "" : prefix.trim();
        return context.variableNames().stream().filter(n -> n.startsWith(typed))
                .filter(n -> context.variable(n).filter(SizeReport::canSize).isPresent()).toList();
    }
}
