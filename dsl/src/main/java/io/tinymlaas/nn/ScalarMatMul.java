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
                if (av == 0f) {
                    continue; // ReLU outputs are often zero
                }
                int bp = bOff + p * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += av * b[bp + j];
                }
            }
        }
    }

    @Override
    String describe() {
        return "scalar";
    }
}
