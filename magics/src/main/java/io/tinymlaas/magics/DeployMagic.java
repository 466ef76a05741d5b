package io.tinymlaas.magics;

import io.tinymlaas.data.Dataset;
import io.tinymlaas.device.Device;
import io.tinymlaas.device.SerialPorts;
import io.tinymlaas.live.DeployedModel;
import io.tinymlaas.quant.QuantizedModel;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code %deploy [model] [to BOARD]}: uploads a quantized model (alone: the one assigned last) to
 * a board ({@link BoardChoice}), checks it, and keeps it open in the notebook variable
 * {@value #VARIABLE} for the next cells; the board open before is closed.
 */
public final class DeployMagic extends NamedMagic {
    static final String VARIABLE = "board";

    public DeployMagic() {
        super("%deploy [model] [to BOARD]  upload a quantized model (default: the last one) to a board "
                + "(host, qemu-m4 or a serial port; default: an attached board of the %target, else qemu-m4) "
                + "and keep it in the variable " + VARIABLE);
    }

    @Override
    public Object run(String args, MagicContext context) {
        List<String> words = args == null || args.isBlank() ? List.of() : List.of(args.trim().split("\\s+"));
        int to = words.indexOf("to");
        List<String> modelWords = to < 0 ? words : words.subList(0, to);
        if (modelWords.size() > 1 || (to >= 0 && to != words.size() - 2)) {
            throw new IllegalArgumentException("cannot read '" + args.trim() + "': write %deploy, %deploy q, "
                    + "%deploy to host or %deploy q to qemu-m4");
        }
        String modelName = modelWords.isEmpty() ? lastQuantizedName(context) : modelWords.get(0);
        QuantizedModel model = quantized(modelName, context);
        String board = to < 0 ? null : words.get(to + 1);
        BoardChoice choice = BoardChoice.choose(board, context.state().target().name(), SerialPorts.list(),
                BoardChoice.qemuUsable());
        // The board open before keeps working until the new one has the model, unless it is the
        // same board: a serial port opens once.
        if (context.state().device().filter(d -> d.name().equals(choice.board())).isPresent()) {
            context.state().closeDevice();
        }
        Device device = Device.open(choice.board());
        DeployedModel deployed;
        try {
            deployed = DeployedModel.deploy(device, model, modelName, choice.why(),
                    context.latest(Dataset.class).orElse(null));
        } catch (RuntimeException e) {
            device.close();
            throw e;
        }
        context.state().device(device);
        context.setVariable(VARIABLE, deployed);
        return deployed;
    }

    private static String lastQuantizedName(MagicContext context) {
        List<String> names = context.variableNames();
        for (int i = names.size() - 1; i >= 0; i--) {
            if (context.variable(names.get(i)).filter(QuantizedModel.class::isInstance).isPresent()) {
                return names.get(i);
            }
        }
        throw new IllegalArgumentException("no quantized model yet: quantize one "
                + "(var q = model.quantize(data.train().take(500))), then %deploy");
    }

    private static QuantizedModel quantized(String name, MagicContext context) {
        Object value = context.variable(name).orElseThrow(() -> new IllegalArgumentException(
                "no variable '" + name + "' in this notebook: variables are " + context.variableNames()));
        if (value instanceof QuantizedModel q) {
            return q;
        }
        if (value instanceof io.tinymlaas.nn.Model) {
            throw new IllegalArgumentException(name + " is a float Model: a board runs int8, so quantize it first "
                    + "(var q = " + name + ".quantize(data.train().take(500))), then %deploy q");
        }
        throw new IllegalArgumentException(name + " is a " + value.getClass().getSimpleName()
                + ", not a quantized model: %deploy takes a QuantizedModel, e.g. var q = model.quantize(data.train().take(500))");
    }

    /** Quantized models to deploy, then "to" and the boards: emulated ones and attached ports. */
    @Override
    public List<String> complete(String prefix, MagicContext context) {
        String typed = prefix == null ? "" : prefix.stripLeading();
        int space = typed.lastIndexOf(' ');
        String word = typed.substring(space + 1);
        List<String> before = space < 0 ? List.of() : List.of(typed.substring(0, space).trim().split("\\s+"));
        List<String> options = new ArrayList<>();
        if (!before.isEmpty() && before.get(before.size() - 1).equals("to")) {
            options.addAll(BoardChoice.EMULATED);
            SerialPorts.list().forEach(p -> options.add(p.path()));
        } else if (!before.contains("to")) {
            if (before.isEmpty()) {
                context.variableNames().stream()
                        .filter(n -> context.variable(n).filter(QuantizedModel.class::isInstance).isPresent())
                        .forEach(options::add);
            }
            options.add("to");
        }
        return Stream.of(options.toArray(String[]::new)).filter(o -> o.startsWith(word)).distinct().toList();
    }
}
