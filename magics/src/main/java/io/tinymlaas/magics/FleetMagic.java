package io.tinymlaas.magics;

import io.tinymlaas.fleet.EmbeddedBroker;
import io.tinymlaas.fleet.Fleet;
import io.tinymlaas.fleet.NetworkBoards;
import io.tinymlaas.quant.QuantizedModel;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code %fleet}: a fleet of boards over MQTT (docs/fleet.md). {@code %fleet start 20} starts a broker
 * and 20 boards on this computer, {@code %fleet connect URL} joins a broker elsewhere; both leave the
 * variable {@code fleet} for the cells that follow. Then {@code %fleet} shows the boards,
 * {@code %fleet deploy [model]} rolls a model out (a canary first), {@code %fleet rollback} undoes
 * the last rollout and {@code %fleet telemetry [seconds]} watches the boards' reports live.
 */
public final class FleetMagic extends NamedMagic {
    private static final List<String> ACTIONS = List.of("start", "connect", "deploy", "rollback", "telemetry");
    private static final int DEFAULT_TELEMETRY_SECONDS = 10;

    public FleetMagic() {
        super("%fleet [start N | connect URL | deploy [model] | rollback | telemetry [seconds]]  boards over MQTT:"
                + " alone, the boards and what they run");
    }

    @Override
    public Object run(String args, MagicContext context) {
        String[] words = args == null || args.isBlank() ? new String[0] : args.trim().split("\\s+");
        if (words.length == 0) {
            return fleet(context);
        }
        String action = words[0].toLowerCase(Locale.ROOT);
        return switch (action) {
            case "start" -> start(argument(words, "start", "how many boards, e.g. %fleet start 20"), context);
            case "connect" -> connect(argument(words, "connect", "the broker's URL, e.g. %fleet connect mqtt://localhost:1883"), context);
            case "deploy" -> fleet(context).deploy(model(words.length > 1 ? words[1] : null, context));
            case "rollback" -> fleet(context).rollback();
            case "telemetry" -> watch(fleet(context), words.length > 1 ? seconds(words[1]) : DEFAULT_TELEMETRY_SECONDS, context);
            default -> throw new IllegalArgumentException("%fleet " + words[0] + ": no such action; use one of " + ACTIONS);
        };
    }

    /** A broker and {@code count} boards on this computer, and a fleet connected to them. */
    private static Fleet start(String count, MagicContext context) {
        int boards;
        try {
            boards = Integer.parseInt(count);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("%fleet start " + count + ": give a number of boards, e.g. %fleet start 20", e);
        }
        EmbeddedBroker broker = context.latest(EmbeddedBroker.class).orElseGet(EmbeddedBroker::start);
        context.setVariable("broker", broker);
        NetworkBoards started = NetworkBoards.on(broker.url()).count(boards).simulate(2).start();
        context.setVariable("boards", started);
        Fleet fleet = connect(broker.url(), context);
        fleet.awaitOnline(boards, Duration.ofSeconds(30));
        return fleet;
    }

    private static Fleet connect(String url, MagicContext context) {
        context.latest(Fleet.class).ifPresent(Fleet::close);
        Fleet fleet = Fleet.connect(url);
        context.setVariable("fleet", fleet);
        return fleet;
    }

    /** Telemetry in one display, updated every second until {@code seconds} passed or ■. */
    private static Object watch(Fleet fleet, int seconds, MagicContext context) {
        String id = context.display(fleet.telemetry());
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end && !context.interrupted()) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            context.updateDisplay(id, fleet.telemetry());
        }
        return null;
    }

    private static Fleet fleet(MagicContext context) {
        return context.latest(Fleet.class).orElseThrow(() -> new IllegalArgumentException(
                "no fleet yet: %fleet start 20 runs a broker and 20 boards on this computer,"
                        + " %fleet connect mqtt://host:1883 joins a broker"));
    }

    private static QuantizedModel model(String name, MagicContext context) {
        if (name == null) {
            return context.latest(QuantizedModel.class).orElseThrow(() -> new IllegalArgumentException(
                    "no quantized model yet: quantize one (var q = model.quantize(data.train().take(500)))"
                            + " or name it: %fleet deploy q"));
        }
        Object value = context.variable(name).orElseThrow(() -> new IllegalArgumentException(
                "no variable '" + name + "' in this notebook: variables are " + context.variableNames()));
        if (value instanceof QuantizedModel q) {
            return q;
        }
        throw new IllegalArgumentException(name + " is a " + value.getClass().getSimpleName()
                + ", not a quantized model: %fleet deploy takes one (var q = model.quantize(data.train().take(500)))");
    }

    private static String argument(String[] words, String action, String what) {
        if (words.length < 2) {
            throw new IllegalArgumentException("%fleet " + action + " needs " + what);
        }
        return words[1];
    }

    private static int seconds(String word) {
        try {
            int s = Integer.parseInt(word);
            if (s >= 1 && s <= 3600) {
                return s;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("%fleet telemetry " + word + ": give seconds between 1 and 3600, e.g. %fleet telemetry 30");
    }

    /** The word being typed: an action, or a quantized model's name (for {@code deploy}). */
    @Override
    public List<String> complete(String prefix, MagicContext context) {
        String typed = prefix == null ? "" : prefix.trim();
        List<String> models = context.variableNames().stream()
                .filter(n -> context.variable(n).filter(QuantizedModel.class::isInstance).isPresent()).toList();
        return Stream.concat(ACTIONS.stream(), models.stream()).filter(w -> w.startsWith(typed)).toList();
    }
}
