/* The op table of tm_kernels.h as data: op code -> kernel (of the set TM_KERNEL picks), check and rules. */
#include "tm_kernels.h"

#define TM_OP_ROW(code, name, kernel, check, window, clamp) {code, TM_KERNEL(kernel), check, window, clamp},
static const tm_op_entry ops[] = { TM_OPS(TM_OP_ROW) };
#undef TM_OP_ROW

const tm_op_entry *tm_op_find(uint8_t opcode)
{
    uint32_t i;
    for (i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        if (ops[i].opcode == opcode) {
            return &ops[i];
        }
    }
    return 0;
}
