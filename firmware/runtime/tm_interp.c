/* The interpreter: each op's kernel from the op table (of the set TM_KERNEL picks, tm_kernels.h);
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

    /* tm_model_check accepted only ops of the table */
    tm_op_find(op->opcode)->kernel(op, in, input, out, output);
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
