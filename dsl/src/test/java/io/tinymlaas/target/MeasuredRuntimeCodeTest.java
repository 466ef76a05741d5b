package io.tinymlaas.target;

import io.tinymlaas.ops.OpKind;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class MeasuredRuntimeCodeTest {

    @Test
    void readsKernelAndCoreSectionsFromSizeOutput() {
        String sizeA = """
                tm_conv.o  :
                section                size   addr
                .text                     0      0
                .text.tm_conv2d         376      0
                .data                     8      0
                .bss                     16      0
                tm_softmax.o  :
                .text.tm_softmax        288      0
                .rodata.tm_softmax.str1.1  12    0
                .text.tm_requantize      30      0
                .rodata.names.0          92      0
                Total                   814
                """;
        RuntimeCode code = MeasuredRuntimeCode.fromSizeOutput(sizeA, "test");
        assertEquals(376, code.kernelBytes(OpKind.CONV_2D));
        assertEquals(300, code.kernelBytes(OpKind.SOFTMAX));
        assertEquals(0, code.kernelBytes(OpKind.FULLY_CONNECTED));
        assertEquals(122, code.coreBytes());      // .data/.bss are RAM, "Total" is no section
    }

    @Test
    void countsTheDspKernelWithItsHelpersInsteadOfThePortableOne() {
        String sizeA = """
                .text.tm_conv2d                376      0
                .text.tm_conv2d_dsp             72      0
                .text.tm_conv2d_dsp_patch     1120      0
                .text.tm_dot4_groups4          500      0
                .text.tm_softmax               288      0
                """;
        RuntimeCode code = MeasuredRuntimeCode.fromSizeOutput(sizeA, "test");
        assertEquals(1192, code.kernelBytes(OpKind.CONV_2D));     // the portable tm_conv2d is not linked
        assertEquals(288, code.kernelBytes(OpKind.SOFTMAX));      // one kernel for both sets
        assertEquals(500, code.coreBytes());                      // the shared dot loop
        assertTrue(code.source().contains("DSP kernels"), code.source());
    }

    @Test
    void compilesARuntimeForCortexM4() throws Exception {
        Path dir = Path.of(getClass().getResource("runtime/tm_fixture.c").toURI()).getParent();
        var measured = MeasuredRuntimeCode.measure(dir, Core.CORTEX_M4F);
        assumeTrue(measured.isPresent(), "arm-none-eabi-gcc is not installed");
        RuntimeCode code = measured.get();
        assertTrue(code.kernelBytes(OpKind.CONV_2D) > 8, "conv: " + code.kernelBytes(OpKind.CONV_2D));
        assertTrue(code.kernelBytes(OpKind.SOFTMAX) >= 16 + 8, "softmax and its table");
        assertEquals(0, code.kernelBytes(OpKind.FULLY_CONNECTED));
        assertTrue(code.coreBytes() > 0, "tm_helper is core");
        assertTrue(code.source().contains("arm-none-eabi-gcc -mcpu=cortex-m4"), code.source());
        Target m4 = Target.of("qemu-m4").withRuntimeCode(code);
        assertEquals(code.coreBytes(), m4.runtimeCode().coreBytes());
    }

    @Test
    void noCompilerForXtensaMeansTheTable() throws Exception {
        Path dir = Path.of(getClass().getResource("runtime/tm_fixture.c").toURI()).getParent();
        assertTrue(MeasuredRuntimeCode.measure(dir, Core.XTENSA_LX6).isEmpty());
    }
}
