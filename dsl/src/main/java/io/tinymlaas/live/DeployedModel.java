package io.tinymlaas.live;

import io.tinymlaas.Displayable;
import io.tinymlaas.Html;
import io.tinymlaas.data.Dataset;
import io.tinymlaas.data.Tensor;
import io.tinymlaas.device.Deployment;
import io.tinymlaas.device.Device;
import io.tinymlaas.device.DevicePrediction;
import io.tinymlaas.device.DeviceResult;
import io.tinymlaas.quant.QuantizedModel;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A quantized model running on a board: what {@code %deploy} leaves in the notebook variable
 * {@code board}. Predicts single inputs, streams a dataset through the board
 * ({@link #live}), and answers a drawing pad. Shows itself as the deployment card: board, model,
 * blob bytes, upload time and rate, arena, the CRC the board checked, and whether test inputs gave
 * on the board exactly the notebook's int8 bytes.
 */
public final class DeployedModel implements Displayable, AutoCloseable {
    /** How many inputs the deployment check runs on the board and in Java. */
    public static final int CHECK_INPUTS = 20;

    private final Device device;
    private final QuantizedModel model;
    private final String modelName;
    private final String choice;
    private final Deployment deployment;
    private final String checkSource;
    private final int checked;
    private final int identical;

    private DeployedModel(Device device, QuantizedModel model, String modelName, String choice, Deployment deployment,
                          String checkSource, int checked, int identical) {
        this.device = device;
        this.model = model;
        this.modelName = modelName;
        this.choice = choice;
        this.deployment = deployment;
        this.checkSource = checkSource;
        this.checked = checked;
        this.identical = identical;
    }

    /**
     * Uploads {@code model} to {@code device}, then runs {@value #CHECK_INPUTS} inputs on the board
     * and in Java and compares the output bytes: the first inputs of {@code checkData} (the test
     * part when it has one), or seeded random int8 inputs when {@code checkData} is null.
     *
     * @param choice one line saying which board this is and why (shown on the card)
     */
    public static DeployedModel deploy(Device device, QuantizedModel model, String modelName, String choice,
                                       Dataset checkData) {
        Deployment deployment = device.deploy(model);
        byte[][] inputs = checkInputs(model, checkData);
        int identical = 0;
        for (byte[] input : inputs) {
            DeviceResult onBoard = device.predictRaw(input);
            identical += Arrays.equals(onBoard.output(), model.predictRaw(input)) ? 1 : 0;
        }
        String source = checkData == null ? "random int8 inputs (seed 1)"
                : "test inputs of " + (checkData.hasTestPart() ? checkData.test() : checkData).name();
        return new DeployedModel(device, model, modelName, choice, deployment, source, inputs.length, identical);
    }

    private static byte[][] checkInputs(QuantizedModel model, Dataset data) {
        if (data != null) {
            Dataset part = data.hasTestPart() ? data.test() : data;
            if (part.shape().equals(model.inputSpec().shape()) && !part.isEmpty()) {
                int n = Math.min(CHECK_INPUTS, part.size());
                byte[][] inputs = new byte[n][];
                for (int i = 0; i < n; i++) {
                    inputs[i] = model.quantizeInput(part.input(i));
                }
                return inputs;
            }
        }
        SplittableRandom random = new SplittableRandom(1);
        byte[][] inputs = new byte[CHECK_INPUTS][model.inputSpec().bytes()];
        for (byte[] input : inputs) {
            for (int i = 0; i < input.length; i++) {
                input[i] = (byte) random.nextInt(-128, 128);
            }
        }
        return inputs;
    }

    /** Runs one input on the board: label, scores, raw bytes, the board's time. */
    public DevicePrediction predict(Tensor x) {
        try {
            return device.predict(x);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("the board " + device.name() + " is closed: run %deploy again", e);
        }
    }

    /**
     * Streams {@code data} through the board, one inference after another, showing one display
     * updated in place a few times a second: the current image, the board's label against the
     * truth, the running accuracy, agreement with the notebook's int8 bytes and a latency
     * histogram. ■ (interrupt) stops it after the current inference; the board stays usable.
     */
    public LiveSummary live(Dataset data) {
        return new LiveStream(this, data).run();
    }

    Device device() {
        return device;
    }

    public QuantizedModel model() {
        return model;
    }

    public Deployment deployment() {
        return deployment;
    }

    /** The board's name, e.g. "qemu-m4". */
    public String boardName() {
        return device.name();
    }

    /** How many of the check's inputs gave on the board exactly the notebook's output bytes. */
    public int identicalOutputs() {
        return identical;
    }

    public int checkedOutputs() {
        return checked;
    }

    @Override
    public void close() {
        device.close();
    }

    private double rateKbPerSecond() {
        return deployment.uploadMillis() == 0 ? Double.NaN : deployment.blobBytes() / 1024.0 / (deployment.uploadMillis() / 1000.0);
    }

    @Override
    public String toHtml() {
        String body = "<table>"
                + Html.row("board", device.name())
                + Html.row("model", modelName + " (" + model.parameterBytes() + " parameter bytes)")
                + Html.row("blob", String.format(Locale.ROOT, "%,d bytes", deployment.blobBytes()))
                + Html.row("upload", String.format(Locale.ROOT, "%,d ms, %.1f KB/s", deployment.uploadMillis(), rateKbPerSecond()))
                + Html.row("arena", String.format(Locale.ROOT, "%,d bytes", deployment.arenaBytes()))
                + Html.row("CRC", String.format("%08x, checked by the board", deployment.modelCrc()))
                + Html.row("same bytes", identical + " of " + checked + " " + checkSource
                        + (identical == checked ? " give exactly the notebook's int8 output" : " match the notebook: the board differs!"))
                + "</table><div style=\"color:#666;margin-top:6px\">Next: <code>board.predict(img)</code>, "
                + "<code>board.live(data.test().take(500))</code>, "
                + "<code>DrawPad.digits().onDraw(img -&gt; board.predict(img))</code></div>";
        return Html.card("Deployed " + modelName + " to " + device.name(), choice, body);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s on %s: blob %d bytes in %d ms (%.1f KB/s), arena %d bytes, CRC %08x checked, "
                        + "%d/%d outputs identical to the notebook's; %s", modelName, device.name(), deployment.blobBytes(),
                deployment.uploadMillis(), rateKbPerSecond(), deployment.arenaBytes(), deployment.modelCrc(), identical, checked,
                choice);
    }
}
