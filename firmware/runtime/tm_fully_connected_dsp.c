/* FULLY_CONNECTED with the DSP extension: the bytes of tm_fully_connected. Five (or four) weight
 * rows at a time share each word of input, widened once (input offset added) into two 16-bit
 * pairs; each row's word is widened the same way and meets them in two SMLADs (four MACs). */
#include "tm_kernels.h"
#include "tm_dsp.h"

#if TM_DSP_KERNELS

void tm_fully_connected_dsp(const tm_op *op, const tm_tensor *in, const int8_t *input,
                            const tm_tensor *out, int8_t *output)
{
    const int32_t depth = (int32_t)in->bytes;
    const int32_t units = (int32_t)out->bytes;
    const int32_t input_offset = -in->zero_point;
    /* blocks of four first, as many as make the rest a multiple of five (4 * 4 = 16 = 1 mod 5),
     * where the units allow; then blocks of five, and what is left */
    const int32_t fours = 4 * (units % 5) % 5 * 4 <= units ? 4 * (units % 5) % 5 : 0;
    int32_t n, block;

    for (n = 0; n < units; n += block) {
        int32_t acc[5] = {0, 0, 0, 0, 0};
        block = n < 4 * fours ? 4 : units - n < 5 ? units - n : 5;
        if (block == 5) {
            tm_dot5(input, op->weights + n * depth, depth, depth, input_offset, acc);
        } else {
            tm_dot_block(input, op->weights + n * depth, depth, depth, block, input_offset, acc);
        }
        tm_output_block(op, out, (uint32_t)n, acc, block, output + n);
    }
}

#endif
