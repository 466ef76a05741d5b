/* The op table of tm_kernels.h as data: op code -> kernel (of the set TM_KERNEL picks), check and rules. */
#include "tm_kernels.h"

#define TM_OP_ROW(code, name, kernel, check, window, clamp) {code, TM_KERNEL(kernel), check, window, clamp},
static const tm_op_entry ops[] = { TM_OPS(TM_OP_ROW) };
#undef TM_OP_ROW

/* Each op's row in ops, counted from 1 (0: no such op), by op code: one load where the interpreter
 * looks an op up before every kernel call, instead of a search. */
#define TM_OP_ORDINAL(code, name, kernel, check, window, clamp) TM_OP_ROW_##name,
enum { TM_OPS(TM_OP_ORDINAL) TM_OP_ROWS };
#undef TM_OP_ORDINAL
#define TM_OP_ROW_OF(code, name, kernel, check, window, clamp) [code] = TM_OP_ROW_##name + 1,
static const uint8_t row_of[] = { TM_OPS(TM_OP_ROW_OF) };
#undef TM_OP_ROW_OF

const tm_op_entry *tm_op_find(uint8_t opcode)
{
    return opcode < sizeof row_of && row_of[opcode] != 0 ? &ops[row_of[opcode] - 1] : 0;
}
