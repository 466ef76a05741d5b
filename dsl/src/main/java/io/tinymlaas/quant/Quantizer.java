package io.tinymlaas.quant;

import io.tinymlaas.data.Dataset;
import io.tinymlaas.data.Shape;
import io.tinymlaas.nn.AvgPool2D;
import io.tinymlaas.nn.Conv2D;
import io.tinymlaas.nn.Dense;
import io.tinymlaas.nn.DepthwiseConv2D;
import io.tinymlaas.nn.Dropout;
import io.tinymlaas.nn.Flatten;
import io.tinymlaas.nn.Layer;
import io.tinymlaas.nn.MaxPool2D;
import io.tinymlaas.nn.Model;
import io.tinymlaas.nn.Padding;
import io.tinymlaas.nn.ReLU;
import io.tinymlaas.nn.ReLU6;
import io.tinymlaas.nn.Softmax;

import java.util.ArrayList;
import java.util.List;

/**
 * Post-training int8 quantization following the TFLite int8 specification: weights symmetric
 * per output channel, int32 bias, activations asymmetric from the calibration set's ranges,
 * ReLU/ReLU6 fused into the op before them as clamps, pooling and flatten keeping their input's
 * parameters, softmax output at scale 1/256 and zero point -128. Dropout is the identity at
 * inference and disappears.
 */
public final class Quantizer {
    private final List<Layer> layers;
    private final Calibration ranges;
    private final List<TensorSpec> tensors = new ArrayList<>();
    private final List<Integer> sourceLayers = new ArrayList<>();
    private final List<Int8Op> ops = new ArrayList<>();

    private Quantizer(List<Layer> layers, Calibration ranges) {
        this.layers = layers;
        this.ranges = ranges;
    }

