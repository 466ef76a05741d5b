package io.tinymlaas.fleet;

import io.tinymlaas.Displayable;
import io.tinymlaas.Html;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;

/**
 * How a rollout ended: {@code phase} is "done", "partial" (some boards did not take the model) or
 * "rolled back" (the canary check failed; {@code message} says why), and what each board did.
 */
public record RolloutResult(String model, String phase, String message, List<Outcome> outcomes) implements Displayable {

    /** One board: its role (canary, rest), the model it runs now, what happened, seconds since the rollout began. */
    public record Outcome(String id, String role, String model, String state, double seconds) {
    }

    public boolean succeeded() {
        return phase.equals("done");
    }

    /** The boards now running the rolled-out model. */
    public long running() {
        return outcomes.stream().filter(o -> o.state().equals("running")).count();
    }

    /** Seconds from the start to "running", at quantile q (0..1) over the boards that run it. */
    public double secondsToRunning(double q) {
        double[] s = outcomes.stream().filter(o -> o.state().equals("running")).mapToDouble(Outcome::seconds).sorted().toArray();
        if (s.length == 0) {
            return Double.NaN;
        }
        return s[Math.min(s.length - 1, Math.max(0, (int) Math.ceil(q * s.length) - 1))];
    }

    public Table table() {
        Table t = Table.create("rollout of " + model, StringColumn.create("id"), StringColumn.create("role"),
                StringColumn.create("model"), StringColumn.create("state"), DoubleColumn.create("seconds"));
        for (Outcome o : outcomes) {
            t.stringColumn("id").append(o.id());
            t.stringColumn("role").append(o.role());
            t.stringColumn("model").append(o.model());
            t.stringColumn("state").append(o.state());
            t.doubleColumn("seconds").append(Math.round(o.seconds() * 100) / 100.0);
        }
        return t;
    }

    @Override
    public String toString() {
        return "rollout of model " + model + ": " + phase + " (" + running() + " of " + outcomes.size() + " boards run it"
                + (message.isEmpty() ? "" : "; " + message) + ")";
    }

    @Override
    public String toHtml() {
        String subtitle = running() + " of " + outcomes.size() + " boards run it" + (message.isEmpty() ? "" : " — " + message);
        return Html.card("Rollout of model " + model + ": " + phase, subtitle, Html.table(table()));
    }
}
