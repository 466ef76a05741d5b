package io.tinymlaas.report;

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
import io.tinymlaas.nn.ReLU;
import io.tinymlaas.nn.ReLU6;
import io.tinymlaas.nn.Softmax;
import io.tinymlaas.quant.OpKind;
import io.tinymlaas.quant.Window;

import java.util.ArrayList;
import java.util.List;

/**
 * A float {@link Model} as the ops a runtime executes: ReLU and ReLU6 fused into the op before
 * them (a clamp, as the quantizer and TFLite do), Dropout gone (identity at inference), every
 * other layer one op. Tensor 0 is the input, tensor i + 1 the output of op i.
 */
final class ModelNetwork {
    private ModelNetwork() {
    }

    static Network of(Model model) {
        List<LayerSpec> ops = new ArrayList<>();
        for (Layer layer : model.layers()) {
            if (layer instanceof ReLU || layer instanceof ReLU6 || layer instanceof Dropout) {
                continue;
            }
            int in = ops.size();
            ops.add(new LayerSpec(kindOf(layer), layer.name(), in, in + 1, layer.inputShape(),
                    layer.outputShape(), windowOf(layer), true));
        }
        Shape input = model.inputShape();
        return new Network(input, 0, ops.size(), ops.size() + 1, ops);
    }

    private static OpKind kindOf(Layer layer) {
        if (layer instanceof Dense) {
            return OpKind.FULLY_CONNECTED;
        } else if (layer instanceof Conv2D) {
            return OpKind.CONV_2D;
        } else if (layer instanceof DepthwiseConv2D) {
            return OpKind.DEPTHWISE_CONV_2D;
        } else if (layer instanceof MaxPool2D) {
            return OpKind.MAX_POOL_2D;
        } else if (layer instanceof AvgPool2D) {
            return OpKind.AVERAGE_POOL_2D;
        } else if (layer instanceof Flatten) {
            return OpKind.RESHAPE;
        } else if (layer instanceof Softmax) {
            return OpKind.SOFTMAX;
        }
        throw new IllegalArgumentException("layer " + layer.name() + " (" + layer.getClass().getSimpleName()
                + ") has no size model yet: the size report knows dense, conv2d, depthwiseConv2d, maxPool, "
                + "avgPool, flatten, relu, relu6, softmax and dropout");
    }

    /** Kernel and stride; padding does not change any size or count (the output shape has it). */
    private static Window windowOf(Layer layer) {
        if (layer instanceof Conv2D c) {
            return new Window(c.kernelH(), c.kernelW(), c.strideH(), c.strideW(), 0, 0);
        } else if (layer instanceof DepthwiseConv2D d) {
            return new Window(d.kernelH(), d.kernelW(), d.strideH(), d.strideW(), 0, 0);
        } else if (layer instanceof MaxPool2D p) {
            return new Window(p.kernelH(), p.kernelW(), p.strideH(), p.strideW(), 0, 0);
        } else if (layer instanceof AvgPool2D p) {
            return new Window(p.kernelH(), p.kernelW(), p.strideH(), p.strideW(), 0, 0);
        }
        return Window.NONE;
    }
}