    /** Quantizes {@code model} with activation ranges observed on {@code calibration} (a few hundred samples suffice). */
    public static QuantizedModel quantize(Model model, Dataset calibration) {
        List<Layer> layers = model.layers();
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("the model has no layers to quantize");
        }
        Shape inputShape = layers.get(0).inputShape();
        if (calibration == null || calibration.isEmpty()) {
            throw new IllegalArgumentException("the calibration set is empty: pass some training samples, e.g. data.train().take(500)");
        }
        if (!calibration.shape().equals(inputShape)) {
            throw new IllegalArgumentException("calibration samples have shape " + calibration.shape()
                    + " but the model takes " + inputShape + ": calibrate with the data the model was trained on");
        }
        Quantizer q = new Quantizer(layers, Calibration.observe(model, calibration));
        return q.build();
    }

    private QuantizedModel build() {
        int current = addTensor("input", layers.get(0).inputShape(), ranges.input(), -1);
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            if (layer instanceof Dropout) {
                continue;
            }
            if (layer instanceof Dense || layer instanceof Conv2D || layer instanceof DepthwiseConv2D) {
                int activationAt = nextKept(i + 1);
                FusedActivation activation = activationAt < layers.size() ? fusable(layers.get(activationAt)) : FusedActivation.NONE;
                int last = activation == FusedActivation.NONE ? i : activationAt;
                current = addWeighted(layer, activation, current, last);
                i = last;
            } else if (layer instanceof MaxPool2D pool) {
                current = addOp(OpKind.MAX_POOL_2D, layer, current, inherited(current), i,
                        window(layer, pool.kernelH(), pool.kernelW(), pool.strideH(), pool.strideW(), pool.padding()));
            } else if (layer instanceof AvgPool2D pool) {
                current = addOp(OpKind.AVERAGE_POOL_2D, layer, current, inherited(current), i,
                        window(layer, pool.kernelH(), pool.kernelW(), pool.strideH(), pool.strideW(), pool.padding()));
            } else if (layer instanceof Flatten) {
                current = addOp(OpKind.RESHAPE, layer, current, inherited(current), i, Window.NONE);
            } else if (layer instanceof Softmax) {
                current = addSoftmax(layer, current, i);
            } else if (layer instanceof ReLU || layer instanceof ReLU6) {
                String before = i == 0 ? "the model input" : layers.get(i - 1).name();
                throw new IllegalArgumentException("layer " + layer.name() + " (" + layer.getClass().getSimpleName()
                        + ") after " + before + " has no int8 form on its own: int8 fuses ReLU/ReLU6 into the dense,"
                        + " conv2d or depthwiseConv2d right before it; move it there");
            } else {
                throw new IllegalArgumentException("layer " + layer.name() + " (" + layer.getClass().getSimpleName()
                        + ") has no int8 form: int8 models support dense, conv2d, depthwiseConv2d, maxPool, avgPool,"
                        + " flatten, relu, relu6, softmax and dropout");
            }
        }
        Int8Graph graph = new Int8Graph(tensors, ops, 0, current);
        return new QuantizedModel(graph, sourceLayers.stream().mapToInt(Integer::intValue).toArray());
    }

    private int nextKept(int from) {
        int j = from;
        while (j < layers.size() && layers.get(j) instanceof Dropout) {
            j++;
        }
        return j;
    }

    private static FusedActivation fusable(Layer layer) {
        return layer instanceof ReLU ? FusedActivation.RELU : layer instanceof ReLU6 ? FusedActivation.RELU6 : FusedActivation.NONE;
    }

    private int addWeighted(Layer layer, FusedActivation activation, int input, int lastLayer) {
        TensorSpec in = tensors.get(input);
        QuantParams outParams = ranges.output(lastLayer);
        PerChannelWeights weights;
        float[] bias;
        OpKind kind;
        Window window;
        if (layer instanceof Dense dense) {
            kind = OpKind.FULLY_CONNECTED;
            weights = PerChannelWeights.quantize(dense.weights(), dense.units(), false);
            bias = dense.bias();
            window = Window.NONE;
        } else if (layer instanceof Conv2D conv) {
            kind = OpKind.CONV_2D;
            weights = PerChannelWeights.quantize(conv.weights(), conv.filters(), false);
            bias = conv.bias();
            window = window(layer, conv.kernelH(), conv.kernelW(), conv.strideH(), conv.strideW(), conv.padding());
        } else {
            DepthwiseConv2D dw = (DepthwiseConv2D) layer;
            kind = OpKind.DEPTHWISE_CONV_2D;
            weights = PerChannelWeights.quantize(dw.weights(), dw.outputShape().dim(2), true);
            bias = dw.bias();
            window = window(layer, dw.kernelH(), dw.kernelW(), dw.strideH(), dw.strideW(), dw.padding());
        }
        int channels = weights.scales().length;
        int[] multipliers = new int[channels];
        int[] shifts = new int[channels];
        for (int c = 0; c < channels; c++) {
            TflmArith.QuantizedMultiplier m = TflmParams.outputMultiplier(in.scale(), weights.scales()[c], outParams.scale());
            multipliers[c] = m.multiplier();
            shifts[c] = m.shift();
        }
        int[] range = activation.range(outParams.scale(), outParams.zeroPoint());
        int output = addTensor(layer.name(), layer.outputShape(), outParams, lastLayer);
        ops.add(new Int8Op(kind, layer.name(), input, output, window, weights.values(),
                weights.quantizeBias(bias, in.scale()), multipliers, shifts, range[0], range[1], 0));
        return output;
    }

    private int addSoftmax(Layer layer, int input, int index) {
        SoftmaxScaling s = SoftmaxScaling.of(tensors.get(input).scale(), 1.0f);
        int output = addTensor(layer.name(), layer.outputShape(), QuantParams.SOFTMAX_OUTPUT, index);
        ops.add(new Int8Op(OpKind.SOFTMAX, layer.name(), input, output, Window.NONE, new byte[0], new int[0],
                new int[] {s.inputMultiplier()}, new int[] {s.inputLeftShift()}, -128, 127, s.diffMin()));
        return output;
    }

    /** Ops without parameters: pooling and reshape. */
    private int addOp(OpKind kind, Layer layer, int input, QuantParams params, int index, Window window) {
        int output = addTensor(layer.name(), layer.outputShape(), params, index);
        ops.add(new Int8Op(kind, layer.name(), input, output, window, new byte[0], new int[0], new int[0], new int[0],
                -128, 127, 0));
        return output;
    }

    private QuantParams inherited(int tensor) {
        TensorSpec t = tensors.get(tensor);
        return new QuantParams(t.scale(), t.zeroPoint());
    }

    private int addTensor(String name, Shape shape, QuantParams params, int sourceLayer) {
        tensors.add(new TensorSpec(name, shape, params.scale(), params.zeroPoint()));
        sourceLayers.add(sourceLayer);
        return tensors.size() - 1;
    }

    /** The window with SAME padding resolved to TFLM's top/left offsets from the layer's own output size. */
    private static Window window(Layer layer, int kernelH, int kernelW, int strideH, int strideW, Padding padding) {
        if (padding == Padding.VALID) {
            return new Window(kernelH, kernelW, strideH, strideW, 0, 0);
        }
        Shape in = layer.inputShape();
        Shape out = layer.outputShape();
        return new Window(kernelH, kernelW, strideH, strideW,
                TflmParams.samePadding(strideH, in.dim(0), kernelH, out.dim(0)),
                TflmParams.samePadding(strideW, in.dim(1), kernelW, out.dim(1)));
    }
}
