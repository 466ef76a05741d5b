package io.tinymlaas.nn;

/**
 * The one matrix product the layers need: C = A·B or C += A·B, with B and C row-major and A
 * read through strides, so that a transposed A costs nothing: A(i, p) = a[aOff + i*aRow + p*aCol].
 * The JDK Vector API version is used when the {@code jdk.incubator.vector} module is present.
 * Also the few element-wise loops that the JIT does not vectorise by itself.
 */
abstract class MatMul {
    static final MatMul INSTANCE = choose();

    /**
     * C[i][j] (+)= sum over p of A(i, p) * B[p][j] for i &lt; m, j &lt; n, p &lt; k; B has n columns
     * from {@code bOff}, C has n columns from {@code cOff}; {@code add} keeps C's values.
     */
    abstract void multiply(int m, int n, int k, float[] a, int aOff, int aRow, int aCol,
                           float[] b, int bOff, float[] c, int cOff, boolean add);

    /**
     * C[i][j] = sum over p of A[i][p] * B[j][p]: rows of A against rows of B (a dense layer's
     * inputs against its [out][in] weights), all row-major with k columns, C with n columns.
     */
    abstract void multiplyByTransposed(int m, int n, int k, float[] a, int aOff, float[] b, int bOff,
                                       float[] c, int cOff);

    /**
     * dx[i] = 0 &lt; y[i] &lt; max ? dy[i] : 0 for i &lt; count: the gradient through min(max(x, 0), max)
     * from its output (a ReLU's with max infinite, a ReLU6's with 6).
     */
    abstract void clampBackward(float[] y, float[] dy, float[] dx, int count, float max);

    /** "vector (16 lanes)" or "scalar": which kernel runs. */
    abstract String describe();

    private static MatMul choose() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                && !Boolean.getBoolean("tinyml.scalar")) {
            try {
                return (MatMul) Class.forName("io.tinymlaas.nn.VectorMatMul").getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                return new ScalarMatMul();
            }
        }
        return new ScalarMatMul();
    }

    /** dst[j][i] = src[i][j] for a rows × cols source at srcOff, written from dstOff. */
    static void transpose(float[] src, int srcOff, int rows, int cols, float[] dst, int dstOff) {
        for (int i = 0; i < rows; i++) {
            int from = srcOff + i * cols;
            for (int j = 0; j < cols; j++) {
                dst[dstOff + j * rows + i] = src[from + j];
            }
        }
    }
}
