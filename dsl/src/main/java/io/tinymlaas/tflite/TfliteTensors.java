package io.tinymlaas.tflite;

import io.tinymlaas.data.Shape;
import org.tensorflow.lite.schema.Buffer;
import org.tensorflow.lite.schema.Model;
import org.tensorflow.lite.schema.QuantizationParameters;
import org.tensorflow.lite.schema.SubGraph;
import org.tensorflow.lite.schema.Tensor;
import org.tensorflow.lite.schema.TensorType;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The tensors of a .tflite subgraph, read with every length checked against the file before it is
 * used (flatbuffers-java has no verifier): names, types, shapes, quantization and constant data.
 */
final class TfliteTensors {
    /** TFLite's kernels handle up to 6 dimensions; more is a damaged file. */
    private static final int MAX_RANK = 6;

    private final Model model;
    private final SubGraph subgraph;
    private final int count;
    private final int fileBytes;

    TfliteTensors(Model model, SubGraph subgraph, int fileBytes) {
        this.model = model;
        this.subgraph = subgraph;
        this.fileBytes = fileBytes;
        this.count = subgraph.tensorsLength();
        TfliteReader.requireCount(count, "tensors", fileBytes);
    }

    int count() {
        return count;
    }

    Tensor get(int index) {
        if (index < 0 || index >= count) {
            throw new TfliteFormatException("tensor index " + index + " is out of range: the subgraph has " + count
                    + " tensors");
        }
        return subgraph.tensors(index);
    }

    /** "tensor 3 'dense/MatMul'" for messages. */
    String describe(int index) {
        return "tensor " + index + " '" + name(index) + "'";
    }

    String name(int index) {
        ByteBuffer bytes = get(index).nameAsByteBuffer();
        if (bytes == null) {
            return "";
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw new TfliteFormatException("tensor " + index + " has a name that is not UTF-8", e);
        }
    }

    byte type(int index) {
        return get(index).type();
    }

    String typeName(int index) {
        byte type = type(index);
        return type >= 0 && type < TensorType.names.length ? TensorType.name(type) : "type " + type;
    }

    /** The dimensions as stored, batch included. */
    int[] dims(int index) {
        Tensor t = get(index);
        int rank = t.shapeLength();
        if (rank < 0 || rank > MAX_RANK) {
            throw new TfliteFormatException(describe(index) + " has rank " + rank + ": a damaged file (at most "
                    + MAX_RANK + ")");
        }
        int[] dims = new int[rank];
        for (int i = 0; i < rank; i++) {
            dims[i] = t.shape(i);
            if (dims[i] < 1) {
                throw new TfliteFormatException(describe(index) + " has dimension " + i + " = " + dims[i]
                        + ": only fixed shapes of positive sizes import");
            }
        }
        return dims;
    }

    /** The shape of an activation tensor without its batch dimension, which must be 1. */
    Shape activationShape(int index) {
        int[] dims = dims(index);
        if (dims.length < 2 || dims[0] != 1) {
            throw new TfliteFormatException(describe(index) + " has shape " + Arrays.toString(dims)
                    + ": an activation needs a leading batch dimension of 1 (export the model with batch size 1)");
        }
        int[] inner = Arrays.copyOfRange(dims, 1, dims.length);
        long size = 1;
        for (int d : inner) {
            size *= d;
        }
        if (size > fileBytes * 64L + 1_000_000) {
            throw new TfliteFormatException(describe(index) + " has " + size + " elements: too large for a model of "
                    + fileBytes + " bytes");
        }
        return Shape.of(inner);
    }

    /** The quantization of a tensor; refuses one without scales (a float tensor in an int8 place). */
    QuantizationParameters quantization(int index) {
        QuantizationParameters q = get(index).quantization();
        if (q == null || q.scaleLength() == 0) {
            throw new TfliteFormatException(describe(index) + " (" + typeName(index) + ") has no quantization scale:"
                    + " only int8 models import (convert with full-integer quantization)");
        }
        TfliteReader.requireCount(q.scaleLength(), describe(index) + " scales", fileBytes);
        if (q.zeroPointLength() != q.scaleLength()) {
            throw new TfliteFormatException(describe(index) + " has " + q.scaleLength() + " scales but "
                    + q.zeroPointLength() + " zero points");
        }
        return q;
    }

    /** Per-tensor scale of an activation tensor: finite and positive. */
    float scale(int index) {
        QuantizationParameters q = quantization(index);
        if (q.scaleLength() != 1) {
            throw new TfliteFormatException(describe(index) + " is quantized per channel (" + q.scaleLength()
                    + " scales): activations must be quantized per tensor");
        }
        return checkedScale(index, q.scale(0));
    }

    /** Zero point of an 8-bit tensor, in the range of its type (INT8 −128..127, UINT8 0..255). */
    int zeroPoint(int index) {
        long zp = quantization(index).zeroPoint(0);
        int min = type(index) == TensorType.UINT8 ? 0 : -128;
        if (zp < min || zp > min + 255) {
            throw new TfliteFormatException(describe(index) + " (" + typeName(index) + ") has zero point " + zp
                    + ": outside its type's range");
        }
        return (int) zp;
    }

    /** Scales of a constant's channels, each finite and positive; zero points must all be 0 (symmetric). */
    float[] weightScales(int index) {
        QuantizationParameters q = quantization(index);
        float[] scales = new float[q.scaleLength()];
        for (int c = 0; c < scales.length; c++) {
            scales[c] = checkedScale(index, q.scale(c));
            if (q.zeroPoint(c) != 0) {
                throw new TfliteFormatException(describe(index) + " has zero point " + q.zeroPoint(c) + " in channel "
                        + c + ": int8 weights must be symmetric (zero point 0)");
            }
        }
        return scales;
    }

    int quantizedDimension(int index) {
        return quantization(index).quantizedDimension();
    }

    /** The constant data of a tensor, exactly {@code bytes} long. */
    byte[] data(int index, int bytes) {
        long buffer = get(index).buffer();
        if (buffer <= 0 || buffer >= model.buffersLength()) {
            throw new TfliteFormatException(describe(index) + " should hold constants but points at buffer " + buffer
                    + (buffer == 0 ? " (the empty buffer)" : ", and the model has " + model.buffersLength()));
        }
        Buffer b = model.buffers((int) buffer);
        ByteBuffer data = b == null ? null : b.dataAsByteBuffer();
        int length = data == null ? 0 : data.remaining();
        if (length != bytes) {
            throw new TfliteFormatException(describe(index) + " needs " + bytes + " bytes of data but its buffer "
                    + buffer + " holds " + length + (length < bytes ? ": the file is truncated or damaged" : ""));
        }
        byte[] copy = new byte[bytes];
        data.get(copy);
        return copy;
    }

    /** Int32 constants, little-endian as TFLite stores them. */
    int[] int32s(int index, int count) {
        if (type(index) != TensorType.INT32) {
            throw new TfliteFormatException(describe(index) + " is " + typeName(index) + ": expected INT32");
        }
        ByteBuffer data = ByteBuffer.wrap(data(index, 4 * count)).order(ByteOrder.LITTLE_ENDIAN);
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            values[i] = data.getInt();
        }
        return values;
    }

    private float checkedScale(int index, float scale) {
        if (!(scale > 0f) || Float.isInfinite(scale)) {
            throw new TfliteFormatException(describe(index) + " has scale " + scale + ": scales must be finite and positive");
        }
        return scale;
    }
}
