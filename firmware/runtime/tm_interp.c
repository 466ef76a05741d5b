/* The interpreter: a switch from op code to kernel (of the set TM_KERNEL picks, tm_kernels.h);
 * all memory is the caller's arena. */
#include "tm_interp.h"
#include "tm_kernels.h"

void tm_run_op(const tm_model *model, uint16_t index, int8_t *arena)
{
    const tm_op *op = &model->ops[index];
    const tm_tensor *in = &model->tensors[op->input];
    const tm_tensor *out = &model->tensors[op->output];
    const int8_t *input = arena + in->arena_offset;
    int8_t *output = arena + out->arena_offset;

    switch (op->opcode) {
    case TM_OP_CONV_2D:
        TM_KERNEL(tm_conv2d)(op, in, input, out, output);
        break;
    case TM_OP_DEPTHWISE_CONV_2D:
        TM_KERNEL(tm_depthwise_conv2d)(op, in, input, out, output);
        break;
    case TM_OP_FULLY_CONNECTED:
        TM_KERNEL(tm_fully_connected)(op, in, input, out, output);
        break;
    case TM_OP_MAX_POOL_2D:
        TM_KERNEL(tm_max_pool2d)(op, in, input, out, output);
        break;
    case TM_OP_AVERAGE_POOL_2D:
        TM_KERNEL(tm_average_pool2d)(op, in, input, out, output);
        break;
    case TM_OP_RESHAPE:
        TM_KERNEL(tm_reshape)(op, in, input, out, output);
        break;
    case TM_OP_SOFTMAX:
        TM_KERNEL(tm_softmax)(op, in, input, out, output);
        break;
    default:
        break; /* rejected by tm_model_check */
    }
}

void tm_invoke(const tm_model *model, int8_t *arena)
{
    uint16_t i;
    for (i = 0; i < model->op_count; i++) {
        tm_run_op(model, i, arena);
    }
}

int8_t *tm_input_data(const tm_model *model, int8_t *arena)
{
    return arena + model->tensors[model->input].arena_offset;
}

const int8_t *tm_output_data(const tm_model *model, const int8_t *arena)
{
    return arena + model->tensors[model->output].arena_offset;
}
