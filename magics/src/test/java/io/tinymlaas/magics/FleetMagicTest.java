package io.tinymlaas.magics;

import io.tinymlaas.data.Dataset;
import io.tinymlaas.data.Shape;
import io.tinymlaas.fleet.EmbeddedBroker;
import io.tinymlaas.fleet.Fleet;
import io.tinymlaas.fleet.FleetTelemetry;
import io.tinymlaas.fleet.NetworkBoards;
import io.tinymlaas.fleet.RolloutResult;
import io.tinymlaas.nn.Model;
import io.tinymlaas.quant.QuantizedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** %fleet through its whole life: start boards, deploy the last model, watch telemetry, roll back. */
class FleetMagicTest {
    private final FleetMagic magic = new FleetMagic();

    @Test
    void startDeployWatchAndRollBack(@TempDir Path dir) throws Exception {
        FakeContext context = new FakeContext().with("broker", EmbeddedBroker.start(0, dir));
        try {
            IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> magic.run("", context));
            assertTrue(none.getMessage().contains("%fleet start 20"), none.getMessage());

            Fleet fleet = assertInstanceOf(Fleet.class, magic.run("start 3", context));
            assertEquals(3, fleet.statuses().stream().filter(s -> s.online()).count());
            assertTrue(context.variable("fleet").isPresent() && context.variable("boards").isPresent());

            IllegalArgumentException noModel = assertThrows(IllegalArgumentException.class, () -> magic.run("deploy", context));
            assertTrue(noModel.getMessage().contains("no quantized model yet"), noModel.getMessage());
            context.with("first", tiny(1)).with("second", tiny(2));
            RolloutResult second = assertInstanceOf(RolloutResult.class, magic.run("deploy", context));
            assertEquals("done", second.phase(), second::toString);
            RolloutResult first = assertInstanceOf(RolloutResult.class, magic.run("deploy first", context));
            assertEquals("done", first.phase(), first::toString);
            assertTrue(!first.model().equals(second.model()), "two different models");

            magic.run("telemetry 2", context);
            assertInstanceOf(FleetTelemetry.class, context.shown.get(0));
            assertTrue(((FleetTelemetry) context.shown.get(0)).inferences() > 0, "the boards reported inferences");

            RolloutResult back = assertInstanceOf(RolloutResult.class, magic.run("rollback", context));
            assertEquals("rolled back", back.phase(), back::toString);
            assertTrue(back.outcomes().stream().allMatch(o -> o.model().equals(second.model())), back::toString);

            IllegalArgumentException bogus = assertThrows(IllegalArgumentException.class, () -> magic.run("launch", context));
            assertTrue(bogus.getMessage().contains("[start, connect, deploy, rollback, telemetry]"), bogus.getMessage());
            IllegalArgumentException notModel = assertThrows(IllegalArgumentException.class, () -> magic.run("deploy fleet", context));
            assertTrue(notModel.getMessage().contains("not a quantized model"), notModel.getMessage());
            assertEquals(List.of("deploy"), magic.complete("de", context));
            assertEquals(List.of("first"), magic.complete("fi", context));
        } finally {
            context.variable("fleet").map(Fleet.class::cast).ifPresent(Fleet::close);
            context.variable("boards").map(NetworkBoards.class::cast).ifPresent(NetworkBoards::close);
            ((EmbeddedBroker) context.variable("broker").orElseThrow()).close();
        }
    }

    /** A small classifier calibrated on random data (a seed a model): distinct bytes for each. */
    private static QuantizedModel tiny(long seed) {
        Random r = new Random(seed);
        float[][] x = new float[64][8];
        int[] y = new int[64];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < 8; j++) {
                x[i][j] = (float) r.nextGaussian();
            }
            y[i] = r.nextInt(3);
        }
        Dataset data = Dataset.of(Shape.of(8), x, y);
        Model m = Model.sequential(Shape.of(8)).dense(3).softmax();
        return m.quantize(data);
    }
}
