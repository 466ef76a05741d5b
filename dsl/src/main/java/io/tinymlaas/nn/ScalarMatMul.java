package io.tinymlaas.nn;

import java.util.Arrays;

/** Plain loops; the JIT vectorises the inner row update. The fallback without the Vector API. */
final class ScalarMatMul extends MatMul {
    @Override
    void multiply(int m, int n, int k, float[] a, int aOff, int aRow, int aCol,
                  float[] b, int bOff, float[] c, int cOff, boolean add) {
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * n;
            if (!add) {
                Arrays.fill(c, ci, ci + n, 0f);
            }
            int ai = aOff + i * aRow;
            for (int p = 0; p < k; p++) {
                float av = a[ai + p * aCol];
                int bp = bOff + p * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += av * b[bp + j];
                }
            }
        }
    }

    @Override
    void multiplyByTransposed(int m, int n, int k, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff) {
        for (int i = 0; i < m; i++) {
            int ai = aOff + i * k;
            for (int j = 0; j < n; j++) {
                int bj = bOff + j * k;
                float sum = 0f;
                for (int p = 0; p < k; p++) {
                    sum += a[ai + p] * b[bj + p];
                }
                c[cOff + i * n + j] = sum;
            }
        }
    }

    @Override
    void clampBackward(float[] y, float[] dy, float[] dx, int count, float max) {
        for (int i = 0; i < count; i++) {
            dx[i] = y[i] > 0f && y[i] < max ? dy[i] : 0f;
        }
    }

    @Override
    String describe() {
        return "scalar";
    }
}
