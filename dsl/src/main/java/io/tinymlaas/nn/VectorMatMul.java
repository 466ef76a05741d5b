package io.tinymlaas.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The matrix product on the JDK Vector API: register tiles of 4 rows of C by 4 vectors of
 * columns, each element of A broadcast once per tile and each row of B loaded once per tile.
 * Column tails narrower than a vector are done with scalars (masked operations are slow in JDK 17). Loaded only when the
 * {@code jdk.incubator.vector} module is present (see {@link MatMul#INSTANCE}).
 */
final class VectorMatMul extends MatMul {
    /**
     * One species for everything: 256 bits (8 floats, so a conv of 8 filters is one vector).
     * Measured on JDK 17: once code runs 512- and 256-bit vectors both, C2 stops compiling the
     * narrow kernels to vector instructions (a conv epoch went 20x slower); 512-bit alone gains
     * a third on wide products but has no fast path for narrow ones (masks are slow in JDK 17).
     */
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED.vectorBitSize() >= 256
            ? FloatVector.SPECIES_256 : FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    String describe() {
        return "vector (" + L + " lanes)";
    }

    @Override
    void multiply(int m, int n, int k, float[] a, int aOff, int aRow, int aCol,
                  float[] b, int bOff, float[] c, int cOff, boolean add) {
        int rows = m - m % 4;
        int j = 0;
        // column blocks outside, row blocks inside: a block of B (k x 4 vectors) stays in L1
        // while every row block of A passes over it
        for (; j + 4 * L <= n; j += 4 * L) {
            for (int i = 0; i < rows; i += 4) {
                tile4x4(i, j, n, k, a, aOff, aRow, aCol, b, bOff, c, cOff, add);
            }
        }
        for (; j + L <= n; j += L) {
            for (int i = 0; i < rows; i += 4) {
                tile4x1(i, j, n, k, a, aOff, aRow, aCol, b, bOff, c, cOff, add);
            }
        }
        for (; j < n; j++) {
            for (int i = 0; i < rows; i++) {
                column(i, j, n, k, a, aOff, aRow, aCol, b, bOff, c, cOff, add);
            }
        }
        for (int i = rows; i < m; i++) {
            row(i, n, k, a, aOff, aRow, aCol, b, bOff, c, cOff, add);
        }
    }

    private static void tile4x4(int i, int j, int n, int k, float[] a, int aOff, int aRow, int aCol,
                                float[] b, int bOff, float[] c, int cOff, boolean add) {
        int c0 = cOff + i * n + j;
        int c1 = c0 + n;
        int c2 = c1 + n;
        int c3 = c2 + n;
        FloatVector z = FloatVector.zero(S);
        FloatVector r00 = z;
        FloatVector r01 = z;
        FloatVector r02 = z;
        FloatVector r03 = z;
        FloatVector r10 = z;
        FloatVector r11 = z;
        FloatVector r12 = z;
        FloatVector r13 = z;
        FloatVector r20 = z;
        FloatVector r21 = z;
        FloatVector r22 = z;
        FloatVector r23 = z;
        FloatVector r30 = z;
        FloatVector r31 = z;
        FloatVector r32 = z;
        FloatVector r33 = z;
        int a0 = aOff + i * aRow;
        int bp = bOff + j;
        for (int p = 0; p < k; p++, a0 += aCol, bp += n) {
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bp + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, bp + 3 * L);
            FloatVector x = FloatVector.broadcast(S, a[a0]);
            r00 = x.fma(b0, r00);
            r01 = x.fma(b1, r01);
            r02 = x.fma(b2, r02);
            r03 = x.fma(b3, r03);
            x = FloatVector.broadcast(S, a[a0 + aRow]);
            r10 = x.fma(b0, r10);
            r11 = x.fma(b1, r11);
            r12 = x.fma(b2, r12);
            r13 = x.fma(b3, r13);
            x = FloatVector.broadcast(S, a[a0 + 2 * aRow]);
            r20 = x.fma(b0, r20);
            r21 = x.fma(b1, r21);
            r22 = x.fma(b2, r22);
            r23 = x.fma(b3, r23);
            x = FloatVector.broadcast(S, a[a0 + 3 * aRow]);
            r30 = x.fma(b0, r30);
            r31 = x.fma(b1, r31);
            r32 = x.fma(b2, r32);
            r33 = x.fma(b3, r33);
        }
        store(r00, c, c0, add);
        store(r01, c, c0 + L, add);
        store(r02, c, c0 + 2 * L, add);
        store(r03, c, c0 + 3 * L, add);
        store(r10, c, c1, add);
        store(r11, c, c1 + L, add);
        store(r12, c, c1 + 2 * L, add);
        store(r13, c, c1 + 3 * L, add);
        store(r20, c, c2, add);
        store(r21, c, c2 + L, add);
        store(r22, c, c2 + 2 * L, add);
        store(r23, c, c2 + 3 * L, add);
        store(r30, c, c3, add);
        store(r31, c, c3 + L, add);
        store(r32, c, c3 + 2 * L, add);
        store(r33, c, c3 + 3 * L, add);
    }

    private static void tile4x1(int i, int j, int n, int k, float[] a, int aOff, int aRow, int aCol,
                                float[] b, int bOff, float[] c, int cOff, boolean add) {
        int c0 = cOff + i * n + j;
        FloatVector z = FloatVector.zero(S);
        FloatVector r0 = z;
        FloatVector r1 = z;
        FloatVector r2 = z;
        FloatVector r3 = z;
        int a0 = aOff + i * aRow;
        int bp = bOff + j;
        for (int p = 0; p < k; p++, a0 += aCol, bp += n) {
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            r0 = FloatVector.broadcast(S, a[a0]).fma(b0, r0);
            r1 = FloatVector.broadcast(S, a[a0 + aRow]).fma(b0, r1);
            r2 = FloatVector.broadcast(S, a[a0 + 2 * aRow]).fma(b0, r2);
            r3 = FloatVector.broadcast(S, a[a0 + 3 * aRow]).fma(b0, r3);
        }
        store(r0, c, c0, add);
        store(r1, c, c0 + n, add);
        store(r2, c, c0 + 2 * n, add);
        store(r3, c, c0 + 3 * n, add);
    }

    /** One row of C, all columns. */
    private static void row(int i, int n, int k, float[] a, int aOff, int aRow, int aCol,
                            float[] b, int bOff, float[] c, int cOff, boolean add) {
        int ci = cOff + i * n;
        int ai = aOff + i * aRow;
        int j = 0;
        for (; j + L <= n; j += L) {
            FloatVector r = FloatVector.zero(S);
            int a0 = ai;
            int bp = bOff + j;
            for (int p = 0; p < k; p++, a0 += aCol, bp += n) {
                r = FloatVector.broadcast(S, a[a0]).fma(FloatVector.fromArray(S, b, bp), r);
            }
            store(r, c, ci + j, add);
        }
        for (; j < n; j++) {
            column(i, j, n, k, a, aOff, aRow, aCol, b, bOff, c, cOff, add);
        }
    }

    /**
     * Writes an accumulator, adding what C held when {@code add}. Accumulators always start at
     * zero: merging a loaded and a zero vector in one variable stops C2 from keeping it in a register.
     */
    private static void store(FloatVector r, float[] c, int at, boolean add) {
        if (add) {
            r.add(FloatVector.fromArray(S, c, at)).intoArray(c, at);
        } else {
            r.intoArray(c, at);
        }
    }

    private static void column(int i, int j, int n, int k, float[] a, int aOff, int aRow, int aCol,
                               float[] b, int bOff, float[] c, int cOff, boolean add) {
        float sum = add ? c[cOff + i * n + j] : 0f;
        int a0 = aOff + i * aRow;
        int bp = bOff + j;
        for (int p = 0; p < k; p++, a0 += aCol, bp += n) {
            sum += a[a0] * b[bp];
        }
        c[cOff + i * n + j] = sum;
    }

    @Override
    void multiplyByTransposed(int m, int n, int k, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff) {
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            int j = 0;
            for (; j + 4 <= n; j += 4) {
                dots4x4(i, j, n, k, a, aOff, b, bOff, c, cOff);
            }
            for (; j < n; j++) {
                for (int r = i; r < i + 4; r++) {
                    c[cOff + r * n + j] = dot(a, aOff + r * k, b, bOff + j * k, k);
                }
            }
        }
        for (; i < m; i++) {
            for (int j = 0; j < n; j++) {
                c[cOff + i * n + j] = dot(a, aOff + i * k, b, bOff + j * k, k);
            }
        }
    }

    /** 16 dot products: rows i..i+3 of A with rows j..j+3 of B. */
    private static void dots4x4(int i, int j, int n, int k, float[] a, int aOff, float[] b, int bOff,
                                float[] c, int cOff) {
        int a0 = aOff + i * k;
        int b0 = bOff + j * k;
        FloatVector z = FloatVector.zero(S);
        FloatVector s00 = z, s01 = z, s02 = z, s03 = z, s10 = z, s11 = z, s12 = z, s13 = z;
        FloatVector s20 = z, s21 = z, s22 = z, s23 = z, s30 = z, s31 = z, s32 = z, s33 = z;
        int p = 0;
        for (; p + L <= k; p += L) {
            FloatVector x0 = FloatVector.fromArray(S, a, a0 + p);
            FloatVector x1 = FloatVector.fromArray(S, a, a0 + k + p);
            FloatVector x2 = FloatVector.fromArray(S, a, a0 + 2 * k + p);
            FloatVector x3 = FloatVector.fromArray(S, a, a0 + 3 * k + p);
            FloatVector w = FloatVector.fromArray(S, b, b0 + p);
            s00 = x0.fma(w, s00);
            s10 = x1.fma(w, s10);
            s20 = x2.fma(w, s20);
            s30 = x3.fma(w, s30);
            w = FloatVector.fromArray(S, b, b0 + k + p);
            s01 = x0.fma(w, s01);
            s11 = x1.fma(w, s11);
            s21 = x2.fma(w, s21);
            s31 = x3.fma(w, s31);
            w = FloatVector.fromArray(S, b, b0 + 2 * k + p);
            s02 = x0.fma(w, s02);
            s12 = x1.fma(w, s12);
            s22 = x2.fma(w, s22);
            s32 = x3.fma(w, s32);
            w = FloatVector.fromArray(S, b, b0 + 3 * k + p);
            s03 = x0.fma(w, s03);
            s13 = x1.fma(w, s13);
            s23 = x2.fma(w, s23);
            s33 = x3.fma(w, s33);
        }
        int c0 = cOff + i * n + j;
        c[c0] = s00.reduceLanes(VectorOperators.ADD) + tail(a, a0, b, b0, p, k);
        c[c0 + 1] = s01.reduceLanes(VectorOperators.ADD) + tail(a, a0, b, b0 + k, p, k);
        c[c0 + 2] = s02.reduceLanes(VectorOperators.ADD) + tail(a, a0, b, b0 + 2 * k, p, k);
        c[c0 + 3] = s03.reduceLanes(VectorOperators.ADD) + tail(a, a0, b, b0 + 3 * k, p, k);
        c0 += n;
        c[c0] = s10.reduceLanes(VectorOperators.ADD) + tail(a, a0 + k, b, b0, p, k);
        c[c0 + 1] = s11.reduceLanes(VectorOperators.ADD) + tail(a, a0 + k, b, b0 + k, p, k);
        c[c0 + 2] = s12.reduceLanes(VectorOperators.ADD) + tail(a, a0 + k, b, b0 + 2 * k, p, k);
        c[c0 + 3] = s13.reduceLanes(VectorOperators.ADD) + tail(a, a0 + k, b, b0 + 3 * k, p, k);
        c0 += n;
        c[c0] = s20.reduceLanes(VectorOperators.ADD) + tail(a, a0 + 2 * k, b, b0, p, k);
        c[c0 + 1] = s21.reduceLanes(VectorOperators.ADD) + tail(a, a0 + 2 * k, b, b0 + k, p, k);
        c[c0 + 2] = s22.reduceLanes(VectorOperators.ADD) + tail(a, a0 + 2 * k, b, b0 + 2 * k, p, k);
        c[c0 + 3] = s23.reduceLanes(VectorOperators.ADD) + tail(a, a0 + 2 * k, b, b0 + 3 * k, p, k);
        c0 += n;
        c[c0] = s30.reduceLanes(VectorOperators.ADD) + tail(a, a0 + 3 * k, b, b0, p, k);
        c[c0 + 1] = s31.reduceLanes(VectorOperators.ADD) + tail(a, a0 + 3 * k, b, b0 + k, p, k);
        c[c0 + 2] = s32.reduceLanes(VectorOperators.ADD) + tail(a, a0 + 3 * k, b, b0 + 2 * k, p, k);
        c[c0 + 3] = s33.reduceLanes(VectorOperators.ADD) + tail(a, a0 + 3 * k, b, b0 + 3 * k, p, k);
    }

    /** The scalar end of a dot product, from p to k. */
    private static float tail(float[] a, int ai, float[] b, int bj, int p, int k) {
        float sum = 0f;
        for (; p < k; p++) {
            sum += a[ai + p] * b[bj + p];
        }
        return sum;
    }

    private static float dot(float[] a, int ai, float[] b, int bj, int k) {
        FloatVector acc = FloatVector.zero(S);
        int p = 0;
        for (; p + L <= k; p += L) {
            acc = FloatVector.fromArray(S, a, ai + p).fma(FloatVector.fromArray(S, b, bj + p), acc);
        }
        return acc.reduceLanes(VectorOperators.ADD) + tail(a, ai, b, bj, p, k);
    }

    @Override
    void clampBackward(float[] y, float[] dy, float[] dx, int count, float max) {
        FloatVector zero = FloatVector.zero(S);
        int i = 0;
        for (; i + L <= count; i += L) {
            FloatVector out = FloatVector.fromArray(S, y, i);
            FloatVector.fromArray(S, dy, i).blend(zero, out.compare(VectorOperators.LE, 0f))
                    .blend(zero, out.compare(VectorOperators.GE, max)).intoArray(dx, i);
        }
        for (; i < count; i++) {
            dx[i] = y[i] > 0f && y[i] < max ? dy[i] : 0f;
        }
    }
}
